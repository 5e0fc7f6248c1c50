#include "sim/replications.h"

#include <cmath>
#include <limits>

namespace caseflow::sim {

int Replications::months_in_year(std::size_t year) const {
  int n = 0;
  for (int fy : financial_year_of_month) n += fy == financial_years[year] ? 1 : 0;
  return n;
}

double year_figure(const Replications& r, const MetricInfo& info, std::size_t series, std::size_t year,
                   std::size_t rep) {
  const double* values = r.series(rep, series);
  const int fy = r.financial_years[year];
  const auto months = static_cast<std::size_t>(r.months);
  if (info.year == YearRule::kSum) {
    double total = 0;
    for (std::size_t m = 0; m < months; ++m)
      if (r.financial_year_of_month[m] == fy) total += values[m];
    return total;
  }
  if (info.year == YearRule::kYearEnd) {
    std::size_t last = 0;
    for (std::size_t m = 0; m < months; ++m)
      if (r.financial_year_of_month[m] == fy) last = m;
    return values[last];
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double horizon_mean(const Replications& r, std::size_t series, std::size_t rep) {
  const double* values = r.series(rep, series);
  double sum = 0;
  int n = 0;
  for (int m = 0; m < r.months; ++m)
    if (!std::isnan(values[m])) {
      sum += values[m];
      ++n;
    }
  return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
}

double final_month(const Replications& r, std::size_t series, std::size_t rep) {
  return r.series(rep, series)[r.months - 1];
}

}  // namespace caseflow::sim
