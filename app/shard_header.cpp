#include "app/shard_header.h"

#include "caseflow/version.h"

namespace caseflow::app {

io::ShardHeader shard_header(const sim::Scenario& scenario, const std::string& scenario_file,
                             const sim::RunOptions& whole, ShardOption shard, sim::ShardSlice slice,
                             const sim::Replications& replications, unsigned threads, double wall_seconds) {
  io::ShardHeader h;
  h.caseflow_version = kVersion;
  h.git_revision = kGitRevision;
  h.scenario_name = scenario.name;
  h.scenario_file = scenario_file;
  h.scenario_hash = scenario.hash;
  h.resolved_yaml = scenario.resolved_yaml;
  h.seed = whole.seed;
  h.total_replications = whole.replications;
  h.shard_index = shard.index;
  h.shard_count = shard.count;
  h.first_replication = slice.first;
  h.replications = slice.count;
  h.horizon_months = scenario.horizon_months;
  h.start_date = scenario.start_date;
  h.stage_labels = replications.stage_labels;
  h.series = static_cast<std::uint32_t>(replications.layout->total());
  h.threads = threads;
  h.wall_seconds = wall_seconds;
  h.events = replications.events;
  h.peak_child_records = replications.peak_child_records;
  h.parameter_draws = scenario.parameter_draws;
  return h;
}

}  // namespace caseflow::app
