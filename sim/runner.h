#pragma once
// Runs a scenario's replications on the thread pool and summarises every monthly series
// across them (mean and P10/P50/P90), identically for any thread count.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/statistics.h"
#include "sim/model.h"
#include "sim/replications.h"
#include "sim/scenario.h"

namespace caseflow::sim {

struct RunOptions {
  std::uint32_t replications = 100;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  // The id of the first replication run: a shard runs ids first_replication .. +replications-1
  // of a larger run (sim/shard_slice.h), each the same replication whichever process runs it.
  std::uint32_t first_replication = 0;
};

struct SeriesSummary {
  std::vector<double> mean, p10, p50, p90;  // by month; NaN where no replication had a value
};

struct RunSummary {
  int months = 0;
  std::uint32_t replications = 0;
  const SeriesLayout* layout = nullptr;   // of the scenario's stage table
  std::vector<std::string> stage_labels;  // the stage groups' labels, in layout order
  std::vector<SeriesSummary> series;      // by layout index
  std::uint64_t events = 0;
  std::size_t peak_child_records = 0;
  // Financial-year figures (MetricInfo::year: totals of flows and costs, year measures at
  // the year's last month): by series, by financial year (April to March).
  std::vector<int> financial_years;
  std::vector<std::vector<engine::Spread>> annual;
  // Headline figures of each metric's "all" series (by Metric): the spread across
  // replications of each replication's monthly mean over the horizon, and of its final month.
  std::vector<engine::Spread> horizon_mean, final_month;
};

// The replications themselves, unsummarised: replication r uses (options.seed, r), so two
// scenarios simulated with the same options share their random numbers (sim/keys.h). The ids
// run are options.first_replication onwards.
// `replication_done` is called as each replication finishes, from the thread that ran it.
Replications simulate_replications(const Scenario& scenario, const RunOptions& options,
                                   const std::function<void()>& replication_done = {});
// The same with replication i (of options.replications, from options.first_replication) run by
// versions[version_of(i)]: versions of one scenario sharing its start date, horizon and stage
// groups (sim/pooled_run.h checks them), all on one pool of threads.
Replications simulate_versions(const std::vector<const Scenario*>& versions, const std::function<std::size_t(std::uint32_t)>& version_of,
                               const RunOptions& options, const std::function<void()>& replication_done = {});
// Their summary across replications (threads: for the per-series work; results do not depend on it).
RunSummary summarise(const Replications& replications, unsigned threads);
// Both.
RunSummary run_scenario(const Scenario& scenario, const RunOptions& options);

}  // namespace caseflow::sim
