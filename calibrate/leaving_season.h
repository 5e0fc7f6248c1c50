#pragma once
// The season of leaving (workforce.leaving_by_month) from the workforce census: each leaver's
// RoleEndDate, counted by calendar month. A month's multiplier is its leavers per day over
// the year's average (mean 1 over the twelve months). With one council's few leavers a year
// (the demo council: 13-20) most seasons are noise, so the multipliers are written only when
// they beat one flat rate by BIC: twice the Poisson log-likelihood gain over a flat rate (each
// month's expected leavers in proportion to its days) above 11 x ln(leavers).
#include <array>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::calibrate {

struct LeavingSeason {
  std::array<long long, 12> leavers{};     // by calendar month of leaving, January first
  std::array<double, 12> multipliers{};    // mean 1 (all 1 without leavers)
  std::array<double, 12> low{}, high{};    // each multiplier's 95% interval (Poisson score)
  long long total = 0;
  double likelihood_ratio = 0;  // 2 x the log-likelihood gain over a flat rate
  double penalty = 0;           // 11 x ln(total)
  bool beats_flat() const { return total > 0 && likelihood_ratio > penalty; }
};

LeavingSeason leaving_season(const std::vector<returns::Day>& leaving_days);

}  // namespace caseflow::calibrate
