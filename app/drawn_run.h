#pragma once
// A scenario with its parameter draws (io::LoadedScenario), as the commands that simulate it
// run it: `run` (whole and --shard), `compare` and the MPI driver. Without draws it is the
// scenario's own run; with them the replications are shared among the draws
// (sim/pooled_run.h), each draw running its block of the whole run's ids.
#include <cstdint>
#include <functional>
#include <string>

#include "app/simulation_options.h"
#include "io/scenario_yaml.h"
#include "sim/replications.h"
#include "sim/runner.h"

namespace caseflow::app {

// --horizon-months on the scenario and on every draw.
void apply_horizon(const SimulationOptions& o, io::LoadedScenario& loaded);

// Every draw needs a replication of its own: a user error naming --reps when the whole run
// has fewer replications than `file`'s draws (the scenario's own `replications:` is checked
// when it is loaded).
void check_draws_fit(const io::LoadedScenario& loaded, const std::string& file, std::uint32_t replications);

// The replications `options` asks for, of a whole run of `whole_run` (a shard's or rank's
// slice; options.replications for a whole run).
sim::Replications simulate_drawn(const io::LoadedScenario& loaded, const sim::RunOptions& options, std::uint32_t whole_run,
                                 const std::function<void()>& replication_done = {});

// " over 20 parameter draws", or "" without draws: for the commands' one-line summaries.
std::string over_draws(const io::LoadedScenario& loaded);

}  // namespace caseflow::app
