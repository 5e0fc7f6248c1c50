#pragma once
// demand_paths.csv: sampled monthly paths of expected first contacts by source, written by
// `caseflow forecast --base` and read through the scenario key `demand.level_paths`
// (sim/demand/level_paths.h says how a run follows them).
//
//   path,month,source,first_contacts
//   1,2024-04,police,471.25
//   1,2024-04,schools,180.5
//   ...
//
// Paths are numbered 1, 2, ... and each is one group of rows. The first path sets the months
// (consecutive, ascending) and the sources (each named once a month, in the same order every
// month); every later path repeats exactly that sequence of (month, source). Values are
// written with io/output_text.h's exact_number, so they read back as the same doubles.
// Every problem is a UserError naming file, line, column and field.
#include <filesystem>
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "sim/demand/level_paths.h"
#include "sim/scenario.h"

namespace caseflow::io {

// Bounds, as the scenario keys' ranges: paths as demand replications, months as horizon_months,
// values as demand.contacts_per_month.
inline constexpr int max_demand_paths = 100000;
inline constexpr int max_demand_path_months = 600;
inline constexpr double max_path_contacts_per_month = 1e6;

sim::DemandLevelPaths read_demand_paths_csv(const std::filesystem::path& path);
// file_name is only used in error messages.
sim::DemandLevelPaths parse_demand_paths_csv(std::istream& in, const std::string& file_name);

void write_demand_paths_csv(std::ostream& out, const sim::DemandLevelPaths& paths);

// Reads the file a scenario's demand.level_paths names (relative to `folder`, that of the
// scenario file naming it) into scenario.demand_level_paths, and checks it covers the horizon
// (below); errors name `scenario_file`. No-op without the key.
void load_demand_paths(sim::Scenario& scenario, const std::string& scenario_file, const std::filesystem::path& folder);

// Throws a UserError naming `where` (the scenario file, or --horizon-months) when the paths
// start after start_date or end before the horizon does, naming the last month they cover.
void check_demand_paths_cover(const sim::Scenario& scenario, const std::string& where);

}  // namespace caseflow::io
