#pragma once
// The bundled baseline, loaded from scenarios/baseline.yaml, so the sim tests follow the
// file users run rather than a copy of its numbers.
#include <string>

#include "io/scenario_yaml.h"
#include "sim/scenario.h"

namespace caseflow::sim::testing {

inline Scenario baseline_scenario(int horizon_months) {
  Scenario s = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  s.horizon_months = horizon_months;
  return s;
}

}  // namespace caseflow::sim::testing
