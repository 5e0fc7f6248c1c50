#pragma once
// The children's journey: the front door's contacts and decisions, referral, assessment and
// the s47 path, CIN and CP plans, PLO, proceedings, care with placements, care leavers,
// closures and returns. Owns the children's records, their routing and their random draws,
// and the journey's month-end figures (stocks, timeliness, statutory visits, placement
// costs). Asks the workforce for a worker whenever a child enters a stage.
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "sim/engine/calendar.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/fifo.h"
#include "sim/engine/random.h"
#include "sim/durations.h"
#include "sim/journey/child.h"
#include "sim/journey/due_returns.h"
#include "sim/journey_log.h"
#include "sim/keys.h"
#include "sim/recorder.h"
#include "sim/scenario.h"
#include "sim/stage_table.h"
#include "sim/workforce/workforce.h"

namespace caseflow::sim {

class Journey {
 public:
  Journey(const StageTable& stages, const engine::Calendar& calendar, engine::EventQueue& queue, Workforce& workforce,
          Recorder& recorder, std::uint64_t seed, std::uint32_t replication, double end_day);
  Journey(const Journey&) = delete;
  Journey& operator=(const Journey&) = delete;

  void set_parameters(const Parameters& params) { params_ = &params; }
  // The replication's journey log, if any (sim/journey_log.h): told each event the returns record.
  void set_log(JourneyLog* log) { log_ = log; }

  // The open caseload at the start date (initial_stock.cpp).
  void seed_initial_stock(const InitialStock& stock);

  // Demand: `n` first contacts from a source on a working day. `unshocked_intensity`, the
  // day's expected contacts from the source before any shock, makes the day's mix that
  // returning children take their source from (a shock then holds some back: on_return).
  void receive_contacts(int day, Source source, std::uint32_t n, double unshocked_intensity);
  // An unaccompanied asylum-seeking child arriving into care.
  void receive_uasc(double age_years, double now);
  // Returns due by the start of `day` join the front-door queue, in time order.
  void arrive_returns(int day);
  // The front-door team decides as many waiting contacts as its capacity allows.
  void front_door(int day);
  // A journey event (kinds below kFirstWorkforceEvent); stale events are ignored.
  void handle(const engine::Event& e, double now);
  // Allocations the workforce made off the journey's own requests (waiting cases that got a
  // worker, a leaver's cases handed over).
  void apply_pending_allocations(double now);

  // Placement costs accrue daily from the children in care.
  void accrue_daily_costs();
  // The month's journey figures into the recorder; adds the month's placement costs to
  // `total_cost` type by type, then starts a fresh month.
  void close_month(int month, double now, double& total_cost);
  std::size_t child_records() const { return children_.size(); }
  // Starts loading a child's record into the cache: the event loop calls it for the next
  // event's child while the current event runs, as the records are read in no pattern the
  // hardware could guess (a first read of one costs a cache miss in every event otherwise).
  void prefetch(std::uint32_t id) const {
    if (id < children_.size()) __builtin_prefetch(&children_[id]);
  }

 private:
  struct Contact {
    double day;
    std::uint32_t child;  // kNoChild for a first contact
    Source source;
    std::uint64_t entity;  // keys the decision draws
    // The decision's two draws, keyed by `entity`, taken when the contact arrives: the
    // day's contacts then compute theirs side by side instead of one decision at a time.
    std::array<double, 2> decision_draws;
  };
  static constexpr std::uint32_t kNoChild = 0xffffffffu;
  const Parameters& params() const { return *params_; }
  const StageRoute& stage_route(Stage s) const { return params_->routes[stage_index(s)]; }
  static constexpr std::size_t stage_group(Stage s) { return stage_index(s) - 1; }

  // front_door.cpp
  void decide_contact(const Contact& c, int day);

  // journey.cpp: records, stages, allocation, draws
  std::uint32_t new_child(double age_years, double now);
  // The warm start from a council's open children, one by one (sim/journey/initial_children.cpp),
  // and the children due back, which both warm starts seed from a count.
  void seed_initial_children(const std::vector<InitialChild>& children);
  double awaited_strategy(Child& c, const InitialChild& row, double u_awaits, double u_delay);
  void seed_returns_due(const InitialStock& stock, std::uint64_t& entity);
  void free_child(std::uint32_t id);
  void enter(std::uint32_t id, Stage stage, double now);
  void leave_stage(std::uint32_t id, double now);
  // Inline, as every change of stage asks and few change whether visits are due: the list
  // changes (move_statutory_visits) only then.
  void track_statutory_visits(std::uint32_t id, Stage from, Stage to) {
    if (stages_[from].statutory_visits != stages_[to].statutory_visits) move_statutory_visits(id, to);
  }
  void move_statutory_visits(std::uint32_t id, Stage to);
  // A CIN episode opens when the child enters an open-case stage from none and closes when
  // it leaves the open-case stages; it is counted by its start day (the referral's). Inline,
  // as every change of stage asks.
  void track_episode(const Child& c, Stage from, Stage to) {
    const bool was_open = open_case_[stage_index(from)];
    if (was_open == static_cast<bool>(open_case_[stage_index(to)])) return;
    std::uint32_t& n = episodes_by_start_day_[episode_bucket(c.referral_day)];
    n = was_open ? n - 1 : n + 1;
  }
  // Episodes start no later than the horizon's end, so only the oldest are clamped.
  std::size_t episode_bucket(double start_day) const {
    auto day = static_cast<std::int64_t>(start_day);  // the floor, without a library call
    if (static_cast<double>(day) > start_day) day -= 1;
    return static_cast<std::size_t>(std::max<std::int64_t>(day - kFirstEpisodeDay, 0));
  }
  // A placement begins: the year's count and the placement's start day.
  static void start_placement(Child& c, double now);
  // The year counts start afresh on 1 April (month_end.cpp).
  void start_financial_year();
  void on_allocated(const Allocation& a, double now);
  // These three are inline: the routing (routing.cpp, front_door.cpp) calls them for every
  // decision, and most draws are the second of a block already computed.
  void schedule_stage_end(std::uint32_t id, double at) {
    queue_.schedule(at, kStageClass, kStageEnd, id, children_[id].version);
  }
  double draw(std::uint32_t id, std::uint64_t slot) {
    const Child& c = children_[id];
    const std::uint64_t block = keys::child_block(c.episode, c.visit, slot);
    if (c.serial != last_block_serial_ || block != last_block_) {
      last_block_serial_ = c.serial;
      last_block_ = block;
      last_block_draws_ = child_stream_.uniform_pair(c.serial, block);
    }
    return last_block_draws_[slot & 1];
  }
  double duration_days(const Distribution& d, double u, double from_day) const {
    return draw_sim_days(d, u, calendar_, from_day);
  }
  double age_years(const Child& c, double now) const;
  Placement pick_placement(const PerPlacement& shares, double u) const;
  // The shares a child in care takes its placements from: UASC's, else its band's of age at entry.
  const PerPlacement& placement_shares_for(const Child& c) const;

  // routing.cpp: where each stage leads
  void start_referral(std::uint32_t id, Source source, double now);
  void schedule_assessment_work(std::uint32_t id, double now);
  void on_strategy(std::uint32_t id, double now);
  void on_icpc(std::uint32_t id, double now);
  void complete_assessment(std::uint32_t id, double now);
  void on_stage_end(std::uint32_t id, double now);
  // The child enters a stage from another (or from none): its own rule for care, otherwise
  // the stage's flow, its duration, and CP's reviews.
  void start_stage(std::uint32_t id, Stage stage, double now);
  // One draw picks the outcome of the stage the child is in, and the child follows it,
  // unless a shock holds back its entry into the next stage (entry_held).
  void route_onward(std::uint32_t id, const StageSpec& spec, double now);
  const std::vector<double>& shares_with_care_times(const StageSpec& spec, const std::vector<double>& shares, double multiplier,
                                                    std::vector<double>& out) const;
  // Whether the demand shocks covering `now` hold back the child's entry into `next`;
  // `within` is where the outcome draw fell inside the outcome's share (uniform on [0, 1)).
  // A held child stays where it is, and routes again when the hold ends (kHeldEntry).
  bool entry_held(std::uint32_t id, Stage next, double within, double now);
  void step_up(std::uint32_t id, double now);
  // The time-in-care distribution of the exit route that the draw `route` picks.
  static const Distribution& care_duration_for(const CareExits& exits, double exit_draw);
  // The exit route itself (home, SGO, adoption, other) that the draw picks.
  static CareExit care_exit_of(const CareExits& exits, double exit_draw);
  void start_care(std::uint32_t id, double now, bool uasc);
  void on_cp_review(std::uint32_t id, double now);
  void on_placement_move(std::uint32_t id, double now);
  void close_case(std::uint32_t id, double now, double return_prob);
  // A CIN episode (DfE): starts when the child is found in need, ends when the case closes.
  void start_in_need(Child& c, double now);
  void end_in_need(Child& c);
  void schedule_return(std::uint32_t id, double at);
  void on_return(std::uint32_t id, double now);

  const StageTable& stages_;
  const engine::Calendar& calendar_;
  engine::EventQueue& queue_;
  Workforce& workforce_;
  Recorder& recorder_;
  const Parameters* params_ = nullptr;
  JourneyLog* log_ = nullptr;  // null in every run but synth's
  engine::RandomStream front_door_stream_, child_stream_, initial_stream_;
  // The child's last Threefry block (two draw slots), reused when the next draw is its pair.
  std::uint64_t last_block_serial_ = 0, last_block_ = 0;
  std::array<double, 2> last_block_draws_{};

  std::vector<Child> children_;
  std::vector<std::uint32_t> free_children_;
  std::uint64_t next_child_serial_ = 1;
  engine::Fifo<Contact> front_door_queue_;
  // Children due back, by the first day whose front door can see them (the day after the
  // return's own). A return only joins the front-door queue, which acts at the start of a
  // working day, so returns wait here rather than in the event queue; arrive_returns runs
  // them at the start of that day in time order, exactly as events would have run.
  DueReturns returns_due_;
  std::vector<DueReturns::Due> returns_today_;  // the day's returns while they are run
  std::array<double, kSources> today_mix_{};  // expected contacts by source today, before shocks

  std::vector<std::size_t> open_;  // children in each stage, by stage id
  std::vector<std::uint8_t> open_case_;  // by stage id: 1 when the stage is an open case
  // Children on a CP plan or in care, whose statutory visits the month-end tally counts: a
  // few hundred, where the records number thousands.
  std::vector<std::uint32_t> statutory_visits_;
  std::array<std::size_t, kPlacements> cla_by_placement_{};
  // month-level tallies that are ratios or medians
  double decisions_ = 0, decisions_on_time_ = 0, assessments_done_ = 0, assessments_on_time_ = 0, icpcs_ = 0,
         icpcs_on_time_ = 0, reviews_ = 0, reviews_on_time_ = 0, referrals_ = 0, re_referrals_ = 0, cp_started_ = 0,
         repeat_cp_ = 0;
  std::vector<std::uint32_t> assessment_wd_histogram_;
  std::vector<Allocation> pending_batch_;  // apply_pending_allocations' buffer
  std::vector<double> aged_shares_;         // route_onward's shares under care.entry_by_age
  // The financial year to date's assessments, pooled for its quartiles.
  std::vector<std::uint32_t> assessment_wd_year_;
  double assessments_done_year_ = 0;
  // Open CIN episodes by the whole day they started, from kFirstEpisodeDay (earlier starts
  // share its bucket: they are over 2 years old at every month end).
  static constexpr int kFirstEpisodeDay = -732;
  std::vector<std::uint32_t> episodes_by_start_day_;
  std::array<double, kPlacements> placement_cost_{};
  std::vector<double> worker_pace_;  // close_month's buffer: each worker's pace at the month end
};

}  // namespace caseflow::sim
