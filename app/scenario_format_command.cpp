// `caseflow scenario-format`: the reference page of every scenario key, as Markdown
// (docs/scenario-format.md is this command's output).
#include <iostream>

#include "app/commands.h"
#include "io/scenario_format.h"

namespace caseflow::app {

void add_scenario_format_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("scenario-format",
                                 "Print the scenario file reference (every key, its unit, range, default and meaning)");
  cmd->callback([] { io::write_scenario_format(std::cout); });
}

}  // namespace caseflow::app
