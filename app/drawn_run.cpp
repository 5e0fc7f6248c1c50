#include "app/drawn_run.h"

#include "app/counted.h"
#include "io/user_error.h"
#include "sim/pooled_run.h"

namespace caseflow::app {

void apply_horizon(const SimulationOptions& o, io::LoadedScenario& loaded) {
  o.apply_horizon(loaded.scenario);
  for (sim::Scenario& draw : loaded.draws) o.apply_horizon(draw);
}

void check_draws_fit(const io::LoadedScenario& loaded, const std::string& file, std::uint32_t replications) {
  if (loaded.draws.size() > replications)
    throw io::UserError("--reps", 0, 0,
                        std::to_string(replications) + " replications, but " + file + " has " +
                            counted(loaded.draws.size(), "parameter draw") +
                            ": each draw needs one at least, so run --reps " + std::to_string(loaded.draws.size()) + " or more");
}

sim::Replications simulate_drawn(const io::LoadedScenario& loaded, const sim::RunOptions& options, std::uint32_t whole_run,
                                 const std::function<void()>& replication_done) {
  return sim::simulate_with_draws(loaded.scenario, loaded.draws, options, whole_run, replication_done);
}

std::string over_draws(const io::LoadedScenario& loaded) {
  return loaded.draws.empty() ? "" : " over " + counted(loaded.draws.size(), "parameter draw");
}

}  // namespace caseflow::app
