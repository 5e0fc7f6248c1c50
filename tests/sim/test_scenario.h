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

// Staff beyond any need: no caps or pace limits, no sickness, no workload
// shocks and a front door that decides every contact the day it comes, so every duration is
// the drawn one (the validation tests compare emergent figures with the fitted inputs).
inline void make_staff_unlimited(Scenario& s) {
  for (auto& epoch : s.epochs) {
    auto& w = epoch.parameters.workforce;
    for (auto& team : w.teams) team.cap_cases = team.pace_cases = team.asye_cap_cases = 1e6;
    w.sickness_share_by_month.fill(0.0);
    w.sickness_shocks.clear();
    w.workload_shocks.clear();
    epoch.parameters.front_door.decisions_per_fte_per_day = 1e4;
  }
}

inline Scenario unlimited_staff_baseline(int horizon_months) {
  Scenario s = baseline_scenario(horizon_months);
  make_staff_unlimited(s);
  return s;
}

}  // namespace caseflow::sim::testing
