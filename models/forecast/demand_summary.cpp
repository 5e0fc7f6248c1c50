#include "models/forecast/demand_summary.h"

#include <stdexcept>

namespace caseflow::models::forecast {

DemandSummary summarise_demand(const std::vector<std::pair<std::string, const FittedSeries*>>& fits,
                               YearMonth start_month) {
  if (fits.empty()) throw std::invalid_argument("summarise_demand needs at least one fitted series");
  DemandSummary out;
  out.start_month = start_month;
  // Schools get their own profile only when some other source can carry the shared one.
  const bool separate_schools = fits.size() > 1;
  double total_level = 0.0, shared_level = 0.0;
  for (const auto& [source, fitted] : fits) {
    const double level = fitted->deseasonalised_level(start_month);
    out.contacts_per_month.emplace_back(source, level);
    total_level += level;
    out.trend_pct_per_year += level * fitted->trend_pct_per_year();
    const auto profile = fitted->seasonal_profile();
    if (separate_schools && source == "schools") {
      out.has_schools = true;
      out.schools_monthly_profile = profile;
      continue;
    }
    shared_level += level;
    for (std::size_t m = 0; m < 12; ++m) out.monthly_profile[m] += level * profile[m];
  }
  for (double& p : out.monthly_profile) p /= shared_level;  // each source's profile has mean 1, so this does too
  out.trend_pct_per_year /= total_level;
  return out;
}

}  // namespace caseflow::models::forecast
