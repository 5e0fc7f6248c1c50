#include <exception>
#include <iostream>
#include <string>

#include "app/commands.h"
#include "caseflow/version.h"
#include "io/returns/returns_error.h"
#include "io/user_error.h"

namespace caseflow::app {

int run_main(int argc, const char* const* argv) {
  CLI::App app{"caseflow: demand, caseload, backlog and cost forecasts for children's social care"};
  app.set_version_flag("--version", std::string("caseflow ") + kVersion + " (git " + kGitRevision + ")");
  app.require_subcommand(1);
  add_run_command(app);
  add_compare_command(app);
  add_plan_command(app);
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
