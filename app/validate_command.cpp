// `caseflow validate SCENARIO`: check a scenario file (or a region file and every council's
// scenario) without running it.
#include <iostream>

#include "app/commands.h"
#include "app/counted.h"
#include "app/drawn_run.h"
#include "io/region_yaml.h"
#include "io/scenario_yaml.h"

namespace caseflow::app {

void add_validate_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("validate", "Check a scenario file (keys, types, shares, durations), or a region file and its councils, without running it");
  cmd->add_option("scenario", *file, "Scenario YAML file")->required();
  cmd->callback([file] {
    if (io::is_region_file(*file)) {
      const io::Region region = io::load_region(*file);
      std::cout << *file << ": ok: region '" << region.name << "', " << region.councils.size() << " councils";
      for (const auto& c : region.councils)
        std::cout << (&c == &region.councils.front() ? ": " : ", ") << c.name << " (" << c.file << ")";
      const auto& first = region.councils.front().scenario;
      std::cout << "; " << first.horizon_months << " months from " << engine::to_iso(first.start_date)
                << councils_over_draws(region) << "\n";
      return;
    }
    const io::LoadedScenario loaded = io::load_scenario_and_draws(*file);
    const sim::Scenario& s = loaded.scenario;
    std::cout << *file << ": ok: scenario '" << s.name << "', " << s.epochs.size() << " dated period(s), "
              << s.horizon_months << " months from " << engine::to_iso(s.start_date)
              << (loaded.draws.empty() ? "" : ", " + counted(loaded.draws.size(), "parameter draw")) << "\n";
  });
}

}  // namespace caseflow::app
