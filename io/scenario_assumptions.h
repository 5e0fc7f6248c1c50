#pragma once
// Every number (and setting) of a resolved scenario with the source its file cites: the
// comment on the line that sets it in the scenario file or a file it extends (the topmost
// file that sets the key), else the comment on its section's line. The resolved YAML keeps
// no comments, so they are read from the files themselves; for the Assumptions sheet of an
// --xlsx workbook.
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::io {

struct Assumption {
  std::string key;                // dotted, list items indexed: demand.shocks[0].from
  std::string value;              // as the resolved scenario writes it
  std::optional<double> number;   // the value, when it is one number
  std::string source;             // the cited source (the comment), "" if none
  std::string where;              // file:line of that comment, "" if none
};

// `file`: the scenario file as named on the command line ("" or unreadable: no sources).
std::vector<Assumption> scenario_assumptions(const sim::Scenario& scenario, const std::string& file);
// The same from the resolved scenario's text (scenario.resolved.yaml, as a run wrote it).
std::vector<Assumption> scenario_assumptions(const std::string& resolved_yaml, const std::string& file);

}  // namespace caseflow::io
