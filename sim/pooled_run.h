#pragma once
// One run whose replications are shared among several versions of a scenario: the parameter
// draws of a calibration's uncertainty (calibrate/parameter_draws.h). Each version runs a
// block of the replication ids, in order (version k of K takes ids [k*R/K, (k+1)*R/K) of R),
// with its own parameters and the run's seed, and the blocks are pooled as one run's
// replications. The spread across them then carries both the parameters' uncertainty and the
// simulation's own noise. With one version it is that version's own run, exactly.
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::sim {

// The first replication id of version k of `versions`, of `replications` in all (k = versions:
// the end of the last block).
std::uint32_t pooled_block_start(std::uint32_t replications, std::size_t versions, std::size_t k);

// The replications `options` asks for (ids options.first_replication on: a shard's slice), each
// run by the version whose block of the whole run's ids holds it. `whole_run`: the whole run's
// replications (0: those up to the last asked for, a run that is not a shard). Throws
// std::invalid_argument when there are no versions, more versions than the whole run's
// replications, a slice beyond the whole run, or versions that differ in start date, horizon or
// stage groups (they could not be pooled).
Replications simulate_pooled(const std::vector<Scenario>& versions, const RunOptions& options, std::uint32_t whole_run = 0,
                             const std::function<void()>& replication_done = {});

// A scenario's run with its parameter draws: without draws (`draws` empty) the scenario's own
// run (simulate_replications), with them the run pooled over the draws (simulate_pooled, the
// same `whole_run`). The commands run a scenario that may name draws so; plan, which changes
// the staffing of every draw, pools its own versions with simulate_pooled.
Replications simulate_with_draws(const Scenario& scenario, const std::vector<Scenario>& draws,
                                 const RunOptions& options, std::uint32_t whole_run = 0,
                                 const std::function<void()>& replication_done = {});

}  // namespace caseflow::sim
