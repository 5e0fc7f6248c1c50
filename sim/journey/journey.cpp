// The journey's records: children, their stages and workers, and their random draws.
#include "sim/journey/journey.h"

#include <algorithm>
#include <cmath>

#include "sim/durations.h"
#include "sim/keys.h"

namespace caseflow::sim {

using namespace keys;

Journey::Journey(const StageTable& stages, const engine::Calendar& calendar, engine::EventQueue& queue,
                 Workforce& workforce, Recorder& recorder, std::uint64_t seed, std::uint32_t replication, double end_day)
    : stages_(stages),
      calendar_(calendar),
      queue_(queue),
      workforce_(workforce),
      recorder_(recorder),
      front_door_stream_({seed, replication, kFrontDoorPurpose}),
      child_stream_({seed, replication, kChildPurpose}),
      initial_stream_({seed, replication, kInitialPurpose}) {
  open_.assign(stages.size(), 0);
  for (const StageSpec& spec : stages.specs()) open_case_.push_back(spec.open_case ? 1 : 0);
  assessment_wd_histogram_.assign(512, 0);
  assessment_wd_year_.assign(assessment_wd_histogram_.size(), 0);
  episodes_by_start_day_.assign(static_cast<std::size_t>(end_day - kFirstEpisodeDay) + 2, 0);
  returns_due_.reset(static_cast<std::size_t>(end_day) + 1);
  children_.reserve(8192);
}

void Journey::handle(const engine::Event& e, double now) {
  if (e.entity >= children_.size()) return;
  const Child& c = children_[e.entity];
  if (!c.in_use || c.version != e.tag) return;  // the child has moved on
  switch (e.kind) {
    case kStageEnd: on_stage_end(e.entity, now); break;
    case kStrategy: on_strategy(e.entity, now); break;
    case kIcpc: on_icpc(e.entity, now); break;
    case kCpReview: on_cp_review(e.entity, now); break;
    case kPlacementMove: on_placement_move(e.entity, now); break;
    case kAgeOut: on_stage_end(e.entity, now); break;
    case kHeldEntry: route_onward(e.entity, stages_[c.stage], now); break;
    default: break;
  }
}

double Journey::age_years(const Child& c, double now) const { return (now - c.birth_day) / kDaysPerYear; }

Placement Journey::pick_placement(const PerPlacement& shares, double u) const {
  double cumulative = 0;
  for (std::size_t p = 0; p < kPlacements; ++p) {
    cumulative += shares[p];
    if (u <= cumulative) return static_cast<Placement>(p);
  }
  return Placement::kInHouseFoster;
}

std::uint32_t Journey::new_child(double age_years, double now) {
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
  // The record starts when the child first reaches the model, but some children had a CP
  // plan before it: earlier years, or another council. Without this a five-year run only
  // remembers plans made inside it, and repeat plans are a fraction of the DfE's share.
  const double prior = params().referral.prior_cp_plan_prob;
  if (prior > 0 && draw(id, kPriorCpPlan) < prior) c.cp_plans = 1;
  return id;
}

void Journey::free_child(std::uint32_t id) {
  children_[id].in_use = false;
  children_[id].version += 1;
  free_children_.push_back(id);
}

void Journey::enter(std::uint32_t id, Stage stage, double now) {
  Child& c = children_[id];
  const Stage previous = c.stage;
  const Team previous_team = c.team;
  const std::uint32_t previous_worker = c.worker;
  if (previous != Stage::kNone) {
    open_[stage_index(previous)] -= 1;
    recorder_.add(Metric::kStageExits, stage_group(previous));
    if (previous == Stage::kCla) cla_by_placement_[index(c.placement)] -= 1;
  }
  c.version += 1;
  c.visit += 1;
  track_statutory_visits(id, previous, stage);
  track_episode(c, previous, stage);
  c.stage = stage;
  if (log_) log_->stage_changed(c, previous, stage, now);
  open_[stage_index(stage)] += 1;
  recorder_.add(Metric::kStageEntries, stage_group(stage));
  if (stage == Stage::kCla) cla_by_placement_[index(c.placement)] += 1;

  const auto& w = params().workforce;
  const StageSpec& spec = stages_[stage];
  const Team team = spec.team;
  CaseRef ref{id, c.version, w.*spec.case_weight, spec.priority};
  if (stage == Stage::kAssessment && c.harm_suspected) {  // an s47 enquiry: weightier, and first
    ref.weight = w.weight_s47;
    ref.priority = 0;
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

void Journey::on_allocated(const Allocation& a, double now) {
  Child& c = children_[a.ref.id];
  if (!c.in_use || c.version != a.ref.version) return;
  if (a.queued) {
    c.worker = kNoWorker;
    c.waiting = true;
    return;
  }
  if (c.had_worker && !a.handover && a.worker != c.worker) workforce_.count_worker_change(c.team);
  // Social workers in the year: a different worker from the last one counted, or a new
  // person taking a leaver's case (whose place in the workforce may be the same).
  if (a.handover || a.worker != c.last_worker) {
    if (c.workers_in_year < 255) c.workers_in_year += 1;
    c.last_worker = a.worker;
  }
  c.worker = a.worker;
  c.waiting = false;
  c.had_worker = true;
  c.pace = a.pace;
  if (c.stage == Stage::kAssessment) {
    // The assessment's work begins with its worker: from the referral when one was there at
    // once (or, at the warm start, already), from now when the case waited for one.
    if (!c.work_scheduled) c.work_from_day = a.waited_days > 0 ? now : c.referral_day;
    schedule_assessment_work(a.ref.id, now);
  }
}

void Journey::apply_pending_allocations(double now) {
  // The batch and the workforce's list swap buffers, so neither allocates once both have
  // grown: allocations off the queue come with most releases while cases wait.
  while (!workforce_.pending().empty()) {
    pending_batch_.clear();
    pending_batch_.swap(workforce_.pending());
    for (const Allocation& a : pending_batch_) {
      Child& c = children_[a.ref.id];
      if (a.handover && c.in_use && c.version == a.ref.version) c.worker = kNoWorker;
      on_allocated(a, now);
    }
  }
}

void Journey::leave_stage(std::uint32_t id, double now) {
  Child& c = children_[id];
  if (c.stage == Stage::kNone) return;
  open_[static_cast<std::size_t>(c.stage)] -= 1;
  recorder_.add(Metric::kStageExits, stage_group(c.stage));
  if (c.stage == Stage::kCla) cla_by_placement_[index(c.placement)] -= 1;
  workforce_.release(c.team, c.waiting ? kNoWorker : c.worker, id, now);
  track_statutory_visits(id, c.stage, Stage::kNone);
  track_episode(c, c.stage, Stage::kNone);
  if (log_) log_->stage_changed(c, c.stage, Stage::kNone, now);
  c.stage = Stage::kNone;
  c.worker = kNoWorker;
  c.waiting = false;
  c.had_worker = false;
  c.version += 1;
}

void Journey::move_statutory_visits(std::uint32_t id, Stage to) {
  Child& c = children_[id];
  if (stages_[to].statutory_visits) {
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

void Journey::start_placement(Child& c, double now) {
  if (c.placements_in_year < 255) c.placements_in_year += 1;
  // 16 bits: the horizon is at most 50 years; a warm-start placement older than 89 years
  // (a long tail's draw) is as good as any over 2 years.
  c.placement_start_day = static_cast<std::int16_t>(std::clamp(std::floor(now), -32768.0, 32767.0));
}

}  // namespace caseflow::sim
