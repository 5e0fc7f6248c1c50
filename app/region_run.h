#pragma once
// `caseflow run REGION.yaml`: every council of a region file run with its own random numbers,
// and the outputs of each council and of the region's total written as one set (docs/scale.md,
// "Regions"; docs/outputs.md, "Regions").
#include <string>

#include "app/simulation_options.h"

namespace caseflow::app {

void run_region(const SimulationOptions& options, const std::string& region_file);

}  // namespace caseflow::app
