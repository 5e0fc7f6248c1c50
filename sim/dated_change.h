#pragma once
// A change to a scenario's parameters from a date on, made in code as a dated `changes:` entry
// of a scenario file makes it: `caseflow plan` sets its candidates' establishment and an agency
// share ceiling path this way.
#include <functional>

#include "sim/engine/civil_date.h"
#include "sim/scenario.h"

namespace caseflow::sim {

// Applies `set` to every dated period starting on or after `date` (clamped to the start), after
// adding a period at `date` with the parameters then in force when none starts there, so the
// parameters before the date are untouched and a later period of the scenario's own keeps its
// other changes.
void set_from(Scenario& scenario, const engine::CivilDate& date, const std::function<void(Parameters&)>& set);

}  // namespace caseflow::sim
