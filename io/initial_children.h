#pragma once
// The children open at a scenario's start date, one a row, as `caseflow calibrate` writes
// them beside council.yaml (docs/calibration.md, "The open caseload"):
//   child,stage,days_in_stage,age_years,placement,cp_plans_before,s47_days
//   C1,cp_plan,212,7.4,,1,
// stage is assessment, cin_step_up, cin_plan, cp_plan, pre_proceedings, proceedings, cla or
// care_leaver (cin_step_up: a CIN plan's s47 enquiry under way, in the model's assessment
// stage, so counted with the assessments); placement is a care.placement_shares name for cla
// and empty otherwise; s47_days, for an assessment with an s47 enquiry still open (required
// for cin_step_up), the days since the enquiry began (else empty). Errors name the file,
// line and field (io::UserError, exit status 2).
#include <string>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::io {

std::vector<sim::InitialChild> read_initial_children(const std::string& path);
void write_initial_children(std::ostream& out, const std::vector<sim::InitialChild>& children);

// The stage names the file uses, by stage.
std::string initial_stage_name(sim::Stage stage);

// Throws a UserError naming `scenario_file` when a counted stock differs from the file's count.
void check_initial_counts(const sim::InitialStock& stock, const std::string& scenario_file);

}  // namespace caseflow::io
