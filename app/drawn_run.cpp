#include "app/drawn_run.h"

#include "app/counted.h"
#include "io/user_error.h"

namespace caseflow::app {

void apply_horizon(const SimulationOptions& o, io::LoadedScenario& loaded) {
  o.apply_horizon(loaded.scenario);
  for (sim::Scenario& draw : loaded.draws) o.apply_horizon(draw);
}

void check_draws_fit(std::size_t draws, const std::string& whose, std::uint32_t replications) {
  if (draws > replications)
    throw io::UserError("--reps", 0, 0,
                        std::to_string(replications) + " replications, but " + whose + " has " +
                            counted(draws, "parameter draw") +
                            ": each draw needs one at least, so run --reps " + std::to_string(draws) +
                            " or more");
}

void check_draws_fit(const io::LoadedScenario& loaded, const std::string& file, std::uint32_t replications) {
  check_draws_fit(loaded.draws.size(), file, replications);
}

std::string over_draws(const io::LoadedScenario& loaded) {
  return loaded.draws.empty() ? "" : " over " + counted(loaded.draws.size(), "parameter draw");
}

std::string councils_over_draws(const io::Region& region) {
  std::string said;
  for (const auto& c : region.councils)
    if (!c.draws.empty())
      said += (said.empty() ? " (" : ", ") + c.name + " over " + counted(c.draws.size(), "parameter draw");
  return said.empty() ? said : said + ")";
}

}  // namespace caseflow::app
