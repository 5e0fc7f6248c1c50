// `caseflow run SCENARIO`: simulate the scenario's replications and write the outputs.
#include <chrono>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/runner.h"

namespace caseflow::app {

void add_run_command(CLI::App& app) {
  struct Options {
    std::string scenario, out;  // empty: out/<scenario name>
    std::uint32_t reps = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
    int horizon_months = 0;
    bool per_replication = false, force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", "Simulate a scenario and write monthly.csv, annual.csv, summary.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--reps", o->reps, "Replications (default: the scenario's)")->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--seed", o->seed, "Random seed (default: the scenario's)");
  cmd->add_option("--threads", o->threads, "Threads (default: all cores)");
  cmd->add_option("--horizon-months", o->horizon_months, "Months to simulate (default: the scenario's)")
      ->check(CLI::Range(1, 600));
  cmd->add_option("--out", o->out, "Output folder (default: out/<scenario name>)");
  cmd->add_flag("--per-replication", o->per_replication,
                "Also write each replication's financial-year and headline figures");
  cmd->add_flag("--force", o->force, "Write into an --out folder that caseflow did not write");
  cmd->callback([o] {
    sim::Scenario scenario = io::load_scenario(o->scenario);
    if (o->horizon_months > 0) scenario.horizon_months = o->horizon_months;
    sim::RunOptions options{o->reps ? o->reps : scenario.replications, o->seed ? o->seed : scenario.seed, o->threads};
    const auto t0 = std::chrono::steady_clock::now();
    const std::string out = o->out.empty() ? io::default_output_folder(scenario.name) : o->out;
    const auto foreign = o->force ? io::ForeignFolder::kWriteInto : io::ForeignFolder::kRefuse;
    io::check_output_folder(out, foreign);  // before the replications run, not after
    const sim::Replications replications = sim::simulate_replications(scenario, options);
    const sim::RunSummary summary = sim::summarise(replications, options.threads);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const unsigned threads = o->threads ? o->threads : std::max(1u, std::thread::hardware_concurrency());
    io::write_run_outputs(out, scenario, options, summary, {o->scenario, seconds, threads},
                          {o->per_replication ? &replications : nullptr, foreign});
    std::cout << "caseflow: ran '" << scenario.name << "': " << options.replications << " replications x "
              << scenario.horizon_months << " months in " << seconds << " s (" << summary.events
              << " events); outputs in " << out << "\n";
  });
}

}  // namespace caseflow::app
