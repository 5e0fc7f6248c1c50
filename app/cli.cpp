#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include "app/command_failure.h"
#include "app/commands.h"
#include "caseflow/version.h"
#include "io/edit_distance.h"

namespace caseflow::app {

namespace {

// Each command's place in the overview and the example its --help ends with: one table, so
// a new command without an example fails tests/app/seed_and_command_words_test.cpp.
struct CommandHelp {
  const char* name;
  const char* group;
  const char* example;
};
constexpr const char* kForUsers = "Commands";
constexpr const char* kForDevelopers = "Developer commands";
constexpr CommandHelp kCommandHelp[] = {
    {"run", kForUsers, "caseflow run scenarios/baseline.yaml --reps 200"},
    {"merge", kForUsers,
     "caseflow merge out/part1 out/part2 out/part3 --out out/baseline"},
    {"compare", kForUsers, "caseflow compare scenarios/baseline.yaml scenarios/agency-reduction.yaml"},
    {"plan", kForUsers,
     "caseflow plan scenarios/baseline.yaml --target 'caseload_per_fte<=18' --target "
     "'assessments_within_45wd_pct>=85' --team assessment --team help_protection"},
    {"report", kForUsers, "caseflow report out/baseline --out out/baseline-report.html"},
    {"validate", kForUsers, "caseflow validate scenarios/post-covid-surge.yaml"},
    {"forecast", kForUsers,
     "caseflow forecast scenarios/history/example-referrals.csv --horizon-months 24 --base scenarios/baseline.yaml --out out/forecast\n"
     "  caseflow run out/forecast/forecast.yaml   # the forecast demand, its uncertainty included"},
    {"calibrate", kForUsers,
     "caseflow calibrate scenarios/synthetic-council --as-of 2024-03-31 --out council.yaml"},
    {"backtest", kForUsers,
     "caseflow backtest scenarios/synthetic-council --train-to 2022-03-31 --out out/backtest"},
    {"inspect-returns", kForUsers, "caseflow inspect-returns scenarios/synthetic-council"},
    {"metrics", kForUsers, "caseflow metrics"},
    {"scenario-format", kForUsers, "caseflow scenario-format > scenario-format.md"},
    {"project", kForDevelopers, "caseflow project scenarios/baseline.yaml --out out/projection"},
    {"synth", kForDevelopers, "caseflow synth scenarios/baseline.yaml --years 5 --out out/synthetic-returns"},
    {"demo", kForDevelopers, "caseflow demo --lambda 0.2 --mu 0.1 --servers 3"},
};

// Groups every command and gives its --help the example.
void describe_commands(CLI::App& app) {
  for (CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    for (const CommandHelp& help : kCommandHelp)
      if (command->get_name() == help.name) {
        command->group(help.group);
        command->footer(std::string("\nExample:\n  ") + help.example);
      }
}

constexpr const char* kFirstExample =
    "\nExample, the bundled baseline (outputs in out/baseline):\n"
    "  caseflow run scenarios/baseline.yaml\n";

// "; did you mean 'run'?" when a command is within two edits of `word`, else nothing.
std::string nearest_command(const CLI::App& app, const std::string& word) {
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::size_t d = io::edit_distance(word, c->get_name());
    if (d < best_distance) best = c->get_name(), best_distance = d;
  }
  return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace

int run_main(int argc, const char* const* argv) {
  CLI::App app{"caseflow: demand, caseload, backlog and cost forecasts for children's social care"};
  app.set_version_flag("--version", std::string("caseflow ") + kVersion + " (git " + kGitRevision + ")");
  app.require_subcommand(1);
  add_run_command(app);
  add_merge_command(app);
  add_compare_command(app);
  add_plan_command(app);
  add_report_command(app);
  add_validate_command(app);
  add_metrics_command(app);
  add_scenario_format_command(app);
  add_forecast_command(app);
  add_project_command(app);
  add_demo_command(app);
  add_inspect_returns_command(app);
  add_synth_command(app);
  add_calibrate_command(app);
  add_backtest_command(app);
  describe_commands(app);
  // A bare `caseflow` or `caseflow help` prints the overview; a word that is not a command is
  // named, with the nearest command, rather than CLI11's "A subcommand is required".
  if (argc < 2 || std::string_view(argv[1]) == "help") {
    std::cout << app.help() << kFirstExample;
    return 0;
  }
  if (argv[1][0] != '-' && app.get_subcommands([&](const CLI::App* c) { return c->check_name(argv[1]); }).empty()) {
    std::cerr << "caseflow: error: '" << argv[1] << "' is not a caseflow command" << nearest_command(app, argv[1])
              << " (see caseflow help)\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help and --version
  } catch (...) {
    const CommandFailure failure = command_failure(std::current_exception(), "caseflow");
    std::cerr << failure.message << "\n";
    return failure.status;
  }
}

}  // namespace caseflow::app
