// The warm start: the open caseload at the start date. Each stage's children are drawn from
// the stage's equilibrium (length-biased) duration with a uniform elapsed part, so the
// first months look like a service that has been running, not an empty one.
#include <cmath>

#include "sim/durations.h"
#include "sim/journey/journey.h"
#include "sim/keys.h"

namespace caseflow::sim {

namespace {

double age_from(const AgeProfile& age, double u, double v) {
  double cumulative = 0;
  for (std::size_t b = 0; b < age.probs.size(); ++b) {
    if (u <= cumulative + age.probs[b] || b + 1 == age.probs.size())
      return age.band_edges_years[b] + v * (age.band_edges_years[b + 1] - age.band_edges_years[b]);
    cumulative += age.probs[b];
  }
  return age.band_edges_years.back() - 0.1;
}
}  // namespace

void Journey::seed_initial_stock(const InitialStock& stock) {
  const auto& p = params();
  std::uint64_t entity = 0;
  auto u = [&](std::uint64_t k) { return initial_stream_.uniform(entity, k); };
  // Time gone before the start, and time left after it, of a stage in progress.
  auto before = [&](const Distribution& d, double v, double day) { return sim_days_before(v, d.unit, calendar_, day); };
  auto after = [&](const Distribution& d, double v, double day) { return to_sim_days(v, d.unit, calendar_, day); };
  auto remaining = [&](const Distribution& d) {
    const auto ip = d.in_progress(u(1), u(2));
    return std::max(0.5, after(d, ip.total - ip.elapsed, 0.0));
  };
  // The same stage's time gone: the CIN episode is dated from it (its referral and any
  // earlier stages are not known, so the warm start's episodes are understated).
  auto gone = [&](const Distribution& d) {
    const auto ip = d.in_progress(u(1), u(2));
    return before(d, ip.elapsed, 0.0);
  };
  auto child = [&](const AgeProfile& age) {
    ++entity;
    return new_child(std::min(17.9, age_from(age, u(0), u(3))), 0.0);
  };

  for (int i = 0; i < stock.assessments; ++i) {
    const std::uint32_t id = child(p.referral_age);
    Child& c = children_[id];
    const Distribution& work = stage_route(Stage::kAssessment).duration;
    const auto ip = work.in_progress(u(1), u(2));
    c.referral_day = c.last_referral_day = -before(work, ip.elapsed, 0.0);
    c.work_duration = ip.total;
    c.strategy_done = true;
    c.counts_assessment = true;
    enter(id, Stage::kAssessment, 0.0);
  }
  for (int i = 0; i < stock.cin_plans; ++i) {
    const std::uint32_t id = child(p.referral_age);
    children_[id].referral_day = -gone(stage_route(Stage::kCin).duration);
    enter(id, Stage::kCin, 0.0);
    schedule_stage_end(id, remaining(stage_route(Stage::kCin).duration));
  }
  for (int i = 0; i < stock.cp_plans; ++i) {
    const std::uint32_t id = child(p.referral_age);
    Child& c = children_[id];
    c.cp_plans = 1;
    const Distribution& cp_duration = stage_route(Stage::kCp).duration;
    const auto ip = cp_duration.in_progress(u(1), u(2));
    const double elapsed = before(cp_duration, ip.elapsed, 0.0);
    c.referral_day = -elapsed;
    enter(id, Stage::kCp, 0.0);
    schedule_stage_end(id, std::max(0.5, after(cp_duration, ip.total - ip.elapsed, 0.0)));
    // The next review falls at 3 months from the plan's start, then every 6 months.
    double review = p.cp.first_review_months * kDaysPerMonth;
    while (review <= elapsed) review += p.cp.review_interval_months * kDaysPerMonth;
    c.cp_start_day = -elapsed;
    queue_.schedule(review - elapsed, kRoutineClass, kCpReview, id, c.version);
  }
  // The legal stages, whose only state is the time left.
  const struct {
    int count;
    Stage stage;
    const Distribution& duration;
  } legal[] = {{stock.pre_proceedings, Stage::kPreProceedings, stage_route(Stage::kPreProceedings).duration},
               {stock.proceedings, Stage::kProceedings, stage_route(Stage::kProceedings).duration}};
  for (const auto& s : legal)
    for (int i = 0; i < s.count; ++i) {
      const std::uint32_t id = child(p.referral_age);
      children_[id].referral_day = -gone(s.duration);
      enter(id, s.stage, 0.0);
      schedule_stage_end(id, remaining(s.duration));
    }
  for (int i = 0; i < stock.cla; ++i) {
    const std::uint32_t id = child(stock.cla_age);
    Child& c = children_[id];
    c.placement = pick_placement(p.care.placement_shares, u(4));
    const Distribution* d = &care_duration_for(p.care, u(5));
    const auto ip = d->in_progress(u(1), u(2));
    c.care_start_day = c.referral_day = -before(*d, ip.elapsed, 0.0);
    // One placement held at the start, taken to have begun with care (moves before the
    // start are not known).
    start_placement(c, c.care_start_day);
    enter(id, Stage::kCla, 0.0);
    const double exit_day = std::max(0.5, after(*d, ip.total - ip.elapsed, 0.0));
    const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
    if (eighteen <= exit_day)
      queue_.schedule(std::max(0.5, eighteen), kStageClass, kAgeOut, id, c.version);
    else
      schedule_stage_end(id, exit_day);
    if (p.care.placement_moves_per_year > 0)
      queue_.schedule(-std::log(u(6)) / p.care.placement_moves_per_year * kDaysPerYear, kRoutineClass, kPlacementMove, id, c.version);
  }
  for (int i = 0; i < stock.returns_due; ++i) {
    // A case closed before the start whose child will come back: the wait left is drawn
    // from the return delay's equilibrium, and the previous referral is put one wait earlier
    // (assumption), so early re-referrals are counted as they would be in a running service.
    const std::uint32_t id = child(p.referral_age);
    const auto ip = p.returns.delay.in_progress(u(1), u(2));
    const Distribution& delay = p.returns.delay;
    const double waited = before(delay, ip.elapsed, 0.0);
    children_[id].last_referral_day = -waited - before(delay, delay.quantile(u(4)), -waited);
    schedule_return(id, std::max(0.5, after(delay, ip.total, -waited) - waited));
  }
  for (int i = 0; i < stock.care_leavers; ++i) {
    ++entity;
    // Care leavers at the start: ages spread evenly over the years of support.
    const bool extended = u(0) < p.care_leavers.extend_to_25_prob;
    const double to_age = extended ? 25.0 : p.care_leavers.support_to_age;
    const double age = 18.0 + u(1) * (to_age - 18.0);
    const std::uint32_t id = new_child(age, 0.0);
    enter(id, Stage::kCareLeaver, 0.0);
    schedule_stage_end(id, std::max(0.5, (to_age - age) * kDaysPerYear));
  }
}

}  // namespace caseflow::sim
