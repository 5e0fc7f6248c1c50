// `caseflow merge SHARD...`: the shards of one run (`caseflow run --shard K/N`) put back
// together, and the outputs of the whole run written from them: monthly.csv, annual.csv,
// budget.csv, summary.json and scenario.resolved.yaml, byte for byte those of a single run but
// for summary.json's wall_seconds, the shards' wall times added up (docs/scale.md). The shards
// of a region run give the region's whole output set, each council's folder and the total.
#include <chrono>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "app/counted.h"
#include "io/output_dir.h"
#include "io/region_outputs.h"
#include "io/region_shard_merge.h"
#include "io/run_outputs.h"
#include "io/shard_merge.h"
#include "io/user_error.h"
#include "sim/runner.h"

namespace caseflow::app {

namespace {

// What the outputs need of a scenario, from a shard's header: its name, hash, resolved text
// and calendar.
sim::Scenario scenario_of(const io::ShardHeader& run) {
  sim::Scenario scenario;
  scenario.name = run.scenario_name;
  scenario.hash = run.scenario_hash;
  scenario.resolved_yaml = run.resolved_yaml;
  scenario.start_date = run.start_date;
  scenario.horizon_months = run.horizon_months;
  scenario.parameter_draws = run.parameter_draws;
  return scenario;
}

// Every path of one kind, or a UserError naming the first path of each kind.
io::ShardKind kind_of_all(const std::vector<std::string>& paths) {
  std::vector<io::ShardPath> found;
  for (const auto& path : paths) {
    found.push_back(io::find_shard(path));
    if (found.back().kind != found.front().kind) {
      const bool region = found.back().kind == io::ShardKind::kRegion;
      throw io::UserError(found.back().file, 0, 0,
                          std::string("is a ") + (region ? "region" : "scenario") + " shard, but " +
                              found.front().file + " is a " + (region ? "scenario" : "region") +
                              " shard: a merge takes the shards of one run (every `caseflow run --shard` of one "
                              "scenario file, or of one region file)");
    }
  }
  return found.front().kind;
}

// The shards of a region run: the outputs of `caseflow run REGION.yaml`, each council's from
// its merged slices, with provenance as a single run would give it (shard 1's files and
// threads; wall times the shards' added up).
void merge_region(const std::vector<std::string>& paths, const std::string& out, unsigned threads,
                  bool per_replication, io::ForeignFolder foreign) {
  const auto t0 = std::chrono::steady_clock::now();
  const io::MergedRegionShards merged = io::merge_region_shards(paths);
  const io::RegionShardHeader& run = merged.run;
  io::RegionProvenance provenance{run.region_name, run.region_file, run.region_hash, run.resolved_yaml, {}};
  std::vector<sim::Scenario> scenarios;
  for (const auto& council : merged.councils) scenarios.push_back(scenario_of(council.run));
  io::RegionRun region;
  region.region = &provenance;
  double seconds = 0;
  for (std::size_t i = 0; i < merged.councils.size(); ++i) {
    const io::MergedShards& council = merged.councils[i];
    const io::ShardHeader& h = council.run;
    provenance.councils.push_back({run.council_names[i], h.scenario_name, h.scenario_file, h.scenario_hash,
                                   h.seed, council.wall_seconds, h.parameter_draws});
    sim::RunOptions options;
    options.replications = h.total_replications;
    options.seed = h.seed;
    options.threads = threads;
    region.councils.push_back(
        {&scenarios[i], options, &council.replications, {h.scenario_file, council.wall_seconds, h.threads}});
    seconds += council.wall_seconds;
  }
  const io::ShardHeader& first = merged.councils.front().run;
  region.total = {run.region_file, seconds, first.threads};
  region.summary_threads = threads;
  region.per_replication = per_replication;
  region.foreign = foreign;
  io::write_region_outputs(out, region);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "caseflow: merged " << run.shard_count << " shards of region '" << run.region_name << "': "
            << counted(merged.councils.size(), "council") << " x " << counted(first.total_replications, "replication") << " x "
            << counted(first.horizon_months, "month") << " in " << took << " s; outputs in " << out << "\n";
}

}  // namespace

void add_merge_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> shards;
    std::string out;
    unsigned threads = 0;
    bool per_replication = false;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "merge", "Merge the shards of a run (run --shard K/N) into the outputs of the whole run");
  cmd->add_option("shards", o->shards, "Shard folders (or their shard.cfshard or region.cfshard files), every slice once")->required();
  cmd->add_option("--out", o->out, "Output folder")->required();
  cmd->add_option("--threads", o->threads, "Threads for the summaries (default: all cores; outputs do not depend on it)");
  cmd->add_flag("--per-replication", o->per_replication,
                "Also write each replication's financial-year and headline figures");
  cmd->add_flag("--force", o->force, "Write into an --out folder that caseflow did not write");
  cmd->callback([o] {
    const io::ForeignFolder foreign = o->force ? io::ForeignFolder::kWriteInto : io::ForeignFolder::kRefuse;
    io::check_output_folder(o->out, foreign);  // before the shards are read, not after
    if (!o->shards.empty() && kind_of_all(o->shards) == io::ShardKind::kRegion)
      return merge_region(o->shards, o->out, o->threads, o->per_replication, foreign);
    const auto t0 = std::chrono::steady_clock::now();
    const io::MergedShards merged = io::merge_shards(o->shards);
    const io::ShardHeader& run = merged.run;
    const sim::RunSummary summary = sim::summarise(merged.replications, o->threads);

    const sim::Scenario scenario = scenario_of(run);
    sim::RunOptions options;
    options.replications = run.total_replications;
    options.seed = run.seed;
    options.threads = run.threads;
    // Provenance as a single run would give it: shard 1's scenario file and threads; the wall
    // time is the shards' added up, the one figure that cannot match a single run.
    io::write_run_outputs(o->out, scenario, options, summary, {run.scenario_file, merged.wall_seconds, run.threads},
                          {o->per_replication ? &merged.replications : nullptr, foreign, false});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "caseflow: merged " << run.shard_count << " shards of '" << run.scenario_name
              << "': " << counted(run.total_replications, "replication")
              << (run.parameter_draws > 0 ? " over " + counted(run.parameter_draws, "parameter draw") : "")
              << " x " << counted(run.horizon_months, "month") << " in " << seconds << " s; outputs in "
              << o->out << "\n";
  });
}

}  // namespace caseflow::app
