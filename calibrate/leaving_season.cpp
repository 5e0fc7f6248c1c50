#include "calibrate/leaving_season.h"

#include <cmath>

#include "sim/engine/civil_date.h"

namespace caseflow::calibrate {

namespace {

// Days of each calendar month over the years, February's leap days spread.
constexpr std::array<double, 12> kMonthDays = {31, 28.2425, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr double kYearDays = 365.2425;

}  // namespace

LeavingSeason leaving_season(const std::vector<returns::Day>& leaving_days) {
  LeavingSeason s;
  for (returns::Day d : leaving_days) s.leavers[static_cast<std::size_t>(engine::civil_from_days(d).month - 1)] += 1;
  for (long long n : s.leavers) s.total += n;
  s.multipliers.fill(1.0);
  s.low.fill(1.0);
  s.high.fill(1.0);
  if (s.total == 0) return s;
  const double total = static_cast<double>(s.total);
  // A month's leavers per day, over the mean of the twelve months' (so the multipliers average 1).
  double mean_rate = 0;
  for (std::size_t m = 0; m < 12; ++m) mean_rate += static_cast<double>(s.leavers[m]) / kMonthDays[m] / 12.0;
  constexpr double z = 1.959963984540054;
  for (std::size_t m = 0; m < 12; ++m) {
    const double k = static_cast<double>(s.leavers[m]);
    s.multipliers[m] = k / kMonthDays[m] / mean_rate;
    // The score interval of a Poisson mean: k + z^2/2 -+ z sqrt(k + z^2/4).
    const double centre = k + z * z / 2, half = z * std::sqrt(k + z * z / 4);
    s.low[m] = (centre - half) / kMonthDays[m] / mean_rate;
    s.high[m] = (centre + half) / kMonthDays[m] / mean_rate;
    const double expected = total * kMonthDays[m] / kYearDays;
    if (k > 0) s.likelihood_ratio += 2 * k * std::log(k / expected);
  }
  s.penalty = 11 * std::log(total);
  return s;
}

}  // namespace caseflow::calibrate
