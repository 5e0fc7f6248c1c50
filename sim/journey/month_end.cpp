// The journey's month-end figures: stocks, statutory timeliness, statutory visits, re-referrals
// and repeat CP plans, placement costs, and the DfE indicators (durations in bands, the
// financial year's placements, social workers and long-term stability).
#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "sim/durations.h"
#include "sim/engine/statistics.h"
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
  // Assessment durations: the month's quartiles, then the financial year's to date from the
  // months' completions pooled.
  const auto quartiles = [&](const std::vector<std::uint32_t>& wd, double n, Metric p25, Metric p50, Metric p75) {
    const auto count = static_cast<std::uint64_t>(n);
    r.set(p25, engine::quantile_of_histogram(wd, count, 0.25));
    r.set(p50, engine::quantile_of_histogram(wd, count, 0.5));
    r.set(p75, engine::quantile_of_histogram(wd, count, 0.75));
  };
  quartiles(assessment_wd_histogram_, assessments_done_, Metric::kAssessmentP25Wd, Metric::kAssessmentMedianWd,
            Metric::kAssessmentP75Wd);
  for (std::size_t wd = 0; wd < assessment_wd_year_.size(); ++wd)
    assessment_wd_year_[wd] += assessment_wd_histogram_[wd];
  assessments_done_year_ += assessments_done_;
  quartiles(assessment_wd_year_, assessments_done_year_, Metric::kAssessmentP25WdFy, Metric::kAssessmentMedianWdFy,
            Metric::kAssessmentP75WdFy);

  // Open CIN episodes by whole days since their start: each band a run of day buckets back
  // from today's, the last band every older one.
  {
    std::array<double, kDurationBands> episodes{};
    const auto count = [&](std::size_t from, std::size_t to) {  // buckets [from, to)
      const auto first = episodes_by_start_day_.begin();
      return static_cast<double>(std::accumulate(first + static_cast<std::ptrdiff_t>(from),
                                                 first + static_cast<std::ptrdiff_t>(to), std::uint64_t{0}));
    };
    // Today's bucket is over 731 past the first (kFirstEpisodeDay): every band but the last
    // is a whole run of buckets.
    const std::size_t today = episode_bucket(now);
    std::size_t younger = today + 1;  // the buckets from here on are counted
    for (std::size_t b = 0; b + 1 < kDurationBands; ++b) {
      const std::size_t oldest = today - static_cast<std::size_t>(kDurationBandEdges[b]);
      episodes[b] = count(oldest, younger);
      younger = oldest;
    }
    episodes[kDurationBands - 1] = count(0, younger);
    for (std::size_t b = 0; b < kDurationBands; ++b) r.set(Metric::kCinEpisodesOpenByDuration, b, episodes[b]);
  }

  // Statutory visits due this month, made on time when the child has a worker whose pace
  // leaves room for them (an overloaded worker at pace p makes 1/p of them on time).
  const double working_days = calendar_.working_days_in_month(month);
  const double days = calendar_.month_start_time(month + 1) - calendar_.month_start_time(month);
  double visits_due = 0, visits_on_time = 0;
  std::vector<double>& pace = worker_pace_;  // each worker's once, not per child
  pace.resize(workforce_.workers().size());
  for (std::uint32_t w = 0; w < pace.size(); ++w) pace[w] = workforce_.pace_of(w);
  assert(statutory_visits_.size() == open_[stage_index(Stage::kCp)] + open_[stage_index(Stage::kCla)]);
  // The same children's DfE figures (now is a midnight, so time elapsed bands as dates do): CP plans by duration, and those in care for the year
  // measures (the financial year to date's placements and social workers; long-term
  // stability of children under 16 in care 2.5+ years).
  std::array<double, kDurationBands> cp_plans{};
  double cla = 0, cla_3_placements = 0, cla_3_workers = 0, long_term = 0, long_term_same_placement = 0;
  // Visits due in the month by plan: the same divisions for every child, done once.
  const double due_cp = working_days / params().cp.visit_interval_wd;
  const double due_cla_first_year = days / (params().care.visit_interval_weeks * kDaysPerWeek);
  const double due_cla_later = days / 91.0;
  // The records are scattered: each loads while the one a few places before it is counted.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < std::min(kAhead, statutory_visits_.size()); ++i) prefetch(statutory_visits_[i]);
  for (std::size_t i = 0; i < statutory_visits_.size(); ++i) {
    if (i + kAhead < statutory_visits_.size()) prefetch(statutory_visits_[i + kAhead]);
    const Child& c = children_[statutory_visits_[i]];
    if (c.stage == Stage::kCp) {
      cp_plans[duration_band(now - c.cp_start_day)] += 1;
    } else if (c.stage == Stage::kCla) {
      cla += 1;
      if (c.placements_in_year >= 3) cla_3_placements += 1;
      if (c.workers_in_year >= 3) cla_3_workers += 1;
      // In care 2.5 years (913.1 days) or more: 914 whole days, over 913 elapsed. The same
      // placement 2 years (730.5 days) or more: over 730 whole days.
      if (now - c.care_start_day > 913.0 && now - c.birth_day < 16.0 * kDaysPerYear) {
        long_term += 1;
        if (now - c.placement_start_day > kDurationBandEdges.back()) long_term_same_placement += 1;
      }
    }
    double due = 0;
    if (c.stage == Stage::kCp) due = due_cp;
    else if (c.stage == Stage::kCla) due = now - c.care_start_day < kDaysPerYear ? due_cla_first_year : due_cla_later;
    if (due <= 0) continue;
    visits_due += due;
    if (c.worker != kNoWorker) visits_on_time += due / pace[c.worker];
  }
  r.set(Metric::kVisitsOnTimePct, pct(visits_on_time, visits_due));
  for (std::size_t b = 0; b < kDurationBands; ++b) r.set(Metric::kCpOpenByDuration, b, cp_plans[b]);
  r.set(Metric::kCla3PlusPlacementsPct, pct(cla_3_placements, cla));
  r.set(Metric::kCla3PlusSocialWorkersPct, pct(cla_3_workers, cla));
  r.set(Metric::kClaLongTermStabilityPct, pct(long_term_same_placement, long_term));

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
  if (calendar_.financial_year_of_month(month + 1) != calendar_.financial_year_of_month(month))
    start_financial_year();
}

void Journey::start_financial_year() {
  // Once a year, every record: a child's count starts from the placement and the worker it
  // holds on 1 April.
  for (Child& c : children_) {
    if (!c.in_use) continue;
    c.placements_in_year = c.stage == Stage::kCla ? 1 : 0;
    c.workers_in_year = c.worker != kNoWorker ? 1 : 0;
    c.last_worker = c.worker;
  }
  std::fill(assessment_wd_year_.begin(), assessment_wd_year_.end(), 0);
  assessments_done_year_ = 0;
}

}  // namespace caseflow::sim
