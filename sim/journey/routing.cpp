// Where each stage leads: referral, assessment and the s47 path, CIN and CP plans, PLO,
// proceedings, care with placements, care leavers, and closure with a possible return.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "sim/demand/hold_back.h"
#include "sim/durations.h"
#include "sim/journey/journey.h"
#include "sim/keys.h"

namespace caseflow::sim {

using namespace keys;

void Journey::start_referral(std::uint32_t id, Source source, double now) {
  Child& c = children_[id];
  c.episode += 1;
  referrals_ += 1;
  recorder_.add(Metric::kReferrals, index(source));
  if (now - c.last_referral_day <= kDaysPerYear) {
    re_referrals_ += 1;
    recorder_.add(Metric::kReReferrals);
  }
  c.last_referral_day = now;
  c.referral_day = now;
  if (log_) log_->referral(c, source, now);
  const auto& r = params().referral;
  if (draw(id, kReferralNfa) < r.nfa_prob) {
    if (log_) log_->referral_nfa(c, now);
    close_case(id, now, params().returns.after_closure_prob);
    return;
  }
  const double harm_prob = std::min(1.0, r.strategy_discussion_prob * (c.cp_plans > 0 ? r.repeat_harm_multiplier : 1.0));
  c.harm_suspected = draw(id, kHarm) < harm_prob;
  c.s47 = c.icpc_planned = c.work_scheduled = false;
  c.strategy_done = !c.harm_suspected;
  c.counts_assessment = true;
  c.work_duration = stage_route(Stage::kAssessment).duration.quantile(draw(id, stages_[Stage::kAssessment].duration_slot));
  recorder_.add(Metric::kAssessmentsStarted);
  if (log_) log_->assessment_started(c, now);
  if (c.harm_suspected) {
    const int delay = static_cast<int>(std::ceil(r.strategy_delay.quantile(draw(id, kStrategyDelay))));
    enter(id, Stage::kAssessment, now);
    queue_.schedule(std::max(now, static_cast<double>(calendar_.add_working_days(now, delay))), kStageClass, kStrategy, id,
                    children_[id].version);
  } else {
    enter(id, Stage::kAssessment, now);
  }
}

void Journey::on_strategy(std::uint32_t id, double now) {
  Child& c = children_[id];
  const auto& r = params().referral;
  recorder_.add(Metric::kStrategyDiscussions);
  c.strategy_done = true;
  c.strategy_day = now;
  if (draw(id, kS47) < r.s47_prob) {
    c.s47 = true;
    recorder_.add(Metric::kS47Enquiries);
    if (log_) log_->s47_started(c, now);
    c.icpc_planned = draw(id, kIcpcHeld) < r.icpc_prob;
  }
  schedule_assessment_work(id, now);
}

void Journey::schedule_assessment_work(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (c.worker == kNoWorker || !c.strategy_done || c.work_scheduled) return;
  c.work_scheduled = true;
  const auto& r = params().referral;
  // Work runs at the worker's pace once the child has a worker: the s47 enquiry and the
  // ICPC's preparation from now (the later of the strategy discussion and the allocation),
  // the assessment from work_from_day (on_allocated). The statutory clocks run from
  // the referral or the strategy discussion (complete_assessment, on_icpc), so time waiting
  // for a worker and slow work both make them late; no work is done while a case waits.
  auto paced = [&](double wd) { return static_cast<int>(std::ceil(wd * c.pace)); };
  // A council's enquiry under way at the start has only its time left to run.
  const bool resumes = c.enquiry_resumes;
  c.enquiry_resumes = false;
  if (c.icpc_planned) {
    const int wd = paced(resumes ? c.work_duration : r.icpc_delay.quantile(draw(id, kIcpcDelay)));
    queue_.schedule(calendar_.add_working_days(now, wd), kStageClass, kIcpc, id, c.version);
  } else if (c.s47) {
    const int wd = paced(resumes ? c.work_duration : r.s47_duration.quantile(draw(id, kS47Duration)));
    schedule_stage_end(id, calendar_.add_working_days(now, wd));
  } else {
    const int wd = paced(c.work_duration);
    schedule_stage_end(id, std::max(now, static_cast<double>(calendar_.add_working_days(c.work_from_day, wd))));
  }
}

void Journey::on_icpc(std::uint32_t id, double now) {
  Child& c = children_[id];
  recorder_.add(Metric::kIcpcs);
  if (log_) log_->icpc(c, now);
  icpcs_ += 1;
  if (calendar_.working_days_between(c.strategy_day, now) <= params().referral.icpc_target_wd) icpcs_on_time_ += 1;
  complete_assessment(id, now);
  if (draw(id, kCpPlan) < params().referral.cp_plan_prob)
    start_stage(id, Stage::kCp, now);
  else
    route_onward(id, stages_[Stage::kAssessment], now);
}

void Journey::complete_assessment(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (!c.counts_assessment) return;
  recorder_.add(Metric::kAssessmentsCompleted);
  if (log_) log_->assessment_completed(c, now);
  const int wd = std::max(0, calendar_.working_days_between(c.referral_day, now));
  assessments_done_ += 1;
  if (wd <= params().assessment.target_wd) assessments_on_time_ += 1;
  assessment_wd_histogram_[std::min<std::size_t>(static_cast<std::size_t>(wd), assessment_wd_histogram_.size() - 1)] += 1;
}

CareExit Journey::care_exit_of(const CareExits& care, double exit_draw) {
  if (exit_draw < care.exit_home) return CareExit::kHome;
  if (exit_draw < care.exit_home + care.exit_sgo) return CareExit::kSgo;
  if (exit_draw < care.exit_home + care.exit_sgo + care.exit_adoption) return CareExit::kAdoption;
  return CareExit::kOther;
}

const Distribution& Journey::care_duration_for(const CareExits& care, double exit_draw) {
  switch (care_exit_of(care, exit_draw)) {
    case CareExit::kHome: return care.duration_home;
    case CareExit::kSgo: return care.duration_sgo;
    case CareExit::kAdoption: return care.duration_adoption;
    default: return care.duration_other;
  }
}

void Journey::on_cp_review(std::uint32_t id, double now) {
  Child& c = children_[id];
  reviews_ += 1;
  // On time when the child has a worker with room for it: at pace p, one review in p is.
  const double u = child_stream_.uniform(c.serial, cp_review(now));
  if (c.worker != kNoWorker && u < 1.0 / workforce_.pace_of(c.worker)) reviews_on_time_ += 1;
  queue_.schedule(now + params().cp.review_interval_months * kDaysPerMonth, kRoutineClass, kCpReview, id, c.version);
}

void Journey::start_in_need(Child& c, double now) {
  if (c.in_need) return;
  c.in_need = true;
  recorder_.add(Metric::kCinEpisodesStarted);
  if (log_) log_->found_in_need(c, now);
}

void Journey::start_care(std::uint32_t id, double now, bool uasc) {
  Child& c = children_[id];
  start_in_need(c, now);
  const auto& care = params().care;
  c.uasc = uasc;
  c.care_band = static_cast<std::uint8_t>(care.band_at_entry_age((now - c.birth_day) / kDaysPerYear));
  c.placement = pick_placement(placement_shares_for(c), draw(id, kPlacement));
  c.care_start_day = now;
  start_placement(c, now);
  recorder_.add(Metric::kClaStarted, index(c.placement));
  enter(id, Stage::kCla, now);
  // Leaving care: by the exit route's own duration, or at 18, whichever comes first. An
  // unaccompanied child has no home to return to and no family for an order: UASC stay
  // until 18 (PF L95: returns home, SGOs and adoptions are of children with families).
  const Distribution& d = care_duration_for(care.exits_of_band(c.care_band), draw(id, kCareExit));
  const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
  const double exit_day = uasc ? eighteen : now + duration_days(d, draw(id, kCareDuration), now);
  if (eighteen <= exit_day)
    queue_.schedule(std::max(now, eighteen), kStageClass, kAgeOut, id, c.version);
  else
    schedule_stage_end(id, exit_day);
  const double moves_per_year = care.placement_moves_of_band(c.care_band);
  if (moves_per_year > 0)
    queue_.schedule(now - std::log(draw(id, kMoveDelay)) / moves_per_year * kDaysPerYear, kRoutineClass, kPlacementMove, id,
                    c.version);
}

const PerPlacement& Journey::placement_shares_for(const Child& c) const {
  const auto& care = params().care;
  return c.uasc ? care.uasc_placement_shares : care.placement_shares_of_band(c.care_band);
}

void Journey::on_placement_move(std::uint32_t id, double now) {
  Child& c = children_[id];
  const auto& care = params().care;
  recorder_.add(Metric::kPlacementMoves);
  const std::uint64_t key = placement_move(now);
  cla_by_placement_[index(c.placement)] -= 1;
  c.placement = pick_placement(placement_shares_for(c), child_stream_.uniform(c.serial, key));
  cla_by_placement_[index(c.placement)] += 1;
  start_placement(c, now);
  if (log_) log_->placement_moved(c, now);
  const double next = -std::log(child_stream_.uniform(c.serial, key + 1)) / care.placement_moves_of_band(c.care_band) * kDaysPerYear;
  queue_.schedule(now + next, kRoutineClass, kPlacementMove, id, c.version);
}

void Journey::start_stage(std::uint32_t id, Stage stage, double now) {
  if (stage == Stage::kCla) {
    start_care(id, now, false);
    return;
  }
  const StageSpec& spec = stages_[stage];
  Child& c = children_[id];
  start_in_need(c, now);
  if (spec.started) recorder_.add(*spec.started);
  if (stage == Stage::kCp) {
    cp_started_ += 1;
    if (c.cp_plans > 0) {
      recorder_.add(Metric::kRepeatCpPlans);
      repeat_cp_ += 1;
    }
    c.cp_plans += 1;
  }
  enter(id, stage, now);
  schedule_stage_end(id, now + duration_days(stage_route(stage).duration, draw(id, spec.duration_slot), now));
  if (stage == Stage::kCp) {
    c.cp_start_day = now;
    queue_.schedule(now + params().cp.first_review_months * kDaysPerMonth, kRoutineClass, kCpReview, id, c.version);
  }
}

// The stage's outcome shares with every route into care times `multiplier` (care.entry_by_age),
// the other outcomes sharing the difference in proportion; a care share pushed past 1 stops
// at 1. `out` is reused: the journey's own buffer, so routing allocates nothing.
const std::vector<double>& Journey::shares_with_care_times(const StageSpec& spec, const std::vector<double>& shares,
                                                          double multiplier, std::vector<double>& out) const {
  double care = 0;
  for (std::size_t k = 0; k < shares.size(); ++k)
    if (spec.outcomes[k].route == Route::kEnter && spec.outcomes[k].next == Stage::kCla) care += shares[k];
  if (care <= 0) return shares;
  const double scaled = std::min(1.0, care * multiplier);
  const double to_care = scaled / care, to_rest = care < 1 ? (1 - scaled) / (1 - care) : 0.0;
  out.resize(shares.size());
  for (std::size_t k = 0; k < shares.size(); ++k)
    out[k] = shares[k] * (spec.outcomes[k].route == Route::kEnter && spec.outcomes[k].next == Stage::kCla ? to_care : to_rest);
  return out;
}

void Journey::route_onward(std::uint32_t id, const StageSpec& spec, double now) {
  const std::vector<double>* routed = &stage_route(spec.id).outcome_shares;
  if (const Care& care = params().care; care.entry_by_age_in_force())
    routed = &shares_with_care_times(spec, *routed, care.entry_multiplier_at((now - children_[id].birth_day) / kDaysPerYear), aged_shares_);
  const std::vector<double>& shares = *routed;
  assert(!shares.empty() && shares.size() == spec.outcomes.size());  // StageTable::validate
  const double u = draw(id, spec.outcome_slot);
  std::size_t k = 0;
  double cumulative = shares[0];
  while (k + 1 < shares.size() && !(u < cumulative)) cumulative += shares[++k];
  const OutcomeSpec& outcome = spec.outcomes[k];
  if (outcome.route == Route::kEnter && !params().demand.shocks.empty() && shares[k] > 0 &&
      entry_held(id, outcome.next, (u - (cumulative - shares[k])) / shares[k], now))
    return;
  // Closed after an assessment that found need (early help): a CIN episode of its own.
  if (outcome.route != Route::kEnter && !outcome.not_in_need) start_in_need(children_[id], now);
  switch (outcome.route) {
    case Route::kEnter: start_stage(id, outcome.next, now); return;
    case Route::kClose: close_case(id, now, params().returns.after_closure_prob); return;
    case Route::kCloseForGood: close_case(id, now, 0.0); return;
    case Route::kStepUp: step_up(id, now); return;
  }
}

bool Journey::entry_held(std::uint32_t id, Stage next, double within, double now) {
  // The routing draw is the same when the hold ends (same episode and stage visit), so the
  // child routes to the same stage (unless dated changes moved the shares meanwhile), and
  // `within` meets whatever shock covers that day.
  const std::size_t stage = stage_index(next);
  if (stage >= kStandardStages) return false;  // a table's added stages are not held back
  const HoldBack hold =
      hold_back(params().demand.shocks, calendar_.date_at(now), [stage](const DemandShock& k) { return k.entries[stage]; });
  if (hold.pass >= 1.0 || within < hold.pass) return false;
  queue_.schedule(now + hold.defer_days, kStageClass, kHeldEntry, id, children_[id].version);
  return true;
}

void Journey::step_up(std::uint32_t id, double now) {
  // A strategy discussion and s47 on an open case, without a new referral.
  Child& c = children_[id];
  c.harm_suspected = true;
  c.s47 = c.icpc_planned = c.work_scheduled = c.strategy_done = false;
  c.counts_assessment = false;
  enter(id, Stage::kAssessment, now);
  const int delay = static_cast<int>(std::ceil(params().referral.strategy_delay.quantile(draw(id, kStepUpStrategy))));
  queue_.schedule(std::max(now, static_cast<double>(calendar_.add_working_days(now, delay))), kStageClass, kStrategy, id,
                  c.version);
}

void Journey::on_stage_end(std::uint32_t id, double now) {
  Child& c = children_[id];
  const StageSpec& spec = stages_[c.stage];
  const auto& p = params();
  switch (c.stage) {
    case Stage::kNone: return;
    case Stage::kAssessment:
      if (!c.counts_assessment && c.s47) {  // a step-up that did not reach an ICPC returns to CIN
        start_stage(id, Stage::kCin, now);
        return;
      }
      complete_assessment(id, now);
      route_onward(id, spec, now);
      return;
    case Stage::kCla: {
      recorder_.add(Metric::kClaCeased);
      const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
      if (now >= eighteen - 1.0) {
        // Left care at 18: a care leaver if looked after long enough.
        if (now - c.care_start_day >= p.care.care_leaver_min_weeks * kDaysPerWeek) {
          recorder_.add(Metric::kCareLeaversStarted);
          if (log_) log_->care_ended(c, CareExit::kCareLeaver, now);
          end_in_need(c);
          enter(id, Stage::kCareLeaver, now);
          const double to_age = draw(id, kLeaverExtend) < p.care_leavers.extend_to_25_prob ? 25.0 : p.care_leavers.support_to_age;
          schedule_stage_end(id, std::max(now, c.birth_day + to_age * kDaysPerYear));
        } else {
          if (log_) log_->care_ended(c, CareExit::kAgedOut, now);
          close_case(id, now, 0.0);
        }
        return;
      }
      const double u = draw(id, kCareExit);
      const CareExits& exits = p.care.exits_of_band(c.care_band);
      if (log_) log_->care_ended(c, care_exit_of(exits, u), now);
      close_case(id, now, u < exits.exit_home ? p.returns.after_closure_prob : 0.0);
      return;
    }
    case Stage::kCareLeaver:
      close_case(id, now, 0.0);
      return;
    default:  // every other stage routes by its outcomes
      if (spec.ended) recorder_.add(*spec.ended);
      if (c.stage == Stage::kCp) recorder_.add(Metric::kCpPlansEndedByDuration, duration_band(now - c.cp_start_day));
      route_onward(id, spec, now);
      return;
  }
}

void Journey::end_in_need(Child& c) {
  if (!c.in_need) return;
  c.in_need = false;
  recorder_.add(Metric::kCinEpisodesEnded);
}

void Journey::close_case(std::uint32_t id, double now, double return_prob) {
  end_in_need(children_[id]);
  leave_stage(id, now);
  if (return_prob > 0 && draw(id, kReturnDraw) < return_prob) {
    // The record stays while a return is due, so the next referral knows the history.
    const double delay = duration_days(params().returns.delay, draw(id, kReturnDelay), now);
    schedule_return(id, now + std::max(1.0, delay));
    return;
  }
  free_child(id);
}

void Journey::schedule_return(std::uint32_t id, double at) {
  const double first_day = std::floor(at) + 1.0;
  if (first_day >= static_cast<double>(returns_due_.days())) return;  // beyond the horizon
  returns_due_.add(static_cast<std::size_t>(first_day), at, id);
}

}  // namespace caseflow::sim
