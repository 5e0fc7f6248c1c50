#pragma once
// The output contract of `caseflow plan`: plan.csv (establishment, staff in post and cost by
// team and month, plan against the scenario as it is), plan.md (the answer in plain words),
// plan_search.csv (every staffing simulated) and plan.yaml (the scenario with the plan, for
// `caseflow run`), and on request workbook.xlsx, written atomically into one folder
// (docs/outputs.md). Every figure comes from sim::StaffingPlan; the workbook's Plan and Search
// sheets are the CSVs' own text, read back.
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
  bool xlsx = false;  // also workbook.xlsx (--xlsx): Summary, Plan (plan.csv), Search (plan_search.csv), Assumptions
};

void write_plan_outputs(const std::string& folder, const sim::Scenario& scenario, const std::string& scenario_file,
                        const sim::StaffingPlan& plan, const sim::RunOptions& options,
                        const PlanProvenance& provenance);

// Why a plan found no staffing: the targets that fail at the largest staffing tried.
std::string unmet_targets_message(const sim::StaffingPlan& plan);

}  // namespace caseflow::io
