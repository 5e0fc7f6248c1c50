// The journey's month-end figures: stocks, statutory timeliness, statutory visits, re-referrals
// and repeat CP plans, and placement costs.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "sim/durations.h"
#include "sim/journey/journey.h"

namespace caseflow::sim {

namespace {
double pct(double num, double den) { return den > 0 ? 100.0 * num / den : std::nan(""); }
}  // namespace

void Journey::accrue_daily_costs() {
  for (std::size_t p = 0; p < kPlacements; ++p)
    placement_cost_[p] += static_cast<double>(cla_by_placement_[p]) * params().costs.placement_gbp_per_week[p] / kDaysPerWeek;
}

void Journey::close_month(int month, double now, double& total_cost) {
  auto& r = recorder_;
  const auto stock = [&](Stage s) { return static_cast<double>(open_[stage_index(s)]); };
  r.set(Metric::kAssessmentsOpen, stock(Stage::kAssessment));
  r.set(Metric::kCinOpen, stock(Stage::kCin));
  r.set(Metric::kCpOpen, stock(Stage::kCp));
  r.set(Metric::kPreProceedingsOpen, stock(Stage::kPreProceedings));
  r.set(Metric::kProceedingsOpen, stock(Stage::kProceedings));
  r.set(Metric::kCareLeaversOpen, stock(Stage::kCareLeaver));
  double open_cases = 0;  // whole numbers: exact in any order
  for (const StageSpec& spec : stages_.specs())
    if (spec.open_case) open_cases += stock(spec.id);
  r.set(Metric::kOpenCases, open_cases);
  for (std::size_t p = 0; p < kPlacements; ++p) r.set(Metric::kClaOpen, p, static_cast<double>(cla_by_placement_[p]));
  r.set(Metric::kFrontDoorQueue, static_cast<double>(front_door_queue_.size()));

  r.set(Metric::kReferralDecisionsWithin1WdPct, pct(decisions_on_time_, decisions_));
  r.set(Metric::kAssessmentsWithin45WdPct, pct(assessments_on_time_, assessments_done_));
  r.set(Metric::kIcpcWithin15WdPct, pct(icpcs_on_time_, icpcs_));
  r.set(Metric::kCpReviewsOnTimePct, pct(reviews_on_time_, reviews_));
  {
    double median = std::nan("");
    const auto half = static_cast<std::uint64_t>(std::ceil(assessments_done_ / 2.0));
    std::uint64_t seen = 0;
    for (std::size_t wd = 0; wd < assessment_wd_histogram_.size() && assessments_done_ > 0; ++wd) {
      seen += assessment_wd_histogram_[wd];
      if (seen >= half) {
        median = static_cast<double>(wd);
        break;
      }
    }
    r.set(Metric::kAssessmentMedianWd, median);
  }

  // Statutory visits due this month, made on time when the child has a worker whose pace
  // leaves room for them (an overloaded worker at pace p makes 1/p of them on time).
  const double working_days = calendar_.working_days_in_month(month);
  const double days = calendar_.month_start_time(month + 1) - calendar_.month_start_time(month);
  double visits_due = 0, visits_on_time = 0;
  std::vector<double> pace(workforce_.workers().size());  // each worker's once, not per child
  for (std::uint32_t w = 0; w < pace.size(); ++w) pace[w] = workforce_.pace_of(w);
  assert(statutory_visits_.size() == open_[stage_index(Stage::kCp)] + open_[stage_index(Stage::kCla)]);
  for (const std::uint32_t id : statutory_visits_) {
    const Child& c = children_[id];
    double due = 0;
    if (c.stage == Stage::kCp) due = working_days / params().cp.visit_interval_wd;
    else if (c.stage == Stage::kCla) due = days / (now - c.care_start_day < kDaysPerYear ? params().care.visit_interval_weeks * kDaysPerWeek : 91.0);
    if (due <= 0) continue;
    visits_due += due;
    if (c.worker != kNoWorker) visits_on_time += due / pace[c.worker];
  }
  r.set(Metric::kVisitsOnTimePct, pct(visits_on_time, visits_due));

  r.set(Metric::kReReferralPct, pct(re_referrals_, referrals_));
  r.set(Metric::kRepeatCpPct, pct(repeat_cp_, cp_started_));

  for (std::size_t p = 0; p < kPlacements; ++p) {
    r.set(Metric::kPlacementCostGbp, p, placement_cost_[p]);
    total_cost += placement_cost_[p];
  }
  placement_cost_.fill(0);
  decisions_ = decisions_on_time_ = assessments_done_ = assessments_on_time_ = icpcs_ = icpcs_on_time_ = reviews_ =
      reviews_on_time_ = 0;
  referrals_ = re_referrals_ = cp_started_ = repeat_cp_ = 0;
  std::fill(assessment_wd_histogram_.begin(), assessment_wd_histogram_.end(), 0);
}

}  // namespace caseflow::sim
