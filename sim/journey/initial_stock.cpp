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
  if (!stock.children.empty()) {
    seed_initial_children(stock.children);
    entity = stock.children.size();
    seed_returns_due(stock, entity);
    return;
  }
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
    // Under 18 at the start, spread evenly within the top band: a cap at 17.9 would send
    // every child of the band's last weeks out of care together in the first month.
    return new_child(std::min(18.0 - 1.0 / kDaysPerYear, age_from(age, u(0), u(3))), 0.0);
  };

  // Assessments in progress, on each path in proportion to its flow times its time in the
  // stage (Little's law): the s47 enquiries waiting for an ICPC, the other s47 enquiries,
  // and the single assessments. Without the s47 ones the first month has almost no ICPCs.
  const auto& r = p.referral;
  const Distribution& work = stage_route(Stage::kAssessment).duration;
  const double s47_share = std::min(1.0, r.strategy_discussion_prob) * r.s47_prob;
  const double to_icpc = s47_share * r.icpc_prob * (r.strategy_delay.mean() + r.icpc_delay.mean());
  const double to_s47_end = s47_share * (1.0 - r.icpc_prob) * (r.strategy_delay.mean() + r.s47_duration.mean());
  const double to_work_end = (1.0 - s47_share) * work.mean();
  const double all_paths = to_icpc + to_s47_end + to_work_end;
  for (int i = 0; i < stock.assessments; ++i) {
    const std::uint32_t id = child(p.referral_age);
    Child& c = children_[id];
    c.strategy_done = true;
    c.counts_assessment = true;
    const double path = u(5) * all_paths;
    if (path < to_icpc + to_s47_end) {
      // The enquiry's work is drawn when the case is allocated, in the stage visit it is
      // about to start: read that draw now to place the strategy discussion part-way through it.
      c.harm_suspected = c.s47 = true;
      c.icpc_planned = path < to_icpc;
      const keys::ChildSlot slot = c.icpc_planned ? keys::kIcpcDelay : keys::kS47Duration;
      const double u_work = child_stream_.uniform_pair(c.serial, keys::child_block(c.episode, c.visit + 1, slot))[slot & 1];
      const Distribution& enquiry = c.icpc_planned ? r.icpc_delay : r.s47_duration;
      const double elapsed = u(2) * enquiry.quantile(u_work);
      c.strategy_day = -before(enquiry, elapsed, 0.0);
      c.referral_day = c.last_referral_day = c.strategy_day - before(r.strategy_delay, r.strategy_delay.mean(), c.strategy_day);
    } else {
      const auto ip = work.in_progress(u(1), u(2));
      c.referral_day = c.last_referral_day = -before(work, ip.elapsed, 0.0);
      c.work_duration = ip.total;
    }
    enter(id, Stage::kAssessment, 0.0);
    if (log_) log_->seeded(c);
  }
  for (int i = 0; i < stock.cin_plans; ++i) {
    const std::uint32_t id = child(p.referral_age);
    children_[id].referral_day = -gone(stage_route(Stage::kCin).duration);
    children_[id].in_need = true;  // an open case at the start is a CIN episode
    enter(id, Stage::kCin, 0.0);
    schedule_stage_end(id, remaining(stage_route(Stage::kCin).duration));
    if (log_) log_->seeded(children_[id]);
  }
  for (int i = 0; i < stock.cp_plans; ++i) {
    const std::uint32_t id = child(p.referral_age);
    Child& c = children_[id];
    c.cp_plans += 1;
    const Distribution& cp_duration = stage_route(Stage::kCp).duration;
    const auto ip = cp_duration.in_progress(u(1), u(2));
    const double elapsed = before(cp_duration, ip.elapsed, 0.0);
    c.referral_day = -elapsed;
    children_[id].in_need = true;
    enter(id, Stage::kCp, 0.0);
    schedule_stage_end(id, std::max(0.5, after(cp_duration, ip.total - ip.elapsed, 0.0)));
    // The next review falls at 3 months from the plan's start, then every 6 months.
    double review = p.cp.first_review_months * kDaysPerMonth;
    while (review <= elapsed) review += p.cp.review_interval_months * kDaysPerMonth;
    c.cp_start_day = -elapsed;
    queue_.schedule(review - elapsed, kRoutineClass, kCpReview, id, c.version);
    if (log_) log_->seeded(c);
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
      children_[id].in_need = true;
      enter(id, s.stage, 0.0);
      schedule_stage_end(id, remaining(s.duration));
      if (log_) log_->seeded(children_[id]);
    }
  for (int i = 0; i < stock.cla; ++i) {
    const std::uint32_t id = child(stock.cla_age);
    Child& c = children_[id];
    // Without its time in care the age at entry is not known: a counted child takes the
    // band of its age now (docs/model.md, Care).
    c.care_band = static_cast<std::uint8_t>(p.care.band_at_entry_age(-c.birth_day / kDaysPerYear));
    c.placement = pick_placement(placement_shares_for(c), u(4));
    const Distribution* d = &care_duration_for(p.care.exits_of_band(c.care_band), u(5));
    const auto ip = d->in_progress(u(1), u(2));
    c.care_start_day = c.referral_day = -before(*d, ip.elapsed, 0.0);
    // One placement held at the start, taken to have begun with care (moves before the
    // start are not known).
    start_placement(c, c.care_start_day);
    children_[id].in_need = true;
    enter(id, Stage::kCla, 0.0);
    const double exit_day = std::max(0.5, after(*d, ip.total - ip.elapsed, 0.0));
    const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
    if (eighteen <= exit_day)
      queue_.schedule(std::max(0.5, eighteen), kStageClass, kAgeOut, id, c.version);
    else
      schedule_stage_end(id, exit_day);
    if (const double moves_per_year = p.care.placement_moves_of_band(c.care_band); moves_per_year > 0)
      queue_.schedule(-std::log(u(6)) / moves_per_year * kDaysPerYear, kRoutineClass, kPlacementMove, id, c.version);
    if (log_) log_->seeded(c);
  }
  seed_returns_due(stock, entity);
  const double extend = p.care_leavers.extend_to_25_prob, years_to_21 = p.care_leavers.support_to_age - 18.0;
  const double extended_share = extend > 0 ? extend * 7.0 / (extend * 7.0 + (1.0 - extend) * years_to_21) : 0.0;
  for (int i = 0; i < stock.care_leavers; ++i) {
    ++entity;
    // Care leavers at the start: ages spread evenly over the years of support. Those
    // supported to 25 are there for longer, so they are more of the stock than of the inflow.
    const bool extended = u(0) < extended_share;
    const double to_age = extended ? 25.0 : p.care_leavers.support_to_age;
    const double age = 18.0 + u(1) * (to_age - 18.0);
    const std::uint32_t id = new_child(age, 0.0);
    enter(id, Stage::kCareLeaver, 0.0);
    schedule_stage_end(id, std::max(0.5, (to_age - age) * kDaysPerYear));
    if (log_) log_->seeded(children_[id]);
  }
}

void Journey::seed_returns_due(const InitialStock& stock, std::uint64_t& entity) {
  const auto& p = params();
  auto u = [&](std::uint64_t k) { return initial_stream_.uniform(entity, k); };
  auto before = [&](const Distribution& d, double v, double day) { return sim_days_before(v, d.unit, calendar_, day); };
  auto after = [&](const Distribution& d, double v, double day) { return to_sim_days(v, d.unit, calendar_, day); };
  auto child = [&](const AgeProfile& age) {
    ++entity;
    return new_child(std::min(18.0 - 1.0 / kDaysPerYear, age_from(age, u(0), u(3))), 0.0);
  };
  // Children due back: some were turned away at the front door as first contacts and were
  // never referred; the rest had a case closed. In a running service the first kind make up
  // their flow's share of the returns waiting: first contacts a day not referred, times the
  // share that come back, times the mean wait (Little's law), of all returns due.
  const Distribution& delay = p.returns.delay;
  double first_contacts_per_day = 0;
  for (double per_month : p.demand.contacts_per_month) first_contacts_per_day += per_month / kDaysPerMonth;
  const double never_referred_share =
      stock.returns_due > 0 ? std::min(1.0, first_contacts_per_day * (1.0 - p.front_door.referral_prob) *
                                                p.returns.after_front_door_prob * delay.mean() / stock.returns_due)
                            : 0.0;
  for (int i = 0; i < stock.returns_due; ++i) {
    // The wait left is drawn from the return delay's equilibrium. A closed case's previous
    // referral is put one wait before its closure (assumption), so early re-referrals are
    // counted as they would be in a running service.
    const std::uint32_t id = child(p.referral_age);
    const auto ip = delay.in_progress(u(1), u(2));
    const double waited = before(delay, ip.elapsed, 0.0);
    if (u(5) >= never_referred_share)
      children_[id].last_referral_day = -waited - before(delay, delay.quantile(u(4)), -waited);
    schedule_return(id, std::max(0.5, after(delay, ip.total, -waited) - waited));
  }
}

}  // namespace caseflow::sim
