#pragma once
// The social workers who carry the cases: individual staff in teams, caseloads under caps,
// the queue of cases waiting for a worker, and the staffing dynamics (turnover, permanent
// recruitment, agency cover under a target share, agency-to-permanent conversion, ASYE
// intakes, induction). Knows cases only as ids with a weight and a priority.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/engine/calendar.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/random.h"
#include "sim/recorder.h"
#include "sim/scenario.h"
#include "sim/workforce/room_index.h"
#include "sim/workforce/wait_queue.h"

namespace caseflow::sim {

constexpr std::uint32_t kNoWorker = 0xffffffffu;

struct CaseRef {
  std::uint32_t id = 0;
  std::uint32_t version = 0;  // the case's stage version; stale references are ignored
  double weight = 1.0;
  std::uint8_t priority = 1;  // lower is allocated first (s47 and CP before CIN)
};

struct Worker {
  StaffType type = StaffType::kPermanent;
  Team team = Team::kAssessment;
  double start_day = 0.0;
  double asye_until_day = -1.0;
  double settled_day = 0.0;  // end of induction: from then on the cap is the team's (ASYE aside)
  double load = 0.0;  // weighted caseload
  std::uint32_t version = 0;
  std::uint64_t serial = 0;  // keys this worker's random draws
  bool active = false;
  bool leaving = false;  // given notice: carries cases until it leaves, takes no new ones
  std::vector<CaseRef> cases;
};

// A case that got a worker away from the caller's own request: from the waiting queue or
// handed over from a leaver.
struct Allocation {
  CaseRef ref;
  std::uint32_t worker = kNoWorker;
  double pace = 1.0;
  double waited_days = 0.0;
  bool handover = false;  // the case had a worker before (a worker change)
  bool queued = false;    // no worker had room: the case now waits
};

struct TeamTally {
  double starters = 0, leavers = 0, wait_days = 0, allocated = 0, recruitment_gbp = 0, worker_changes = 0;
};

class Workforce {
 public:
  Workforce(const engine::Calendar& calendar, engine::EventQueue& queue, engine::RandomStream stream);
  Workforce(const Workforce&) = delete;
  Workforce& operator=(const Workforce&) = delete;

  void set_parameters(const WorkforceParams& params);
  // The day's share of staff off sick; work slows only for absence above the usual level.
  void set_sickness_share(double share);
  double sickness_share() const { return sickness_share_; }
  // Staff in post at the start: establishment less vacancies, agency at the initial share.
  void staff_initial(double now);

  // A worker for the case now (pace > 0), or the case waits (returns worker kNoWorker).
  Allocation request(Team team, const CaseRef& ref, double now, double waiting_since);
  // The case moves to a new stage in the same team: it keeps its worker if the new weight
  // fits, otherwise it is allocated afresh (a worker change) or waits.
  Allocation continue_case(Team team, std::uint32_t worker, const CaseRef& ref, double now);
  // The case leaves its worker (or the waiting queue when worker is kNoWorker).
  void release(Team team, std::uint32_t worker, std::uint32_t case_id, double now);

  void handle(const engine::Event& e, double now);  // workforce event kinds (sim/keys.h)
  void weekly_review(double now);
  void asye_intake(double now);

  // The start of a day (day_and_month.cpp): the day's sickness absence and extra work per case
  // from the dated shocks, the ASYE intake on its month's first day, the review on Mondays.
  void begin_day(const engine::CivilDate& date, bool monday, double now);
  // Staff and manager costs for one day, by team and staff type.
  void accrue_daily_costs();
  // The month's staffing, caseload, allocation and cost figures into the recorder (costs at
  // the scenario's base prices: the model applies the year's price index), then starts a
  // fresh month.
  void close_month(Recorder& recorder, double now);
  // A child's worker changed other than by a leaver's handover (counted by the team).
  void count_worker_change(Team t) { tally_[index(t)].worker_changes += 1; }

  // How many times longer work takes for this worker now (>= 1): caseload above the
  // pace caseload, and sickness absence, stretch it.
  double pace_of(std::uint32_t worker) const;
  double cap_of(const Worker& w, double now) const;
  double pace_cases_of(const Worker& w) const;
  // The caseload a manager allocates this worker up to when `waiting` cases (counting the
  // one being allocated) wait in the team: the pace caseload while nobody else waits, rising
  // in proportion to the queue per worker in post until it reaches the hard cap at
  // allocation_stretch_queue_per_fte (docs/model.md, "Allocation").
  double stretch_of(Team team, std::size_t waiting) const;
  static double ceiling_of(double cap, double pace_cases, double stretch) {
    return pace_cases >= cap ? cap : pace_cases + stretch * (cap - pace_cases);
  }

  // Allocations made off the caller's path since the last take.
  std::vector<Allocation>& pending() { return pending_; }

  const std::vector<Worker>& workers() const { return workers_; }
  const std::vector<std::uint32_t>& members(Team t) const { return members_[index(t)]; }
  std::size_t waiting(Team t) const { return waiting_count_[index(t)]; }
  int posts(Team t) const;

 private:
  struct Waiting {
    CaseRef ref;
    double since;
    bool handover;
  };

  std::uint32_t hire(Team team, StaffType type, double now, double tenure_days);
  void settle(Worker& w) const;  // settled_day from the start and the type's induction
  void remove(std::uint32_t worker, double now);
  // The next worker in turn whose caseload stays within the allocation ceiling with the case.
  // Most of a team is past induction and not in its ASYE year, so their shared ceiling is
  // worked out once per search (the search may pass many workers at their ceiling).
  std::uint32_t find_room(Team team, double weight, double now, std::size_t waiting) const;
  bool has_room(const Worker& w, double weight, double now, double stretch) const {
    if (w.leaving) return false;
    const auto& p = params_->teams[index(w.team)];
    // Past induction and the ASYE year the cap and pace caseload are the team's (exactly as
    // cap_of and pace_cases_of give them), without their look-ups.
    const double ceiling = w.type != StaffType::kAsye && now >= w.settled_day
                               ? ceiling_of(p.cap_cases, p.pace_cases, stretch)
                               : ceiling_of(cap_of(w, now), pace_cases_of(w), stretch);
    return w.load + weight <= ceiling + 1e-9;
  }
  // The worker's key in its team's room index: a lower bound of the caseload it must stay
  // under, relative to the team's settled ceiling (docs/performance.md, "Allocation search").
  double room_key(const Worker& w) const;
  void rekey(std::uint32_t worker) { rooms_[index(workers_[worker].team)].set(position_[worker], room_key(workers_[worker])); }
  void assign(std::uint32_t worker, const CaseRef& ref);
  void enqueue(Team team, const CaseRef& ref, double since, bool handover);
  void drain(Team team, double now, std::uint32_t freed_worker = kNoWorker);
  void review_team(Team team, double now);
  void schedule_departure(std::uint32_t worker, double now);
  // Days from `now` until the leaving hazard, at `rate_per_year` scaled by leaving_by_month,
  // adds up to `exponential` (an Exp(1) draw): the inverse of the cumulative hazard.
  double leave_delay(double exponential, double rate_per_year, double now) const;
  double draw_days(const Distribution& d, std::uint64_t entity, std::uint64_t draw, double now) const;

  const engine::Calendar& calendar_;
  engine::EventQueue& queue_;
  engine::RandomStream stream_;
  const WorkforceParams* params_ = nullptr;
  double sickness_share_ = 0.0;
  double sickness_pace_ = 1.0;  // how much the day's absence above the usual level slows work
  double workload_multiplier_ = 1.0;
  std::vector<Worker> workers_;
  std::vector<std::uint32_t> free_;
  std::array<std::vector<std::uint32_t>, kTeams> members_;
  std::array<RoomIndex, kTeams> rooms_;  // by position in members_
  std::vector<std::uint32_t> position_;   // by worker: its position in its team's members_
  // By team and staff type: whether a worker's ceiling can never exceed the team's settled
  // ceiling, so that its load alone can rule it out (room_key).
  std::array<std::array<bool, kStaffTypes>, kTeams> load_bounds_room_{};
  std::array<WaitQueue<Waiting>, kTeams> queues_;
  std::array<std::size_t, kTeams> waiting_count_{};
  std::vector<std::uint32_t> waiting_mark_;  // by case id: version + 1 while waiting, else 0
  std::array<int, kTeams> campaigns_{}, agency_pending_{};
  std::array<TeamTally, kTeams> tally_{};
  // Staff in post by type, kept as staff join, leave and change type (costs read it daily).
  std::array<std::array<int, kStaffTypes>, kTeams> headcount_{};
  std::array<double, kTeams> permanent_cost_{}, asye_cost_{}, agency_cost_{}, manager_cost_{};  // this month so far
  mutable std::array<std::size_t, kTeams> cursor_{};  // where the next allocation in turn starts
  std::vector<Allocation> pending_;
  std::vector<CaseRef> handover_buffer_;  // a leaver's cases while remove() hands them over
  std::uint64_t next_serial_ = 1, next_campaign_ = 1;
};

}  // namespace caseflow::sim
