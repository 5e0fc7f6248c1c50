#pragma once
// `caseflow synth`'s core: one replication of a scenario with the journey log attached, and
// the returns::History it builds. Replication 0 with the given seed, the horizon cut to the
// years asked for: the same replication `caseflow run SCENARIO --reps 1 --seed S
// --horizon-months 12N` summarises in its monthly.csv.
#include <cstdint>
#include <optional>

#include "io/returns/history.h"
#include "sim/model.h"
#include "sim/scenario.h"

namespace caseflow::synth {

struct SynthRun {
  sim::Scenario scenario;          // as run: horizon_months = 12 x years
  std::uint64_t seed = 0;
  sim::ReplicationResult replication;
  returns::History history;
  returns::Day first_day = 0;      // the start date (serial day)
  returns::Day last_day = 0;       // the horizon's last day
};

// `years` whole years from the scenario's start date; a user error (exit 2) when they
// exceed the scenario's horizon, whose dated changes and demand are defined only that far.
// No `seed` means the scenario's own.
SynthRun synthesize(sim::Scenario scenario, int years, std::optional<std::uint64_t> seed);
// The same for `months` whole months (at least 1, at most the scenario's horizon; a logic
// error otherwise: the callers choose it), with the seed given.
SynthRun synthesize_months(sim::Scenario scenario, int months, std::uint64_t seed);

}  // namespace caseflow::synth
