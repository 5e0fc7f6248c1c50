// `caseflow merge SHARD...`: the shards of one run (`caseflow run --shard K/N`) put back
// together, and the outputs of the whole run written from them: monthly.csv, annual.csv,
// budget.csv, summary.json and scenario.resolved.yaml, byte for byte those of a single run but
// for summary.json's wall_seconds, the shards' wall times added up (docs/scale.md).
#include <chrono>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "io/shard_merge.h"
#include "sim/runner.h"

namespace caseflow::app {

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
  cmd->add_option("shards", o->shards, "Shard folders (or their shard.cfshard files), every slice once")->required();
  cmd->add_option("--out", o->out, "Output folder")->required();
  cmd->add_option("--threads", o->threads, "Threads for the summaries (default: all cores; outputs do not depend on it)");
  cmd->add_flag("--per-replication", o->per_replication,
                "Also write each replication's financial-year and headline figures");
  cmd->add_flag("--force", o->force, "Write into an --out folder that caseflow did not write");
  cmd->callback([o] {
    const io::ForeignFolder foreign = o->force ? io::ForeignFolder::kWriteInto : io::ForeignFolder::kRefuse;
    io::check_output_folder(o->out, foreign);  // before the shards are read, not after
    const auto t0 = std::chrono::steady_clock::now();
    const io::MergedShards merged = io::merge_shards(o->shards);
    const io::ShardHeader& run = merged.run;
    const sim::RunSummary summary = sim::summarise(merged.replications, o->threads);

    // The outputs need of the scenario only what the shards carry: its name, hash, resolved
    // text and calendar.
    sim::Scenario scenario;
    scenario.name = run.scenario_name;
    scenario.hash = run.scenario_hash;
    scenario.resolved_yaml = run.resolved_yaml;
    scenario.start_date = run.start_date;
    scenario.horizon_months = run.horizon_months;
    sim::RunOptions options;
    options.replications = run.total_replications;
    options.seed = run.seed;
    options.threads = run.threads;
    // Provenance as a single run would give it: shard 1's scenario file and threads; the wall
    // time is the shards' added up, the one figure that cannot match a single run.
    io::write_run_outputs(o->out, scenario, options, summary, {run.scenario_file, merged.wall_seconds, run.threads},
                          {o->per_replication ? &merged.replications : nullptr, foreign, false});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "caseflow: merged " << run.shard_count << " shards of '" << run.scenario_name << "': "
              << run.total_replications << " replications x " << run.horizon_months << " months in " << seconds
              << " s; outputs in " << o->out << "\n";
  });
}

}  // namespace caseflow::app
