// `caseflow run SCENARIO`: simulate the scenario's replications and write the outputs.
#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "app/report_file.h"
#include "app/simulation_options.h"
#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/runner.h"

namespace caseflow::app {

void add_run_command(CLI::App& app) {
  struct Options : SimulationOptions {
    std::string scenario;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", "Simulate a scenario and write monthly.csv, annual.csv, summary.json");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  add_simulation_options(*cmd, *o, "the scenario's", "out/<scenario name>");
  cmd->callback([o] {
    sim::Scenario scenario = io::load_scenario(o->scenario);
    o->apply_horizon(scenario);
    const sim::RunOptions options = o->run_options(scenario);
    const std::string out = o->out.empty() ? io::default_output_folder(scenario.name) : o->out;
    io::check_output_folder(out, o->foreign());  // before the replications run, not after
    check_memory(scenario, options, o->max_memory);
    const auto t0 = std::chrono::steady_clock::now();
    ProgressLine progress(options.replications, ProgressLine::shown_on_stderr(o->quiet), std::cerr);
    const sim::Replications replications = sim::simulate_replications(scenario, options, progress.callback());
    progress.finish();
    const sim::RunSummary summary = sim::summarise(replications, options.threads);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    io::write_run_outputs(out, scenario, options, summary, {o->scenario, seconds, o->threads_used()},
                          {o->per_replication ? &replications : nullptr, o->foreign(), o->xlsx});
    if (o->report) add_report_to_output_set(out);
    std::cout << "caseflow: ran '" << scenario.name << "': " << options.replications << " replications x "
              << scenario.horizon_months << " months in " << seconds << " s (" << summary.events
              << " events); outputs in " << out << "\n";
  });
}

}  // namespace caseflow::app
