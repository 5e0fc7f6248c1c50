#include "sim/runner.h"

#include <algorithm>
#include <cmath>

#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

RunSummary run_scenario(const Scenario& scenario, const RunOptions& options) {
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(scenario, calendar);
  const auto results = engine::run_replications<ReplicationResult>(
      options.replications, options.threads,
      [&](std::uint32_t rep) { return run_replication(scenario, calendar, demand, options.seed, rep); });

  RunSummary summary;
  summary.months = scenario.horizon_months;
  summary.replications = options.replications;
  const auto& layout = series_layout(scenario.stages->size() - 1);
  summary.layout = &layout;
  summary.stage_labels = scenario.stages->group_labels();
  const auto months = static_cast<std::size_t>(summary.months);
  summary.series.resize(layout.total());
  // One series at a time on each thread: its months from every replication are copied
  // together (each replication's series is contiguous), then summarised month by month.
  engine::parallel_for(static_cast<std::uint32_t>(layout.total()), options.threads, [&](std::uint32_t s) {
    std::vector<double> by_replication(results.size() * months);
    for (std::size_t r = 0; r < results.size(); ++r)
      std::copy_n(results[r].monthly.values.begin() + static_cast<std::ptrdiff_t>(s * months), months,
                  by_replication.begin() + static_cast<std::ptrdiff_t>(r * months));
    auto& out = summary.series[s];
    std::vector<double> values;
    values.reserve(results.size());
    for (std::size_t m = 0; m < months; ++m) {
      values.clear();
      for (std::size_t r = 0; r < results.size(); ++r) {
        const double v = by_replication[r * months + m];
        if (!std::isnan(v)) values.push_back(v);
      }
      const engine::Spread spread = engine::spread_of(values);  // all NaN when every value is
      out.mean.push_back(spread.mean);
      out.p10.push_back(spread.p10);
      out.p50.push_back(spread.p50);
      out.p90.push_back(spread.p90);
    }
  });
  for (const auto& r : results) {
    summary.events += r.events;
    summary.peak_child_records = std::max(summary.peak_child_records, r.peak_child_records);
  }

  // Financial years (April to March) that the horizon covers, in full or in part.
  std::vector<int> fy_of_month(months);
  for (std::size_t m = 0; m < months; ++m) {
    fy_of_month[m] = calendar.financial_year_of_month(static_cast<int>(m));
    if (summary.financial_years.empty() || summary.financial_years.back() != fy_of_month[m])
      summary.financial_years.push_back(fy_of_month[m]);
  }
  std::vector<double> values;
  values.reserve(results.size());
  summary.annual.resize(layout.total());
  for (const auto& info : metric_catalogue()) {
    if (info.year == YearRule::kNone) continue;
    for (std::size_t g = 0; g < layout.groups(info.metric); ++g) {
      const std::size_t s = layout.series(info.metric, g);
      for (int fy : summary.financial_years) {
        values.clear();
        for (const auto& r : results) {
          const double* month_values = r.monthly.values.data() + s * months;
          if (info.year == YearRule::kSum) {
            double total = 0;
            for (std::size_t m = 0; m < months; ++m)
              if (fy_of_month[m] == fy) total += month_values[m];
            values.push_back(total);
          } else {  // a year measure: its value at the year's last month in the horizon
            std::size_t last = 0;
            for (std::size_t m = 0; m < months; ++m)
              if (fy_of_month[m] == fy) last = m;
            if (!std::isnan(month_values[last])) values.push_back(month_values[last]);
          }
        }
        summary.annual[s].push_back(engine::spread_of(values));
      }
    }
  }
  return summary;
}

}  // namespace caseflow::sim
