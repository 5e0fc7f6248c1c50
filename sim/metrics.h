#pragma once
// The catalogue of output metrics: name, unit, meaning and grouping. The recorder, the
// writers, `caseflow metrics` and docs/outputs.md all follow this one list.
#include <cstdint>
#include <string>
#include <vector>

namespace caseflow::sim {

enum class GroupKind : std::uint8_t { kNone, kSource, kPlacement, kTeam, kStage };

enum class Metric : std::uint16_t {
  // flows in the month
  kContacts, kReferrals, kReReferrals, kAssessmentsStarted, kAssessmentsCompleted, kStrategyDiscussions,
  kS47Enquiries, kIcpcs, kCpPlansStarted, kRepeatCpPlans, kCpPlansEnded, kCinPlansStarted, kCinPlansEnded,
  kPreProceedingsStarted, kProceedingsStarted, kClaStarted, kClaCeased, kCareLeaversStarted, kPlacementMoves,
  kUascArrivals, kStageEntries, kStageExits,
  // stocks at month end
  kOpenCases, kAssessmentsOpen, kCinOpen, kCpOpen, kPreProceedingsOpen, kProceedingsOpen, kClaOpen,
  kCareLeaversOpen, kFrontDoorQueue,
  // timeliness
  kReferralDecisionsWithin1WdPct, kAssessmentsWithin45WdPct, kAssessmentMedianWd, kIcpcWithin15WdPct,
  kCpReviewsOnTimePct, kVisitsOnTimePct, kReReferralPct, kRepeatCpPct,
  // workforce
  kFteInPost, kFtePermanent, kFteAgency, kFteAsye, kVacanciesFte, kAgencyPct, kCaseloadPerFte,
  kCaseloadOverCapPct, kCaseloadOverPacePct, kUnallocated, kWaitToAllocationDays, kStartersFte, kLeaversFte,
  kWorkerChanges, kManagersFte,
  // cost
  kStaffCostGbp, kAgencyCostGbp, kManagerCostGbp, kRecruitmentCostGbp, kPlacementCostGbp, kTotalCostGbp,
  kCount
};

struct MetricInfo {
  Metric metric;
  const char* name;
  const char* unit;
  GroupKind groups;
  bool summed_over_year;  // flows and costs add up over a financial year; stocks and rates do not
  const char* description;
  bool additive = true;   // groups add up to "all" (counts, stocks, costs); false for ratios
};

const std::vector<MetricInfo>& metric_catalogue();
const MetricInfo& info(Metric m);
const char* group_kind_name(GroupKind kind);

// Group labels of a kind; every grouped metric also has an "all" group, listed last. Stage
// groups are the stages of a stage table (StageTable::group_labels; the standard table's by
// default).
std::vector<std::string> group_labels(GroupKind kind, const std::vector<std::string>& stage_labels);
std::vector<std::string> group_labels(GroupKind kind);

}  // namespace caseflow::sim
