// `caseflow run SCENARIO`: simulate the scenario's replications and write the outputs; with
// --shard K/N, only slice K of N of them, written for `caseflow merge` (docs/scale.md). A region
// file (top-level `region:`) runs every council and the region's total, or with --shard its
// slice of every council (app/region_run.h).
#include <chrono>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "app/region_run.h"
#include "app/report_file.h"
#include "app/shard_header.h"
#include "app/shard_option.h"
#include "app/simulation_options.h"
#include "io/output_dir.h"
#include "io/region_yaml.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/shard_outputs.h"
#include "io/user_error.h"
#include "sim/pooled_run.h"
#include "sim/runner.h"
#include "sim/shard_slice.h"

namespace caseflow::app {

namespace {

struct Options : SimulationOptions {
  std::string scenario;
  std::optional<ShardOption> shard;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A shard writes only its replications; what needs them all is asked of the merge, or made from its folder.
void refuse_whole_run_options(const Options& o) {
  if (o.per_replication)
    throw io::UserError("--per-replication with --shard: a shard writes only its replications; give it to `caseflow merge` instead");
  if (o.xlsx) throw io::UserError("--xlsx with --shard: a shard writes only its replications, and `caseflow merge` writes no workbook yet");
  if (o.report)
    throw io::UserError("--report with --shard: a shard writes only its replications; run `caseflow report` on the merged folder");
}

// --shard K/N: the replications of slice K, written with what merge checks.
void run_shard(const Options& o, const io::LoadedScenario& loaded, const sim::RunOptions& whole, const std::string& out) {
  const sim::Scenario& scenario = loaded.scenario;
  const ShardOption shard = *o.shard;
  if (shard.count > whole.replications)
    throw io::UserError("--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + ": " +
                        std::to_string(shard.count) + " shards of " + std::to_string(whole.replications) +
                        " replications would leave some empty: use at most " + std::to_string(whole.replications) +
                        " shards");
  const sim::ShardSlice slice = sim::shard_slice(whole.replications, shard.index, shard.count);
  sim::RunOptions options = whole;
  options.first_replication = slice.first;
  options.replications = slice.count;
  io::check_output_folder(out, o.foreign());
  check_memory(scenario, options, o.max_memory);
  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine progress(options.replications, ProgressLine::shown_on_stderr(o.quiet), std::cerr);
  const sim::Replications replications = sim::simulate_with_draws(loaded.scenario, loaded.draws, options,
                                                                  whole.replications, progress.callback());
  progress.finish();

  const io::ShardHeader h = shard_header(scenario, o.scenario, whole, shard, slice, replications, o.threads_used(),
                                        seconds_since(t0));
  io::write_shard_outputs(out, h, replications, o.foreign());
  std::cout << "caseflow: ran shard " << shard.index << "/" << shard.count << " of '" << scenario.name
            << "': replications " << slice.first << " to " << slice.first + slice.count - 1 << " of "
            << whole.replications << over_draws(loaded) << " x " << scenario.horizon_months << " months in " << h.wall_seconds << " s ("
            << h.events << " events); shard in " << out << " (caseflow merge writes the outputs)\n";
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", "Simulate a scenario and write monthly.csv, annual.csv, summary.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file, or a region file of several councils (docs/scale.md)")->required();
  add_simulation_options(*cmd, *o, "the scenario's", "out/<scenario name>");
  cmd->add_option_function<std::string>(
      "--shard",
      [o](const std::string& text) {
        o->shard = parse_shard(text);
        if (!o->shard)
          throw CLI::ValidationError("--shard", "'" + text + "' is not K/N with 1 <= K <= N (shard 3 of 8: --shard 3/8)");
      },
      "Run only slice K of N of the replications (K/N) and write them for `caseflow merge` (docs/scale.md)");
  cmd->callback([o] {
    if (io::is_region_file(o->scenario)) {
      if (!o->shard) return run_region(*o, o->scenario);
      refuse_whole_run_options(*o);
      return run_region_shard(*o, o->scenario, *o->shard);
    }
    io::LoadedScenario loaded = io::load_scenario_and_draws(o->scenario);
    const sim::Scenario& scenario = loaded.scenario;
    apply_horizon(*o, loaded);
    const sim::RunOptions options = o->run_options(scenario);
    check_draws_fit(loaded, o->scenario, options.replications);
    if (o->shard) {
      refuse_whole_run_options(*o);
      const std::string part = scenario.name + "-shard-" + std::to_string(o->shard->index) + "-of-" +
                               std::to_string(o->shard->count);
      return run_shard(*o, loaded, options, o->out.empty() ? io::default_output_folder(part) : o->out);
    }
    const std::string out = o->out.empty() ? io::default_output_folder(scenario.name) : o->out;
    io::check_output_folder(out, o->foreign());  // before the replications run, not after
    check_memory(scenario, options, o->max_memory);
    const auto t0 = std::chrono::steady_clock::now();
    ProgressLine progress(options.replications, ProgressLine::shown_on_stderr(o->quiet), std::cerr);
    const sim::Replications replications = sim::simulate_with_draws(
        loaded.scenario, loaded.draws, options, options.replications, progress.callback());
    progress.finish();
    const sim::RunSummary summary = sim::summarise(replications, options.threads);
    const double seconds = seconds_since(t0);
    io::write_run_outputs(out, scenario, options, summary, {o->scenario, seconds, o->threads_used()},
                          {o->per_replication ? &replications : nullptr, o->foreign(), o->xlsx});
    if (o->report) add_report_to_output_set(out);
    std::cout << "caseflow: ran '" << scenario.name << "': " << counted(options.replications, "replication") << over_draws(loaded) << " x "
              << counted(scenario.horizon_months, "month") << " in " << seconds << " s (" << summary.events
              << " events); outputs in " << out << "\n";
  });
}

}  // namespace caseflow::app
