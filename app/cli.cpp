#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include "app/commands.h"
#include "caseflow/version.h"
#include "io/returns/returns_error.h"
#include "io/edit_distance.h"
#include "io/user_error.h"

namespace caseflow::app {

namespace {

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
  add_compare_command(app);
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
  } catch (const CLI::ParseError& e) {
    std::cerr << "caseflow: error: " << e.what() << " (see caseflow --help)\n";
    return 2;
  } catch (const io::UserError& e) {
    std::cerr << "caseflow: error: " << e.what() << "\n";
    return 2;
  } catch (const returns::ReturnsError& e) {  // an unreadable return, or --strict data quality
    std::cerr << "caseflow: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "caseflow: internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace caseflow::app
