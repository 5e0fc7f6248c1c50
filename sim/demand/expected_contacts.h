#pragma once
// Expected first contacts in each month of a scenario's horizon: the demand intensity
// summed over the month's days, each day under the dated period in force (shocks included:
// they thin first contacts). Returning children's contacts are not in it: they come from the
// simulation (docs/model.md, Demand).
#include <vector>

#include "sim/demand/demand.h"
#include "sim/engine/calendar.h"
#include "sim/scenario.h"

namespace caseflow::sim {

std::vector<double> expected_first_contacts_by_month(const Scenario& s, const engine::Calendar& calendar,
                                                     const DemandModel& demand);

}  // namespace caseflow::sim
