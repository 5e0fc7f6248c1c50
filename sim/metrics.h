#pragma once
// The catalogue of output metrics: name, unit, meaning and grouping. The recorder, the
// writers, `caseflow metrics` and docs/outputs.md all follow this one list.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace caseflow::sim {

enum class GroupKind : std::uint8_t { kNone, kSource, kPlacement, kTeam, kStage, kDuration };

// How annual.csv makes a metric's financial-year figure from its months.
enum class YearRule : std::uint8_t {
  kNone,     // not in annual.csv: stocks at month end and the month's own ratios
  kSum,      // flows and costs add up over the year
  kYearEnd,  // year measures, computed at each month end over the financial year to date: the
             // year's last month (March) is the year's figure
};

enum class Metric : std::uint16_t {
  // flows in the month
  kContacts, kReferrals, kReReferrals, kAssessmentsStarted, kAssessmentsCompleted, kStrategyDiscussions,
  kS47Enquiries, kIcpcs, kCpPlansStarted, kRepeatCpPlans, kCpPlansEnded, kCpPlansEndedByDuration,
  kCinPlansStarted, kCinPlansEnded, kPreProceedingsStarted, kProceedingsStarted, kClaStarted, kClaCeased,
  kCareLeaversStarted, kPlacementMoves, kUascArrivals, kStageEntries, kStageExits, kCinEpisodesStarted,
  kCinEpisodesEnded,
  // stocks at month end
  kOpenCases, kCinEpisodesOpenByDuration, kAssessmentsOpen, kCinOpen, kCpOpen, kCpOpenByDuration, kPreProceedingsOpen,
  kProceedingsOpen, kClaOpen, kCareLeaversOpen, kFrontDoorQueue,
  // timeliness
  kReferralDecisionsWithin1WdPct, kAssessmentsWithin45WdPct, kAssessmentP25Wd, kAssessmentMedianWd, kAssessmentP75Wd,
  kAssessmentP25WdFy, kAssessmentMedianWdFy, kAssessmentP75WdFy, kIcpcWithin15WdPct,
  kCpReviewsOnTimePct, kVisitsOnTimePct, kReReferralPct, kRepeatCpPct,
  // the DfE's stability measures for children looked after (financial year to date)
  kCla3PlusPlacementsPct, kCla3PlusSocialWorkersPct, kClaLongTermStabilityPct,
  // workforce
  kFteInPost, kFtePermanent, kFteAgency, kFteAsye, kVacanciesFte, kAgencyPct, kCaseloadPerFte,
  kCaseloadOverCapPct, kCaseloadOverPacePct, kUnallocated, kWaitToAllocationDays, kStartersFte, kLeaversFte,
  kWorkerChanges, kManagersFte,
  // cost
  kStaffCostGbp, kPermanentCostGbp, kAsyeCostGbp, kAgencyCostGbp, kManagerCostGbp, kRecruitmentCostGbp, kPlacementCostGbp, kTotalCostGbp,
  kCount
};

struct MetricInfo {
  Metric metric;
  const char* name;
  const char* unit;
  GroupKind groups;
  YearRule year;          // the figure annual.csv gives it, if any
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

// The DfE's duration bands (CP plans at 31 March by duration, D5; plans ended, D7; episodes
// of need, B5): up to 3 months, over 3 to 6 months, over 6 months to 1 year, over 1 to 2
// years, over 2 years. The edges are whole days (3 and 6 months, 1 and 2 years of 365.25
// days, rounded down) and a duration is over an edge when it is more than it: so a time
// elapsed in days, fractional, falls in the same band as the whole days between the two
// dates would when it ends at midnight (a month end), as a return built from dates counts.
constexpr std::size_t kDurationBands = 5;
constexpr std::array<double, kDurationBands - 1> kDurationBandEdges = {91, 182, 365, 730};
// Inline: the month end bands every child on a CP plan.
constexpr std::size_t duration_band(double days) {
  std::size_t band = 0;
  while (band < kDurationBands - 1 && days > kDurationBandEdges[band]) ++band;
  return band;
}

}  // namespace caseflow::sim
