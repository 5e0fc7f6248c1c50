// The child's journey: referral, assessment and the s47 path, CIN and CP plans, PLO,
// proceedings, care with placements, and care leavers; closures and returns.
#include <algorithm>
#include <cmath>

#include "sim/model.h"

namespace caseflow::sim {

namespace {

constexpr double kDaysPerYear = 365.25;
constexpr double kDaysPerMonth = kDaysPerYear / 12.0;

// Each decision has its own draw slot within a child's episode and stage visit, so a child's
// n-th stage of its m-th episode sees the same random numbers in every scenario (common
// random numbers by design), and a repeated stage never replays an earlier stage's draws.
// Slots 2k and 2k+1 share one Threefry block (Model::draw keeps the last block). The first
// six pairs are decisions drawn together at one point of the journey, so the second of each
// costs nothing; the rest are paired by position only.
enum Slot : std::uint64_t {
  kReferralNfa, kHarm,             // at referral
  kAssessDuration, kStrategyDelay, // at referral
  kS47, kIcpcHeld,                 // at the strategy discussion
  kCpPlan, kAssessOutcome,         // at the ICPC
  kReturnDraw, kReturnDelay,       // at closure
  kCareExit, kCareDuration,        // on entering care
  kPlacement, kMoveDelay,
  kIcpcDelay, kS47Duration,
  kCinDuration, kCinOutcome,
  kCpDuration, kCpOutcome,
  kPloDuration, kPloOutcome,
  kProcDuration, kProcOutcome,
  kLeaverExtend, kReturnSource,
  kStepUpStrategy,
  kSlotsPerEpisode = 64
};

Team team_of(Stage s) {
  switch (s) {
    case Stage::kAssessment: return Team::kAssessment;
    case Stage::kCin:
    case Stage::kCp:
    case Stage::kPreProceedings:
    case Stage::kProceedings: return Team::kHelpProtection;
    case Stage::kCla: return Team::kChildrenInCare;
    case Stage::kCareLeaver: return Team::kCareLeavers;
    default: return Team::kFrontDoor;
  }
}

std::size_t stage_group(Stage s) { return static_cast<std::size_t>(s) - 1; }

}  // namespace

double Model::draw(std::uint32_t id, std::uint64_t slot) {
  const Child& c = children_[id];
  const std::uint64_t visit_key = (std::uint64_t{c.episode} << 16) | c.visit;
  const std::uint64_t block = (visit_key * kSlotsPerEpisode + slot) >> 1;
  if (c.serial != last_block_serial_ || block != last_block_) {
    last_block_serial_ = c.serial;
    last_block_ = block;
    last_block_draws_ = child_stream_.uniform_pair(c.serial, block);
  }
  return last_block_draws_[slot & 1];
}

double Model::duration_days(const Distribution& d, double u, double from_day) const {
  const double v = d.quantile(u);
  switch (d.unit) {
    case TimeUnit::kDays: return v;
    case TimeUnit::kWeeks: return v * 7.0;
    case TimeUnit::kMonths: return v * kDaysPerMonth;
    case TimeUnit::kWorkingDays:
      return calendar_.add_working_days(from_day, static_cast<int>(std::ceil(v))) - std::floor(from_day);
  }
  return v;
}

Placement Model::pick_placement(const PerPlacement& shares, double u) const {
  double cumulative = 0;
  for (std::size_t p = 0; p < kPlacements; ++p) {
    cumulative += shares[p];
    if (u <= cumulative) return static_cast<Placement>(p);
  }
  return Placement::kInHouseFoster;
}

std::uint32_t Model::new_child(double age_years, double now) {
  std::uint32_t id;
  if (!free_children_.empty()) {
    id = free_children_.back();
    free_children_.pop_back();
  } else {
    id = static_cast<std::uint32_t>(children_.size());
    children_.emplace_back();
  }
  Child& c = children_[id];
  const std::uint32_t version = c.version + 1;
  c = Child{};
  c.version = version;
  c.serial = next_child_serial_++;
  c.in_use = true;
  c.birth_day = now - age_years * kDaysPerYear;
  return id;
}

void Model::free_child(std::uint32_t id) {
  children_[id].in_use = false;
  children_[id].version += 1;
  free_children_.push_back(id);
}

void Model::schedule_stage_end(std::uint32_t id, double at) {
  queue_.schedule(at, 3, kStageEnd, id, children_[id].version);
}

void Model::enter(std::uint32_t id, Stage stage, double now) {
  Child& c = children_[id];
  const Stage previous = c.stage;
  const Team previous_team = c.team;
  const std::uint32_t previous_worker = c.worker;
  if (previous != Stage::kNone) {
    open_[static_cast<std::size_t>(previous)] -= 1;
    recorder_.add(Metric::kStageExits, stage_group(previous));
    if (previous == Stage::kCla) cla_by_placement_[index(c.placement)] -= 1;
  }
  c.version += 1;
  c.visit += 1;
  track_statutory_visits(id, previous, stage);
  c.stage = stage;
  c.stage_start_day = now;
  open_[static_cast<std::size_t>(stage)] += 1;
  recorder_.add(Metric::kStageEntries, stage_group(stage));
  if (stage == Stage::kCla) cla_by_placement_[index(c.placement)] += 1;

  const auto& w = params().workforce;
  const Team team = team_of(stage);
  CaseRef ref{id, c.version, 1.0, 2};
  switch (stage) {
    case Stage::kAssessment: ref.weight = c.harm_suspected ? w.weight_s47 : w.weight_assessment; ref.priority = c.harm_suspected ? 0 : 2; break;
    case Stage::kCin: ref.weight = w.weight_cin; ref.priority = 2; break;
    case Stage::kCp: ref.weight = w.weight_cp; ref.priority = 0; break;
    case Stage::kPreProceedings:
    case Stage::kProceedings: ref.weight = w.weight_proceedings; ref.priority = 0; break;
    case Stage::kCla: ref.weight = w.weight_cla; ref.priority = 1; break;
    case Stage::kCareLeaver: ref.weight = w.weight_care_leaver; ref.priority = 3; break;
    default: break;
  }
  Allocation a;
  if (previous != Stage::kNone && team == previous_team && previous_worker != kNoWorker) {
    a = workforce_.continue_case(team, previous_worker, ref, now);  // same team: keep the worker if there is room
  } else {
    if (previous != Stage::kNone) workforce_.release(previous_team, c.waiting ? kNoWorker : previous_worker, id, now);
    a = workforce_.request(team, ref, now, now);
  }
  c.team = team;
  c.worker = kNoWorker;
  c.waiting = false;
  on_allocated(a, now);
}

void Model::on_allocated(const Allocation& a, double now) {
  Child& c = children_[a.ref.id];
  if (!c.in_use || c.version != a.ref.version) return;
  if (a.queued) {
    c.worker = kNoWorker;
    c.waiting = true;
    c.waiting_since = now;
    return;
  }
  if (c.had_worker && !a.handover && a.worker != c.worker) workforce_.tally(c.team).worker_changes += 1;
  c.worker = a.worker;
  c.waiting = false;
  c.had_worker = true;
  c.pace = a.pace;
  if (c.stage == Stage::kAssessment) schedule_assessment_work(a.ref.id, now);
}

void Model::apply_pending_allocations(double now) {
  while (!workforce_.pending().empty()) {
    std::vector<Allocation> batch;
    batch.swap(workforce_.pending());
    for (const Allocation& a : batch) {
      Child& c = children_[a.ref.id];
      if (a.handover && c.in_use && c.version == a.ref.version) c.worker = kNoWorker;
      on_allocated(a, now);
    }
  }
}

void Model::leave_stage(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (c.stage == Stage::kNone) return;
  open_[static_cast<std::size_t>(c.stage)] -= 1;
  recorder_.add(Metric::kStageExits, stage_group(c.stage));
  if (c.stage == Stage::kCla) cla_by_placement_[index(c.placement)] -= 1;
  workforce_.release(c.team, c.waiting ? kNoWorker : c.worker, id, now);
  track_statutory_visits(id, c.stage, Stage::kNone);
  c.stage = Stage::kNone;
  c.worker = kNoWorker;
  c.waiting = false;
  c.had_worker = false;
  c.version += 1;
}

void Model::track_statutory_visits(std::uint32_t id, Stage from, Stage to) {
  auto visited = [](Stage s) { return s == Stage::kCp || s == Stage::kCla; };
  if (visited(from) == visited(to)) return;
  Child& c = children_[id];
  if (visited(to)) {
    c.statutory_slot = static_cast<std::uint32_t>(statutory_visits_.size());
    statutory_visits_.push_back(id);
    return;
  }
  const std::uint32_t moved = statutory_visits_.back();  // fills the leaver's place
  statutory_visits_[c.statutory_slot] = moved;
  children_[moved].statutory_slot = c.statutory_slot;
  statutory_visits_.pop_back();
  c.statutory_slot = 0xffffffffu;
}

void Model::start_referral(std::uint32_t id, Source source, double now) {
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
  const auto& r = params().referral;
  if (draw(id, kReferralNfa) < r.nfa_prob) {
    close_case(id, now, params().returns.after_closure_prob);
    return;
  }
  const double harm_prob = std::min(1.0, r.strategy_discussion_prob * (c.cp_plans > 0 ? r.repeat_harm_multiplier : 1.0));
  c.harm_suspected = draw(id, kHarm) < harm_prob;
  c.s47 = c.icpc_planned = c.work_scheduled = false;
  c.strategy_done = !c.harm_suspected;
  c.counts_assessment = true;
  c.work_duration = params().assessment.duration.quantile(draw(id, kAssessDuration));
  recorder_.add(Metric::kAssessmentsStarted);
  if (c.harm_suspected) {
    const int delay = static_cast<int>(std::ceil(r.strategy_delay.quantile(draw(id, kStrategyDelay))));
    enter(id, Stage::kAssessment, now);
    queue_.schedule(std::max(now, static_cast<double>(calendar_.add_working_days(now, delay))), 3, kStrategy, id,
                    children_[id].version);
  } else {
    enter(id, Stage::kAssessment, now);
  }
}

void Model::on_strategy(std::uint32_t id, double now) {
  Child& c = children_[id];
  const auto& r = params().referral;
  recorder_.add(Metric::kStrategyDiscussions);
  c.strategy_done = true;
  c.strategy_day = now;
  if (draw(id, kS47) < r.s47_prob) {
    c.s47 = true;
    recorder_.add(Metric::kS47Enquiries);
    c.icpc_planned = draw(id, kIcpcHeld) < r.icpc_prob;
  }
  schedule_assessment_work(id, now);
}

void Model::schedule_assessment_work(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (c.worker == kNoWorker || !c.strategy_done || c.work_scheduled) return;
  c.work_scheduled = true;
  const auto& r = params().referral;
  // Work runs at the worker's pace; the statutory clocks keep running from the referral or
  // the strategy discussion, so waiting for allocation and slow work both make them late.
  auto paced = [&](double wd) { return static_cast<int>(std::ceil(wd * c.pace)); };
  if (c.icpc_planned) {
    const int wd = paced(r.icpc_delay.quantile(draw(id, kIcpcDelay)));
    queue_.schedule(std::max(now, static_cast<double>(calendar_.add_working_days(c.strategy_day, wd))), 3, kIcpc, id, c.version);
  } else if (c.s47) {
    const int wd = paced(r.s47_duration.quantile(draw(id, kS47Duration)));
    schedule_stage_end(id, std::max(now, static_cast<double>(calendar_.add_working_days(c.strategy_day, wd))));
  } else {
    const int wd = paced(c.work_duration);
    schedule_stage_end(id, std::max(now, static_cast<double>(calendar_.add_working_days(c.referral_day, wd))));
  }
}

void Model::on_icpc(std::uint32_t id, double now) {
  Child& c = children_[id];
  recorder_.add(Metric::kIcpcs);
  icpcs_ += 1;
  if (calendar_.working_days_between(c.strategy_day, now) <= params().referral.icpc_target_wd) icpcs_on_time_ += 1;
  complete_assessment(id, now);
  if (draw(id, kCpPlan) < params().referral.cp_plan_prob)
    start_cp(id, now);
  else
    assessment_outcome(id, now);
}

void Model::complete_assessment(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (!c.counts_assessment) return;
  recorder_.add(Metric::kAssessmentsCompleted);
  const int wd = std::max(0, calendar_.working_days_between(c.referral_day, now));
  assessments_done_ += 1;
  if (wd <= params().assessment.target_wd) assessments_on_time_ += 1;
  assessment_wd_histogram_[std::min<std::size_t>(static_cast<std::size_t>(wd), assessment_wd_histogram_.size() - 1)] += 1;
}

void Model::assessment_outcome(std::uint32_t id, double now) {
  const auto& o = params().assessment.outcomes;
  const double u = draw(id, kAssessOutcome);
  if (u < o.nfa + o.early_help) {
    close_case(id, now, params().returns.after_closure_prob);
  } else if (u < o.nfa + o.early_help + o.cin_plan) {
    start_cin(id, now);
  } else {
    start_care(id, now, false);
  }
}

void Model::start_cin(std::uint32_t id, double now) {
  recorder_.add(Metric::kCinPlansStarted);
  enter(id, Stage::kCin, now);
  schedule_stage_end(id, now + duration_days(params().cin.duration, draw(id, kCinDuration), now));
}

const Distribution& Model::care_duration_for(const Care& care, double route) {
  if (route < care.exit_home) return care.duration_home;
  if (route < care.exit_home + care.exit_sgo) return care.duration_sgo;
  if (route < care.exit_home + care.exit_sgo + care.exit_adoption) return care.duration_adoption;
  return care.duration_other;
}

void Model::start_cp(std::uint32_t id, double now) {
  Child& c = children_[id];
  recorder_.add(Metric::kCpPlansStarted);
  cp_started_ += 1;
  if (c.cp_plans > 0) {
    recorder_.add(Metric::kRepeatCpPlans);
    repeat_cp_ += 1;
  }
  c.cp_plans += 1;
  enter(id, Stage::kCp, now);
  c.cp_start_day = now;
  const auto& cp = params().cp;
  schedule_stage_end(id, now + duration_days(cp.duration, draw(id, kCpDuration), now));
  queue_.schedule(now + cp.first_review_months * kDaysPerMonth, 4, kCpReview, id, c.version);
}

void Model::on_cp_review(std::uint32_t id, double now) {
  Child& c = children_[id];
  reviews_ += 1;
  // On time when the child has a worker with room for it: at pace p, one review in p is.
  const double u = child_stream_.uniform(c.serial, (std::uint64_t{1} << 40) + static_cast<std::uint64_t>(now));
  if (c.worker != kNoWorker && u < 1.0 / workforce_.pace_of(c.worker)) reviews_on_time_ += 1;
  queue_.schedule(now + params().cp.review_interval_months * kDaysPerMonth, 4, kCpReview, id, c.version);
}

void Model::start_care(std::uint32_t id, double now, bool uasc) {
  Child& c = children_[id];
  const auto& care = params().care;
  c.uasc = uasc;
  c.placement = pick_placement(uasc ? care.uasc_placement_shares : care.placement_shares, draw(id, kPlacement));
  c.care_start_day = now;
  recorder_.add(Metric::kClaStarted, index(c.placement));
  enter(id, Stage::kCla, now);
  // Leaving care: by the exit route's own duration, or at 18, whichever comes first.
  const Distribution& d = care_duration_for(care, draw(id, kCareExit));
  const double exit_day = now + duration_days(d, draw(id, kCareDuration), now);
  const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
  if (eighteen <= exit_day)
    queue_.schedule(std::max(now, eighteen), 3, kAgeOut, id, c.version);
  else
    schedule_stage_end(id, exit_day);
  if (care.placement_moves_per_year > 0)
    queue_.schedule(now - std::log(draw(id, kMoveDelay)) / care.placement_moves_per_year * kDaysPerYear, 4,
                    kPlacementMove, id, c.version);
}

void Model::on_placement_move(std::uint32_t id, double now) {
  Child& c = children_[id];
  const auto& care = params().care;
  recorder_.add(Metric::kPlacementMoves);
  const std::uint64_t key = (std::uint64_t{1} << 41) + static_cast<std::uint64_t>(now);
  cla_by_placement_[index(c.placement)] -= 1;
  c.placement = pick_placement(c.uasc ? care.uasc_placement_shares : care.placement_shares, child_stream_.uniform(c.serial, key));
  cla_by_placement_[index(c.placement)] += 1;
  const double next = -std::log(child_stream_.uniform(c.serial, key + 1)) / care.placement_moves_per_year * kDaysPerYear;
  queue_.schedule(now + next, 4, kPlacementMove, id, c.version);
}

void Model::on_stage_end(std::uint32_t id, double now) {
  Child& c = children_[id];
  const auto& p = params();
  switch (c.stage) {
    case Stage::kAssessment:
      if (!c.counts_assessment && c.s47) {  // a step-up that did not reach an ICPC returns to CIN
        start_cin(id, now);
        return;
      }
      complete_assessment(id, now);
      assessment_outcome(id, now);
      return;
    case Stage::kCin: {
      recorder_.add(Metric::kCinPlansEnded);
      const double u = draw(id, kCinOutcome);
      if (u < p.cin.close + p.cin.step_down) {
        close_case(id, now, p.returns.after_closure_prob);
      } else if (u < p.cin.close + p.cin.step_down + p.cin.step_up_cp) {
        // Step-up: a strategy discussion and s47 on an open case, without a new referral.
        c.harm_suspected = true;
        c.s47 = c.icpc_planned = c.work_scheduled = c.strategy_done = false;
        c.counts_assessment = false;
        enter(id, Stage::kAssessment, now);
        const int delay = static_cast<int>(std::ceil(p.referral.strategy_delay.quantile(draw(id, kStepUpStrategy))));
        queue_.schedule(std::max(now, static_cast<double>(calendar_.add_working_days(now, delay))), 3, kStrategy, id, c.version);
      } else {
        start_care(id, now, false);
      }
      return;
    }
    case Stage::kCp: {
      recorder_.add(Metric::kCpPlansEnded);
      const double u = draw(id, kCpOutcome);
      if (u < p.cp.step_down_cin) {
        start_cin(id, now);
      } else if (u < p.cp.step_down_cin + p.cp.close) {
        close_case(id, now, p.returns.after_closure_prob);
      } else if (u < p.cp.step_down_cin + p.cp.close + p.cp.pre_proceedings) {
        recorder_.add(Metric::kPreProceedingsStarted);
        enter(id, Stage::kPreProceedings, now);
        schedule_stage_end(id, now + duration_days(p.pre_proceedings.duration, draw(id, kPloDuration), now));
      } else {
        start_care(id, now, false);
      }
      return;
    }
    case Stage::kPreProceedings:
      if (draw(id, kPloOutcome) < p.pre_proceedings.proceedings) {
        recorder_.add(Metric::kProceedingsStarted);
        enter(id, Stage::kProceedings, now);
        schedule_stage_end(id, now + duration_days(p.proceedings.duration, draw(id, kProcDuration), now));
      } else {
        start_cin(id, now);
      }
      return;
    case Stage::kProceedings: {
      const auto& o = p.proceedings;
      const double u = draw(id, kProcOutcome);
      if (u < o.care_order) {
        start_care(id, now, false);
      } else if (u < o.care_order + o.sgo) {
        close_case(id, now, 0.0);
      } else if (u < o.care_order + o.sgo + o.home_supervision) {
        start_cin(id, now);
      } else {
        close_case(id, now, p.returns.after_closure_prob);
      }
      return;
    }
    case Stage::kCla: {
      recorder_.add(Metric::kClaCeased);
      const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
      if (now >= eighteen - 1.0) {
        // Left care at 18: a care leaver if looked after long enough.
        if (now - c.care_start_day >= p.care.care_leaver_min_weeks * 7.0) {
          recorder_.add(Metric::kCareLeaversStarted);
          enter(id, Stage::kCareLeaver, now);
          const double to_age = draw(id, kLeaverExtend) < p.care_leavers.extend_to_25_prob ? 25.0 : p.care_leavers.support_to_age;
          schedule_stage_end(id, std::max(now, c.birth_day + to_age * kDaysPerYear));
        } else {
          close_case(id, now, 0.0);
        }
        return;
      }
      const double u = draw(id, kCareExit);
      close_case(id, now, u < p.care.exit_home ? p.returns.after_closure_prob : 0.0);
      return;
    }
    case Stage::kCareLeaver:
      close_case(id, now, 0.0);
      return;
    default:
      return;
  }
}

void Model::close_case(std::uint32_t id, double now, double return_prob) {
  leave_stage(id, now);
  if (return_prob > 0 && draw(id, kReturnDraw) < return_prob) {
    // The record stays while a return is due, so the next referral knows the history.
    const double delay = duration_days(params().returns.delay, draw(id, kReturnDelay), now);
    schedule_return(id, now + std::max(1.0, delay));
    return;
  }
  free_child(id);
}

void Model::schedule_return(std::uint32_t id, double at) {
  const double first_day = std::floor(at) + 1.0;
  if (first_day >= static_cast<double>(returns_due_.size())) return;  // beyond the horizon
  returns_due_[static_cast<std::size_t>(first_day)].push_back({at, id});
}

void Model::arrive_returns(int day) {
  auto& due = returns_due_[static_cast<std::size_t>(day)];
  // Scheduling order breaks ties in time, as in the event queue.
  std::stable_sort(due.begin(), due.end(), [](const DueReturn& a, const DueReturn& b) { return a.time < b.time; });
  for (const DueReturn& r : due) on_return(r.child, r.time);
  due.clear();
}

void Model::on_return(std::uint32_t id, double now) {
  Child& c = children_[id];
  c.episode += 1;  // a new contact: fresh draws for everything that follows
  // The source follows the day's demand mix (so school returns pause in the holidays); on a
  // non-working day, the monthly mix.
  std::array<double, kSources> weight{};
  double total = 0;
  for (std::size_t k = 0; k < kSources; ++k) total += weight[k] = today_intensity_[k];
  if (total <= 0)
    for (std::size_t k = 0; k < kSources; ++k) total += weight[k] = params().demand.contacts_per_month[k];
  double u = draw(id, kReturnSource) * total;
  std::size_t s = 0;
  while (s + 1 < kSources && u > weight[s]) u -= weight[s++];
  recorder_.add(Metric::kContacts, s);
  const std::uint64_t entity = (std::uint64_t{1} << 62) | (c.serial << 8) | (c.episode & 0xff);
  front_door_queue_.push_back({now, id, static_cast<Source>(s), entity, front_door_stream_.uniform_pair(entity, 1)});
}

}  // namespace caseflow::sim
