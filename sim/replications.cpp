#include "sim/replications.h"

#include <cmath>
#include <limits>
#include <utility>

#include "sim/engine/calendar.h"

namespace caseflow::sim {

int Replications::months_in_year(std::size_t year) const {
  int n = 0;
  for (int fy : financial_year_of_month) n += fy == financial_years[year] ? 1 : 0;
  return n;
}

Replications replications_frame(int months, const engine::CivilDate& start, std::uint64_t seed,
                                std::vector<std::string> stage_labels) {
  const engine::Calendar calendar(start, 1, months / 12 + 2);
  Replications r;
  r.months = months;
  r.seed = seed;
  r.layout = &series_layout(stage_labels.size());
  r.stage_labels = std::move(stage_labels);
  for (int m = 0; m < months; ++m) {
    const int fy = calendar.financial_year_of_month(m);
    r.financial_year_of_month.push_back(fy);
    if (r.financial_years.empty() || r.financial_years.back() != fy) r.financial_years.push_back(fy);
  }
  return r;
}

std::size_t Replications::bytes() const {
  std::size_t total = monthly.capacity() * sizeof(CompactSeries);
  for (const auto& m : monthly) total += m.bytes() - sizeof(CompactSeries);
  return total;
}

double year_figure(const Replications& r, const MetricInfo& info, std::size_t series, std::size_t year,
                   std::size_t rep) {
  const SeriesView values = r.series(rep, series);
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
  const SeriesView values = r.series(rep, series);
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
