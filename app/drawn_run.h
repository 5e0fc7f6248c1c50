#pragma once
// A scenario with its parameter draws (io::LoadedScenario), as the commands that simulate it
// check and describe it: `run` (whole and --shard), `compare`, `plan`, `project`, a region's
// councils and the MPI driver. They run it with sim::simulate_with_draws (sim/pooled_run.h):
// without draws the scenario's own run; with them the replications shared among the draws,
// each draw running its block of the whole run's ids.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/simulation_options.h"
#include "io/region_yaml.h"
#include "io/scenario_yaml.h"

namespace caseflow::app {

// --horizon-months on the scenario and on every draw.
void apply_horizon(const SimulationOptions& o, io::LoadedScenario& loaded);

// Every draw needs a replication of its own: a user error naming --reps when the whole run
// has fewer replications than `whose` draws (`whose`: the scenario file, or a region's council;
// the scenario's own `replications:` is checked when it is loaded).
void check_draws_fit(std::size_t draws, const std::string& whose, std::uint32_t replications);
void check_draws_fit(const io::LoadedScenario& loaded, const std::string& file, std::uint32_t replications);

// " over 20 parameter draws", or "" without draws: for the commands' one-line summaries.
std::string over_draws(const io::LoadedScenario& loaded);
// " (north over 8 parameter draws)" for a region whose councils name draws (each such council
// listed), "" when none does.
std::string councils_over_draws(const io::Region& region);

}  // namespace caseflow::app
