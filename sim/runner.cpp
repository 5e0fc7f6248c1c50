#include "sim/runner.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

Replications simulate_replications(const Scenario& scenario, const RunOptions& options,
                                   const std::function<void()>& replication_done) {
  return simulate_versions({&scenario}, [](std::uint32_t) { return std::size_t{0}; }, options, replication_done);
}

Replications simulate_versions(const std::vector<const Scenario*>& versions, const std::function<std::size_t(std::uint32_t)>& version_of,
                               const RunOptions& options, const std::function<void()>& replication_done) {
  // Each version's calendar and demand, prepared once. The demand refers to its calendar, so
  // each pair stays where it was made.
  struct Prepared {
    explicit Prepared(const Scenario& v)
        : calendar(v.start_date, 5, v.horizon_months / 12 + 30), demand(prepared_demand(v, calendar)) {}
    engine::Calendar calendar;
    DemandModel demand;
  };
  std::vector<std::unique_ptr<const Prepared>> prepared;
  for (const Scenario* v : versions) prepared.push_back(std::make_unique<const Prepared>(*v));
  // Each replication's series are made compact on the thread that ran it, as it finishes, so
  // that the run never holds more than the running replications' full series.
  struct Kept {
    CompactSeries monthly;
    std::uint64_t events = 0;
    std::size_t peak_child_records = 0;
  };
  auto results = engine::run_replications<Kept>(options.replications, options.threads, [&](std::uint32_t i) {
    const std::size_t k = version_of(i);
    ReplicationResult result = run_replication(*versions[k], prepared[k]->calendar, prepared[k]->demand, options.seed, options.first_replication + i);
    Kept kept{CompactSeries(result.monthly), result.events, result.peak_child_records};
    if (replication_done) replication_done();
    return kept;
  });

  const Scenario& scenario = *versions.front();
  Replications r = replications_frame(scenario.horizon_months, scenario.start_date, options.seed,
                                      scenario.stages->group_labels());
  r.first_id = options.first_replication;
  r.monthly.reserve(results.size());
  for (auto& result : results) {
    r.events += result.events;
    r.peak_child_records = std::max(r.peak_child_records, result.peak_child_records);
    r.monthly.push_back(std::move(result.monthly));
  }
  return r;
}

RunSummary summarise(const Replications& r, unsigned threads) {
  RunSummary summary;
  summary.months = r.months;
  summary.replications = static_cast<std::uint32_t>(r.count());
  summary.layout = r.layout;
  summary.stage_labels = r.stage_labels;
  summary.events = r.events;
  summary.peak_child_records = r.peak_child_records;
  summary.financial_years = r.financial_years;
  const auto& layout = *r.layout;
  const auto months = static_cast<std::size_t>(r.months);
  summary.series.resize(layout.total());
  // One series at a time on each thread: its months from every replication are copied
  // together (each replication's series is contiguous), then summarised month by month.
  engine::parallel_for(static_cast<std::uint32_t>(layout.total()), threads, [&](std::uint32_t s) {
    std::vector<double> by_replication(r.count() * months);
    for (std::size_t rep = 0; rep < r.count(); ++rep)
      r.copy_series(rep, s, by_replication.data() + rep * months);
    auto& out = summary.series[s];
    std::vector<double> values;
    values.reserve(r.count());
    for (std::size_t m = 0; m < months; ++m) {
      values.clear();
      for (std::size_t rep = 0; rep < r.count(); ++rep) {
        const double v = by_replication[rep * months + m];
        if (!std::isnan(v)) values.push_back(v);
      }
      const engine::Spread spread = engine::spread_of(values);  // all NaN when every value is
      out.mean.push_back(spread.mean);
      out.p10.push_back(spread.p10);
      out.p50.push_back(spread.p50);
      out.p90.push_back(spread.p90);
    }
  });

  // Every figure below is a spread of per-replication figures (sim/replications.h), the
  // replications without a value left out.
  std::vector<double> values;
  values.reserve(r.count());
  auto spread_over_replications = [&](auto figure) {
    values.clear();
    for (std::size_t rep = 0; rep < r.count(); ++rep) {
      const double v = figure(rep);
      if (!std::isnan(v)) values.push_back(v);
    }
    return engine::spread_of(values);
  };
  summary.annual.resize(layout.total());
  for (const auto& info : metric_catalogue()) {
    const std::size_t all = layout.series(info.metric, layout.all_group(info.metric));
    summary.horizon_mean.push_back(spread_over_replications([&](std::size_t rep) { return horizon_mean(r, all, rep); }));
    summary.final_month.push_back(spread_over_replications([&](std::size_t rep) { return final_month(r, all, rep); }));
    if (info.year == YearRule::kNone) continue;
    for (std::size_t g = 0; g < layout.groups(info.metric); ++g) {
      const std::size_t s = layout.series(info.metric, g);
      for (std::size_t y = 0; y < r.financial_years.size(); ++y)
        summary.annual[s].push_back(
            spread_over_replications([&](std::size_t rep) { return year_figure(r, info, s, y, rep); }));
    }
  }
  return summary;
}

RunSummary run_scenario(const Scenario& scenario, const RunOptions& options) {
  return summarise(simulate_replications(scenario, options), options.threads);
}

}  // namespace caseflow::sim
