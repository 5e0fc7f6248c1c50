// `caseflow validate SCENARIO`: check a scenario file without running it.
#include <iostream>

#include "app/commands.h"
#include "io/scenario_yaml.h"

namespace caseflow::app {

void add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("validate", "Check a scenario file (keys, types, shares, durations) without running it");
  cmd->add_option("scenario", *file, "Scenario YAML file")->required();
  cmd->callback([file] {
    const sim::Scenario s = io::load_scenario(*file);
    std::cout << *file << ": ok: scenario '" << s.name << "', " << s.epochs.size() << " dated period(s), "
              << s.horizon_months << " months from " << engine::to_iso(s.start_date) << "\n";
  });
}

}  // namespace caseflow::app
