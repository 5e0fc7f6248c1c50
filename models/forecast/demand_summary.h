#pragma once
// Condenses per-source fits into the scenario's demand block: a level per source, a monthly
// profile and one trend. Schools-sourced contacts follow the school year (a deep August dip),
// so the scenario schema gives them their own profile; the shared profile averages the other
// sources. Profiles and trend are weighted by each source's level, so level * profile
// reproduces the sources' combined seasonal shape and the trend is their combined growth at
// the start month. The other sources' own shapes are blended into one.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "models/forecast/forecaster.h"
#include "models/forecast/year_month.h"

namespace caseflow::models::forecast {

struct DemandSummary {
  YearMonth start_month;
  std::vector<std::pair<std::string, double>> contacts_per_month;  // deseasonalised level
  std::array<double, 12> monthly_profile{};  // Jan..Dec, mean 1; sources other than schools
  bool has_schools = false;
  std::array<double, 12> schools_monthly_profile{};  // schools' own profile, if present
  double trend_pct_per_year = 0.0;
};

DemandSummary summarise_demand(const std::vector<std::pair<std::string, const FittedSeries*>>& fits,
                               YearMonth start_month);

}  // namespace caseflow::models::forecast
