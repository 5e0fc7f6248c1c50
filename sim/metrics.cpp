#include "sim/metrics.h"

#include "sim/scenario.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

namespace {
using G = GroupKind;
}

const std::vector<MetricInfo>& metric_catalogue() {
  static const std::vector<MetricInfo> kCatalogue = {
      {Metric::kContacts, "contacts", "contacts/month", G::kSource, true, "Contacts received at the front door, by source (first contacts and returning children)"},
      {Metric::kReferrals, "referrals", "referrals/month", G::kSource, true, "Contacts accepted as referrals to children's social care, by source"},
      {Metric::kReReferrals, "re_referrals", "referrals/month", G::kNone, true, "Referrals of a child whose previous referral was within 12 months"},
      {Metric::kAssessmentsStarted, "assessments_started", "assessments/month", G::kNone, true, "Child and family assessments started"},
      {Metric::kAssessmentsCompleted, "assessments_completed", "assessments/month", G::kNone, true, "Assessments completed (including those concluded at an ICPC)"},
      {Metric::kStrategyDiscussions, "strategy_discussions", "meetings/month", G::kNone, true, "Strategy discussions held"},
      {Metric::kS47Enquiries, "s47_enquiries", "enquiries/month", G::kNone, true, "Section 47 enquiries started"},
      {Metric::kIcpcs, "icpcs", "conferences/month", G::kNone, true, "Initial child protection conferences held"},
      {Metric::kCpPlansStarted, "cp_plans_started", "plans/month", G::kNone, true, "Child protection plans started"},
      {Metric::kRepeatCpPlans, "repeat_cp_plans", "plans/month", G::kNone, true, "CP plans started for a child who had a CP plan before"},
      {Metric::kCpPlansEnded, "cp_plans_ended", "plans/month", G::kNone, true, "Child protection plans ended"},
      {Metric::kCinPlansStarted, "cin_plans_started", "plans/month", G::kNone, true, "Child in need plans started"},
      {Metric::kCinPlansEnded, "cin_plans_ended", "plans/month", G::kNone, true, "Child in need plans ended"},
      {Metric::kPreProceedingsStarted, "pre_proceedings_started", "children/month", G::kNone, true, "Children entering PLO pre-proceedings"},
      {Metric::kProceedingsStarted, "proceedings_started", "children/month", G::kNone, true, "Care proceedings issued"},
      {Metric::kClaStarted, "cla_started", "children/month", G::kPlacement, true, "Children starting to be looked after, by first placement"},
      {Metric::kClaCeased, "cla_ceased", "children/month", G::kNone, true, "Children ceasing to be looked after"},
      {Metric::kCareLeaversStarted, "care_leavers_started", "young people/month", G::kNone, true, "Young people becoming care leavers (left care at 18 after 13+ weeks)"},
      {Metric::kPlacementMoves, "placement_moves", "moves/month", G::kNone, true, "Placement changes of children looked after"},
      {Metric::kUascArrivals, "uasc_arrivals", "children/month", G::kNone, true, "Unaccompanied asylum-seeking children arriving into care"},
      {Metric::kStageEntries, "stage_entries", "children/month", G::kStage, true, "Children entering each stage"},
      {Metric::kStageExits, "stage_exits", "children/month", G::kStage, true, "Children leaving each stage"},
      {Metric::kOpenCases, "open_cases", "children", G::kNone, false, "Open cases at month end: assessments, CIN, CP, PLO, proceedings and CLA"},
      {Metric::kAssessmentsOpen, "assessments_open", "children", G::kNone, false, "Assessments (and s47 enquiries) open at month end"},
      {Metric::kCinOpen, "cin_open", "children", G::kNone, false, "Children on a CIN plan at month end"},
      {Metric::kCpOpen, "cp_open", "children", G::kNone, false, "Children on a CP plan at month end"},
      {Metric::kPreProceedingsOpen, "pre_proceedings_open", "children", G::kNone, false, "Children in PLO pre-proceedings at month end"},
      {Metric::kProceedingsOpen, "proceedings_open", "children", G::kNone, false, "Children in care proceedings at month end"},
      {Metric::kClaOpen, "cla_open", "children", G::kPlacement, false, "Children looked after at month end, by placement type"},
      {Metric::kCareLeaversOpen, "care_leavers_open", "young people", G::kNone, false, "Care leavers supported by a personal adviser at month end"},
      {Metric::kFrontDoorQueue, "front_door_queue", "contacts", G::kNone, false, "Contacts waiting for a front-door decision at month end (contacts, not cases: see unallocated)"},
      {Metric::kReferralDecisionsWithin1WdPct, "referral_decisions_within_1wd_pct", "%", G::kNone, false, "Contacts decided within 1 working day of arrival"},
      {Metric::kAssessmentsWithin45WdPct, "assessments_within_45wd_pct", "%", G::kNone, false, "Assessments completed in the month within 45 working days of referral"},
      {Metric::kAssessmentMedianWd, "assessment_median_wd", "working days", G::kNone, false, "Median working days from referral to completion, of assessments completed in the month"},
      {Metric::kIcpcWithin15WdPct, "icpc_within_15wd_pct", "%", G::kNone, false, "ICPCs held within 15 working days of the strategy discussion"},
      {Metric::kCpReviewsOnTimePct, "cp_reviews_on_time_pct", "%", G::kNone, false, "CP review conferences held on time (3 months, then 6-monthly)"},
      {Metric::kVisitsOnTimePct, "visits_on_time_pct", "%", G::kNone, false, "Statutory visits due in the month made on time (CP every 10 wd; CLA 6-weekly in year one, then 3-monthly)"},
      {Metric::kReReferralPct, "re_referral_pct", "%", G::kNone, false, "Referrals in the month that are re-referrals within 12 months"},
      {Metric::kRepeatCpPct, "repeat_cp_pct", "%", G::kNone, false, "CP plans started in the month that are a second or later plan"},
      {Metric::kFteInPost, "fte_in_post", "FTE", G::kTeam, false, "Social workers (and personal advisers) in post at month end"},
      {Metric::kFtePermanent, "fte_permanent", "FTE", G::kTeam, false, "Permanent staff in post (qualified, past their ASYE)"},
      {Metric::kFteAgency, "fte_agency", "FTE", G::kTeam, false, "Agency staff in post"},
      {Metric::kFteAsye, "fte_asye", "FTE", G::kTeam, false, "Newly qualified staff in their ASYE year"},
      {Metric::kVacanciesFte, "vacancies_fte", "FTE", G::kTeam, false, "Establishment posts with nobody in post"},
      {Metric::kAgencyPct, "agency_pct", "%", G::kTeam, false, "Agency staff as a share of staff in post", false},
      {Metric::kCaseloadPerFte, "caseload_per_fte", "cases/FTE", G::kTeam, false, "Allocated cases per case-holding FTE in post", false},
      {Metric::kCaseloadOverCapPct, "caseload_over_cap_pct", "%", G::kTeam, false, "Case-holding staff at their caseload cap (no room for another case)", false},
      {Metric::kCaseloadOverPacePct, "caseload_over_pace_pct", "%", G::kTeam, false, "Case-holding staff above the caseload at which work keeps its normal pace", false},
      {Metric::kUnallocated, "unallocated", "cases", G::kTeam, false, "Cases (children in a stage) waiting for a social worker at month end (not contacts: see front_door_queue)"},
      {Metric::kWaitToAllocationDays, "wait_to_allocation_days", "days", G::kTeam, false, "Mean days waited by cases allocated in the month", false},
      {Metric::kStartersFte, "starters_fte", "FTE/month", G::kTeam, true, "Staff who started in the month"},
      {Metric::kLeaversFte, "leavers_fte", "FTE/month", G::kTeam, true, "Staff who left in the month"},
      {Metric::kWorkerChanges, "worker_changes", "changes/month", G::kTeam, true, "Children whose allocated worker changed (new team or a leaver's cases)"},
      {Metric::kManagersFte, "managers_fte", "FTE", G::kTeam, false, "Team managers needed at the span of control"},
      {Metric::kStaffCostGbp, "staff_cost_gbp", "GBP/month", G::kTeam, true, "Cost of permanent and ASYE staff, salary plus on-costs"},
      {Metric::kAgencyCostGbp, "agency_cost_gbp", "GBP/month", G::kTeam, true, "Cost of agency staff"},
      {Metric::kManagerCostGbp, "manager_cost_gbp", "GBP/month", G::kTeam, true, "Cost of team managers"},
      {Metric::kRecruitmentCostGbp, "recruitment_cost_gbp", "GBP/month", G::kTeam, true, "Recruitment cost of permanent hires"},
      {Metric::kPlacementCostGbp, "placement_cost_gbp", "GBP/month", G::kPlacement, true, "Cost of placements for children looked after"},
      {Metric::kTotalCostGbp, "total_cost_gbp", "GBP/month", G::kNone, true, "Staff, agency, managers, recruitment and placements"},
  };
  return kCatalogue;
}

const MetricInfo& info(Metric m) { return metric_catalogue()[static_cast<std::size_t>(m)]; }

const char* group_kind_name(GroupKind kind) {
  switch (kind) {
    case G::kNone: return "all";
    case G::kSource: return "source";
    case G::kPlacement: return "placement type";
    case G::kTeam: return "team";
    case G::kStage: return "stage";
  }
  return "all";
}

std::vector<std::string> group_labels(GroupKind kind) {
  return group_labels(kind, StageTable::standard()->group_labels());
}

std::vector<std::string> group_labels(GroupKind kind, const std::vector<std::string>& stage_labels) {
  std::vector<std::string> labels;
  auto add = [&](const auto& names) {
    for (const char* n : names) labels.emplace_back(n);
  };
  switch (kind) {
    case G::kNone: break;
    case G::kSource: add(source_names()); break;
    case G::kPlacement: add(placement_names()); break;
    case G::kTeam: add(team_names()); break;
    case G::kStage: labels = stage_labels; break;
  }
  labels.emplace_back("all");
  return labels;
}

}  // namespace caseflow::sim
