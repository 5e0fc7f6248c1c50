#pragma once
// Writes council.yaml: a whole scenario, every key in the order of the scenario format
// (docs/scenario-format.md), each estimated key with the comment that says where it comes
// from, every other key from the defaults file marked "default, not estimated". The file
// stands alone (no `extends:`), so a council can move it, read it and edit it.
#include <ostream>
#include <string>

#include "calibrate/estimates.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct CouncilFile {
  std::string name, description;
  std::string start_date;  // ISO: the day after the as-of date
};

void write_council_yaml(std::ostream& out, const CouncilFile& file, const CouncilEstimates& estimates,
                        const sim::Scenario& defaults, const std::string& defaults_path);

}  // namespace caseflow::calibrate
