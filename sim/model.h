#pragma once
// One replication: the child's journey on the engine, coupled to the workforce, driven by
// demand, tallied monthly. A pure function of (scenario, seed, replication id).
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "sim/demand/demand.h"
#include "sim/engine/calendar.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/random.h"
#include "sim/journey/child.h"
#include "sim/recorder.h"
#include "sim/scenario.h"
#include "sim/workforce/workforce.h"

namespace caseflow::sim {

struct ReplicationResult {
  MonthlyResult monthly;
  std::uint64_t events = 0;
  std::uint64_t fingerprint = 0;
  std::size_t peak_child_records = 0;
};

// A demand model prepared for every period of the scenario, to share between replications.
DemandModel prepared_demand(const Scenario& scenario, const engine::Calendar& calendar);

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication);
// The same, preparing its own demand model (for a single replication).
ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar, std::uint64_t seed,
                                  std::uint32_t replication);

class Model {
 public:
  // `demand` must be prepared for every period's demand (prepared_demand).
  Model(const Scenario& scenario, const engine::Calendar& calendar, const DemandModel& demand, std::uint64_t seed,
        std::uint32_t replication);
  ReplicationResult run();

 private:
  enum Kind : std::uint32_t {
    kDay = 1, kStageEnd, kStrategy, kIcpc, kCpReview, kPlacementMove, kAgeOut
  };
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

  // demand and front door (model.cpp)
  void on_day(int day);
  void close_month(int month, double now);
  void front_door(int day);
  void decide_contact(const Contact& c, int day);
  const Parameters& params() const { return *current_; }

  // journey (journey/*.cpp)
  void seed_initial_stock();
  std::uint32_t new_child(double age_years, double now);
  void free_child(std::uint32_t id);
  void start_referral(std::uint32_t id, Source source, double now);
  void enter(std::uint32_t id, Stage stage, double now);
  void leave_stage(std::uint32_t id, double now);
  void track_statutory_visits(std::uint32_t id, Stage from, Stage to);
  void schedule_assessment_work(std::uint32_t id, double now);
  void on_strategy(std::uint32_t id, double now);
  void on_icpc(std::uint32_t id, double now);
  void complete_assessment(std::uint32_t id, double now);
  void assessment_outcome(std::uint32_t id, double now);
  void on_stage_end(std::uint32_t id, double now);
  void start_cin(std::uint32_t id, double now);
  void start_cp(std::uint32_t id, double now);
  // The time-in-care distribution of the exit route that the draw `route` picks.
  static const Distribution& care_duration_for(const Care& care, double route);
  void start_care(std::uint32_t id, double now, bool uasc);
  void on_cp_review(std::uint32_t id, double now);
  void on_placement_move(std::uint32_t id, double now);
  void close_case(std::uint32_t id, double now, double return_prob);
  void schedule_return(std::uint32_t id, double at);
  void arrive_returns(int day);
  void on_return(std::uint32_t id, double now);
  void allocate(std::uint32_t id, Team team, double weight, std::uint8_t priority, double now);
  void on_allocated(const Allocation& a, double now);
  void apply_pending_allocations(double now);
  void schedule_stage_end(std::uint32_t id, double at);
  double draw(std::uint32_t id, std::uint64_t slot);
  double duration_days(const Distribution& d, double u, double from_day) const;
  double age_years(const Child& c, double now) const { return (now - c.birth_day) / 365.25; }
  Placement pick_placement(const PerPlacement& shares, double u) const;

  const Scenario& scenario_;
  const engine::Calendar& calendar_;
  const Parameters* current_;
  std::size_t next_epoch_ = 1;
  engine::EventQueue queue_;
  engine::RandomStream demand_stream_, front_door_stream_, child_stream_, initial_stream_;
  // The child's last Threefry block (two draw slots), reused when the next draw is its pair.
  std::uint64_t last_block_serial_ = 0, last_block_ = 0;
  std::array<double, 2> last_block_draws_{};
  const DemandModel& demand_;
  Workforce workforce_;
  Recorder recorder_;
  std::vector<Child> children_;
  std::vector<std::uint32_t> free_children_;
  std::uint64_t next_child_serial_ = 1;
  std::deque<Contact> front_door_queue_;
  // Children due back, by the first day whose front door can see them (the day after the
  // return's own). A return only joins the front-door queue, which acts at the start of a
  // working day, so returns wait here rather than in the event queue; arrive_returns runs
  // them at the start of that day in time order, exactly as events would have run.
  struct DueReturn {
    double time;
    std::uint32_t child;
  };
  std::vector<std::vector<DueReturn>> returns_due_;
  std::array<double, kSources> today_intensity_{};  // expected contacts by source today
  int months_;
  int current_month_ = 0;
  double end_day_;
  std::array<std::size_t, kStages> open_{};
  // Children on a CP plan or in care, whose statutory visits the month-end tally counts: a
  // few hundred, where the records number thousands.
  std::vector<std::uint32_t> statutory_visits_;
  std::array<std::size_t, kPlacements> cla_by_placement_{};
  // month-level tallies that are ratios or medians
  double decisions_ = 0, decisions_on_time_ = 0, assessments_done_ = 0, assessments_on_time_ = 0, icpcs_ = 0,
         icpcs_on_time_ = 0, reviews_ = 0, reviews_on_time_ = 0,
         referrals_ = 0, re_referrals_ = 0, cp_started_ = 0, repeat_cp_ = 0;
  std::vector<std::uint32_t> assessment_wd_histogram_;
  std::array<double, kTeams> staff_cost_{}, agency_cost_{}, manager_cost_{};
  std::array<double, kPlacements> placement_cost_{};
  ReplicationResult result_;
};

}  // namespace caseflow::sim
