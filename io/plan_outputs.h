#pragma once
// The output contract of `caseflow plan`: plan.csv (establishment, staff in post and cost by
// team and month, plan against the scenario as it is), plan.md (the answer in plain words),
// plan_search.csv (every staffing simulated) and plan.yaml (the scenario with the plan, for
// `caseflow run`), written atomically into one folder (docs/outputs.md). Every figure comes
// from sim::StaffingPlan, so a workbook can be built from the same struct later.
#include <string>

#include "io/output_dir.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/staffing_plan.h"

namespace caseflow::io {

struct PlanProvenance {
  double wall_seconds = 0.0;
  unsigned threads = 0;
  ForeignFolder foreign = ForeignFolder::kWriteInto;
};

void write_plan_outputs(const std::string& folder, const sim::Scenario& scenario, const std::string& scenario_file,
                        const sim::StaffingPlan& plan, const sim::RunOptions& options,
                        const PlanProvenance& provenance);

// Why a plan found no staffing: the targets that fail at the largest staffing tried.
std::string unmet_targets_message(const sim::StaffingPlan& plan);

}  // namespace caseflow::io
