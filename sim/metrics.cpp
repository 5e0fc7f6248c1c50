#include "sim/metrics.h"

#include "sim/durations.h"
#include "sim/scenario.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

namespace {
using G = GroupKind;
using Y = YearRule;
}

const std::vector<MetricInfo>& metric_catalogue() {
  static const std::vector<MetricInfo> kCatalogue = {
      {Metric::kContacts, "contacts", "contacts/month", G::kSource, Y::kSum, "Contacts received at the front door, by source (first contacts and returning children)"},
      {Metric::kReferrals, "referrals", "referrals/month", G::kSource, Y::kSum, "Contacts accepted as referrals to children's social care, by source"},
      {Metric::kReReferrals, "re_referrals", "referrals/month", G::kNone, Y::kSum, "Referrals of a child whose previous referral was within 12 months"},
      {Metric::kAssessmentsStarted, "assessments_started", "assessments/month", G::kNone, Y::kSum, "Child and family assessments started"},
      {Metric::kAssessmentsCompleted, "assessments_completed", "assessments/month", G::kNone, Y::kSum, "Assessments completed (including those concluded at an ICPC)"},
      {Metric::kStrategyDiscussions, "strategy_discussions", "meetings/month", G::kNone, Y::kSum, "Strategy discussions held"},
      {Metric::kS47Enquiries, "s47_enquiries", "enquiries/month", G::kNone, Y::kSum, "Section 47 enquiries started"},
      {Metric::kIcpcs, "icpcs", "conferences/month", G::kNone, Y::kSum, "Initial child protection conferences held"},
      {Metric::kCpPlansStarted, "cp_plans_started", "plans/month", G::kNone, Y::kSum, "Child protection plans started"},
      {Metric::kRepeatCpPlans, "repeat_cp_plans", "plans/month", G::kNone, Y::kSum, "CP plans started for a child who had a CP plan before"},
      {Metric::kCpPlansEnded, "cp_plans_ended", "plans/month", G::kNone, Y::kSum, "Child protection plans ended"},
      {Metric::kCpPlansEndedByDuration, "cp_plans_ended_by_duration", "plans/month", G::kDuration, Y::kSum, "CP plans ended in the month, by how long they lasted (DfE D7 bands)"},
      {Metric::kCinPlansStarted, "cin_plans_started", "plans/month", G::kNone, Y::kSum, "Child in need plans started"},
      {Metric::kCinPlansEnded, "cin_plans_ended", "plans/month", G::kNone, Y::kSum, "Child in need plans ended"},
      {Metric::kPreProceedingsStarted, "pre_proceedings_started", "children/month", G::kNone, Y::kSum, "Children entering PLO pre-proceedings"},
      {Metric::kProceedingsStarted, "proceedings_started", "children/month", G::kNone, Y::kSum, "Care proceedings issued"},
      {Metric::kClaStarted, "cla_started", "children/month", G::kPlacement, Y::kSum, "Children starting to be looked after, by first placement"},
      {Metric::kClaCeased, "cla_ceased", "children/month", G::kNone, Y::kSum, "Children ceasing to be looked after"},
      {Metric::kCareLeaversStarted, "care_leavers_started", "young people/month", G::kNone, Y::kSum, "Young people becoming care leavers (left care at 18 after 13+ weeks)"},
      {Metric::kPlacementMoves, "placement_moves", "moves/month", G::kNone, Y::kSum, "Placement changes of children looked after"},
      {Metric::kUascArrivals, "uasc_arrivals", "children/month", G::kNone, Y::kSum, "Unaccompanied asylum-seeking children arriving into care"},
      {Metric::kStageEntries, "stage_entries", "children/month", G::kStage, Y::kSum, "Children entering each stage"},
      {Metric::kStageExits, "stage_exits", "children/month", G::kStage, Y::kSum, "Children leaving each stage"},
      {Metric::kCinEpisodesStarted, "cin_episodes_started", "children/month", G::kNone, Y::kSum, "Children found in need (DfE CIN episodes starting): referrals whose assessment finds need (any outcome but not in need), and UASC; counted when the assessment ends"},
      {Metric::kCinEpisodesEnded, "cin_episodes_ended", "children/month", G::kNone, Y::kSum, "CIN episodes ending: a child found in need whose case closes, or who leaves care for care-leaver support"},
      {Metric::kOpenCases, "open_cases", "children", G::kNone, Y::kNone, "Open cases at month end: assessments, CIN, CP, PLO, proceedings and CLA"},
      {Metric::kCinEpisodesOpenByDuration, "cin_episodes_open_by_duration", "children", G::kDuration, Y::kNone, "Open CIN episodes (referral to case closure, any open-case stage) at month end, by time since the referral"},
      {Metric::kAssessmentsOpen, "assessments_open", "children", G::kNone, Y::kNone, "Assessments (and s47 enquiries) open at month end"},
      {Metric::kCinOpen, "cin_open", "children", G::kNone, Y::kNone, "Children on a CIN plan at month end"},
      {Metric::kCpOpen, "cp_open", "children", G::kNone, Y::kNone, "Children on a CP plan at month end"},
      {Metric::kCpOpenByDuration, "cp_open_by_duration", "children", G::kDuration, Y::kNone, "Children on a CP plan at month end, by time since the plan started (DfE D5 bands)"},
      {Metric::kPreProceedingsOpen, "pre_proceedings_open", "children", G::kNone, Y::kNone, "Children in PLO pre-proceedings at month end"},
      {Metric::kProceedingsOpen, "proceedings_open", "children", G::kNone, Y::kNone, "Children in care proceedings at month end"},
      {Metric::kClaOpen, "cla_open", "children", G::kPlacement, Y::kNone, "Children looked after at month end, by placement type"},
      {Metric::kCareLeaversOpen, "care_leavers_open", "young people", G::kNone, Y::kNone, "Care leavers supported by a personal adviser at month end"},
      {Metric::kFrontDoorQueue, "front_door_queue", "contacts", G::kNone, Y::kNone, "Contacts waiting for a front-door decision at month end (contacts, not cases: see unallocated)"},
      {Metric::kReferralDecisionsWithin1WdPct, "referral_decisions_within_1wd_pct", "%", G::kNone, Y::kNone, "Contacts decided within 1 working day of arrival"},
      {Metric::kAssessmentsWithin45WdPct, "assessments_within_45wd_pct", "%", G::kNone, Y::kNone, "Assessments completed in the month within 45 working days of referral"},
      {Metric::kAssessmentP25Wd, "assessment_p25_wd", "working days", G::kNone, Y::kNone, "Lower quartile of working days from referral to completion, of assessments completed in the month"},
      {Metric::kAssessmentMedianWd, "assessment_median_wd", "working days", G::kNone, Y::kNone, "Median working days from referral to completion, of assessments completed in the month"},
      {Metric::kAssessmentP75Wd, "assessment_p75_wd", "working days", G::kNone, Y::kNone, "Upper quartile of working days from referral to completion, of assessments completed in the month"},
      {Metric::kAssessmentP25WdFy, "assessment_p25_wd_fy", "working days", G::kNone, Y::kYearEnd, "Lower quartile of working days from referral to completion, of assessments completed in the financial year to date"},
      {Metric::kAssessmentMedianWdFy, "assessment_median_wd_fy", "working days", G::kNone, Y::kYearEnd, "Median working days from referral to completion, of assessments completed in the financial year to date"},
      {Metric::kAssessmentP75WdFy, "assessment_p75_wd_fy", "working days", G::kNone, Y::kYearEnd, "Upper quartile of working days from referral to completion, of assessments completed in the financial year to date"},
      {Metric::kIcpcWithin15WdPct, "icpc_within_15wd_pct", "%", G::kNone, Y::kNone, "ICPCs held within 15 working days of the strategy discussion"},
      {Metric::kCpReviewsOnTimePct, "cp_reviews_on_time_pct", "%", G::kNone, Y::kNone, "CP review conferences held on time (3 months, then 6-monthly)"},
      {Metric::kVisitsOnTimePct, "visits_on_time_pct", "%", G::kNone, Y::kNone, "Statutory visits due in the month made on time (CP every 10 wd; CLA 6-weekly in year one, then 3-monthly)"},
      {Metric::kReReferralPct, "re_referral_pct", "%", G::kNone, Y::kNone, "Referrals in the month that are re-referrals within 12 months"},
      {Metric::kRepeatCpPct, "repeat_cp_pct", "%", G::kNone, Y::kNone, "CP plans started in the month that are a second or later plan"},
      {Metric::kCla3PlusPlacementsPct, "cla_3plus_placements_pct", "%", G::kNone, Y::kYearEnd, "Children in care at month end with 3 or more placements in the financial year to date"},
      {Metric::kCla3PlusSocialWorkersPct, "cla_3plus_social_workers_pct", "%", G::kNone, Y::kYearEnd, "Children in care at month end who had 3 or more social workers in the financial year to date"},
      {Metric::kClaLongTermStabilityPct, "cla_long_term_stability_pct", "%", G::kNone, Y::kYearEnd, "Children in care under 16, in care 2.5+ years, who have been in the same placement 2+ years"},
      {Metric::kFteInPost, "fte_in_post", "FTE", G::kTeam, Y::kNone, "Social workers (and personal advisers) in post at month end"},
      {Metric::kFtePermanent, "fte_permanent", "FTE", G::kTeam, Y::kNone, "Permanent staff in post (qualified, past their ASYE)"},
      {Metric::kFteAgency, "fte_agency", "FTE", G::kTeam, Y::kNone, "Agency staff in post"},
      {Metric::kFteAsye, "fte_asye", "FTE", G::kTeam, Y::kNone, "Newly qualified staff in their ASYE year"},
      {Metric::kVacanciesFte, "vacancies_fte", "FTE", G::kTeam, Y::kNone, "Establishment posts with nobody in post"},
      {Metric::kAgencyPct, "agency_pct", "%", G::kTeam, Y::kNone, "Agency staff as a share of staff in post", false},
      {Metric::kCaseloadPerFte, "caseload_per_fte", "cases/FTE", G::kTeam, Y::kNone, "Allocated cases per case-holding FTE in post", false},
      {Metric::kCaseloadOverCapPct, "caseload_over_cap_pct", "%", G::kTeam, Y::kNone, "Case-holding staff at their caseload cap (no room for another case)", false},
      {Metric::kCaseloadOverPacePct, "caseload_over_pace_pct", "%", G::kTeam, Y::kNone, "Case-holding staff above the caseload at which work keeps its normal pace", false},
      {Metric::kUnallocated, "unallocated", "cases", G::kTeam, Y::kNone, "Cases (children in a stage) waiting for a social worker at month end (not contacts: see front_door_queue)"},
      {Metric::kWaitToAllocationDays, "wait_to_allocation_days", "days", G::kTeam, Y::kNone, "Mean days waited by cases allocated in the month", false},
      {Metric::kStartersFte, "starters_fte", "FTE/month", G::kTeam, Y::kSum, "Staff who started in the month"},
      {Metric::kLeaversFte, "leavers_fte", "FTE/month", G::kTeam, Y::kSum, "Staff who left in the month"},
      {Metric::kWorkerChanges, "worker_changes", "changes/month", G::kTeam, Y::kSum, "Children whose allocated worker changed (new team or a leaver's cases)"},
      {Metric::kManagersFte, "managers_fte", "FTE", G::kTeam, Y::kNone, "Team managers needed at the span of control"},
      {Metric::kStaffCostGbp, "staff_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Cost of permanent and ASYE staff, salary plus on-costs (permanent_cost_gbp plus asye_cost_gbp), at the year's pay index"},
      {Metric::kPermanentCostGbp, "permanent_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Cost of permanent staff past their ASYE, salary plus on-costs, at the year's pay index"},
      {Metric::kAsyeCostGbp, "asye_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Cost of newly qualified staff in their ASYE year, salary plus on-costs, at the year's pay index"},
      {Metric::kAgencyCostGbp, "agency_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Cost of agency staff, at the year's pay index"},
      {Metric::kManagerCostGbp, "manager_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Cost of team managers, at the year's pay index"},
      {Metric::kRecruitmentCostGbp, "recruitment_cost_gbp", "GBP/month", G::kTeam, Y::kSum, "Recruitment cost of permanent hires, at the year's pay index"},
      {Metric::kPlacementCostGbp, "placement_cost_gbp", "GBP/month", G::kPlacement, Y::kSum, "Cost of placements for children looked after, by placement type, at the year's placement index"},
      {Metric::kTotalCostGbp, "total_cost_gbp", "GBP/month", G::kNone, Y::kSum, "Staff (permanent and ASYE), agency, managers, recruitment and placements"},
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
    case G::kDuration: return "duration";
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
    case G::kDuration: labels = {"0_3m", "3_6m", "6_12m", "1_2y", "2y_plus"}; break;
  }
  labels.emplace_back("all");
  return labels;
}

// The band edges are the whole days of 3 and 6 months and 1 and 2 years.
static_assert(kDurationBandEdges[0] == static_cast<int>(3 * kDaysPerMonth) &&
              kDurationBandEdges[1] == static_cast<int>(6 * kDaysPerMonth) &&
              kDurationBandEdges[2] == static_cast<int>(kDaysPerYear) &&
              kDurationBandEdges[3] == static_cast<int>(2 * kDaysPerYear));

}  // namespace caseflow::sim
