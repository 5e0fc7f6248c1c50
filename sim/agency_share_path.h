#pragma once
// An agency share ceiling path, `caseflow plan --agency-share '2020-04-01:25,2020-09-01:20'`:
// the service-wide ceiling on agency staff (workforce.agency_target_share) from each date on,
// as a scenario's dated changes would set it. A plan under a path answers the director's "if
// we cut agency from 30% to 20%, how many posts must we add to hold the targets, and what does
// that cost against doing nothing?": every candidate staffing runs under the path, and the
// plan's costs are against the scenario as it is (its own ceiling and establishment).
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/civil_date.h"
#include "sim/scenario.h"

namespace caseflow::sim {

struct AgencyShareStep {
  engine::CivilDate from;
  double share = 0;  // a fraction (20% is 0.2)
};
using AgencySharePath = std::vector<AgencyShareStep>;  // dates strictly increasing

// `DATE:PERCENT[,DATE:PERCENT...]`, percentages from 0 to 100: the path, or a sentence saying
// what is wrong with the text (the caller names the argument and checks the horizon).
struct ParsedAgencySharePath {
  std::optional<AgencySharePath> path;
  std::string error;
};
ParsedAgencySharePath parse_agency_share_path(const std::string& text);

// The scenario with the ceiling set from each step's date on (later steps override earlier
// ones from their own date, and each step overrides the scenario's own later changes of it).
Scenario with_agency_share_path(const Scenario& scenario, const AgencySharePath& path);

// "20% from 2020-09-01" style text of the path, for the outputs ("" for no path).
std::string describe(const AgencySharePath& path);

}  // namespace caseflow::sim
