#pragma once
// Each subcommand registers itself on the CLI11 app; one file per subcommand.
#include <CLI/CLI.hpp>

namespace caseflow::app {

void add_run_command(CLI::App& app);
void add_merge_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_plan_command(CLI::App& app);
void add_validate_command(CLI::App& app);
void add_metrics_command(CLI::App& app);
void add_scenario_format_command(CLI::App& app);
void add_forecast_command(CLI::App& app);
void add_project_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_inspect_returns_command(CLI::App& app);
void add_synth_command(CLI::App& app);
void add_calibrate_command(CLI::App& app);
void add_backtest_command(CLI::App& app);
void add_report_command(CLI::App& app);

// Runs the whole command line; returns the process exit status (0 ok, 1 internal, 2 user error).
int run_main(int argc, const char* const* argv);

}  // namespace caseflow::app
