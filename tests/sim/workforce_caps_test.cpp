// The workforce's allocation rules, driven directly: caps hold, the queue takes the rest in
// priority order, and freed room goes to the waiting cases.
#include <gtest/gtest.h>

#include "sim/engine/calendar.h"
#include "sim/engine/event_queue.h"
#include "sim/workforce/workforce.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

constexpr Team kTeam = Team::kHelpProtection;

double worst_fill(const Workforce& w, double now) {
  double worst = 0;
  for (std::uint32_t id : w.members(kTeam)) {
    const Worker& worker = w.workers()[id];
    worst = std::max(worst, worker.load / w.cap_of(worker, now));
  }
  return worst;
}

// Twice as many cases as the team can hold (seed 77 keys only the staff's leaving times).
TEST(WorkforceCaps, NoCaseloadExceedsItsCapAndTheRestWait) {
  const Scenario s = testing::baseline_scenario(12);
  const WorkforceParams& params = s.epochs.front().parameters.workforce;
  engine::EventQueue queue;
  const engine::Calendar calendar(s.start_date, 1, 3);
  Workforce w(calendar, queue, engine::RandomStream({77, 0, 4}));
  w.set_parameters(params);
  w.staff_initial(0.0);
  const auto staff = w.members(kTeam).size();
  ASSERT_GT(staff, 40u);
  const double capacity = static_cast<double>(staff) * params.teams[index(kTeam)].cap_cases;
  const auto cases = static_cast<std::uint32_t>(2 * capacity);

  std::uint32_t allocated = 0;
  std::vector<std::uint32_t> worker_of(cases, kNoWorker);
  for (std::uint32_t id = 0; id < cases; ++id) {
    // Every fifth case is a CP case (weight 1.2, priority 0); the rest CIN (0.8, priority 2).
    const bool cp = id % 5 == 0;
    const Allocation a = w.request(kTeam, {id, 1, cp ? 1.2 : 0.8, std::uint8_t(cp ? 0 : 2)}, 1.0, 1.0);
    if (!a.queued) {
      ++allocated;
      worker_of[id] = a.worker;
    }
    ASSERT_LE(worst_fill(w, 1.0), 1.0 + 1e-9) << "after case " << id;
  }
  EXPECT_EQ(allocated + w.waiting(kTeam), cases);
  EXPECT_GT(w.waiting(kTeam), 0u);
  // Allocated weight can't exceed the team's capacity.
  EXPECT_LE(allocated * 0.8, capacity);

  // Closing allocated cases frees room; the waiting cases take it, CP first.
  std::size_t closed = 0;
  for (std::uint32_t id = 0; id < cases && closed < 100; ++id) {
    if (worker_of[id] == kNoWorker) continue;
    w.release(kTeam, worker_of[id], id, 2.0);
    ++closed;
    ASSERT_LE(worst_fill(w, 2.0), 1.0 + 1e-9);
  }
  const auto& handed = w.pending();
  ASSERT_FALSE(handed.empty());
  // In the order the waiting cases were allocated, every CP case comes before any CIN case
  // (with the queue this long the ceiling is the cap, so each freed worker takes several).
  std::uint8_t last = 0;
  for (const Allocation& a : handed) {
    EXPECT_GE(a.ref.priority, last) << "a CIN case jumped waiting CP cases";
    last = a.ref.priority;
  }
  EXPECT_EQ(handed.front().ref.priority, 0);
}

// The allocation ceiling (docs/model.md): while nobody waits, cases go only to workers with
// room under the pace caseload, so the first case waits when the team is at its planned
// caseload, not at the hard cap; a longer queue lets managers stretch above pace, never above
// the cap, and part of the queue remains. Deterministic: no draws decide an allocation.
TEST(WorkforceCaps, CasesWaitAtThePlannedCaseloadAndTheCeilingRisesWithTheQueue) {
  const Scenario s = testing::baseline_scenario(12);
  const WorkforceParams& params = s.epochs.front().parameters.workforce;
  const auto& team = params.teams[index(kTeam)];
  engine::EventQueue queue;
  const engine::Calendar calendar(s.start_date, 1, 3);
  Workforce w(calendar, queue, engine::RandomStream({77, 0, 4}));
  w.set_parameters(params);
  w.staff_initial(0.0);
  const double now = 400.0;  // past everyone's induction: caps are the team's
  const auto staff = w.members(kTeam).size();
  ASSERT_GT(team.cap_cases, team.pace_cases + 1.0);  // otherwise the test shows nothing

  auto max_load = [&] {
    double m = 0;
    for (std::uint32_t id : w.members(kTeam)) m = std::max(m, w.workers()[id].load);
    return m;
  };
  std::uint32_t id = 0;
  while (w.waiting(kTeam) == 0) {
    w.request(kTeam, {id, 1, 1.0, 2}, now, now);
    ++id;
  }
  // The first wait came with every caseload within one case of the pace caseload (the
  // ceiling with one case waiting is pace + (cap - pace) / (k x staff)).
  const double first_ceiling =
      Workforce::ceiling_of(team.cap_cases, team.pace_cases, w.stretch_of(kTeam, 1));
  EXPECT_LE(max_load(), first_ceiling + 1e-9);
  for (std::uint32_t m : w.members(kTeam)) EXPECT_GT(w.workers()[m].load + 1.0, first_ceiling);

  // Half a case per worker more waits; the whole team is matched against the queue.
  const auto extra = static_cast<std::uint32_t>(0.5 * params.allocation_stretch_queue_per_fte * static_cast<double>(staff));
  for (std::uint32_t k = 0; k < extra; ++k, ++id) w.request(kTeam, {id, 1, 1.0, 2}, now, now);
  const std::size_t queued = w.waiting(kTeam);
  w.weekly_review(now);
  const double stretched = Workforce::ceiling_of(team.cap_cases, team.pace_cases, w.stretch_of(kTeam, queued));
  EXPECT_GE(max_load(), team.pace_cases + 1.0 - 1e-9);  // managers stretched above pace...
  EXPECT_LE(max_load(), stretched + 1e-9);               // ...no further than the queue allowed
  EXPECT_LT(stretched, team.cap_cases);                  // and not to the hard cap
  EXPECT_GT(w.waiting(kTeam), 0u);                       // part of the queue still waits
  EXPECT_LT(w.waiting(kTeam), queued);
}

}  // namespace
}  // namespace caseflow::sim
