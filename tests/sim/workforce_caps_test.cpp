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
  for (const Allocation& a : handed) EXPECT_EQ(a.ref.priority, 0) << "a CIN case jumped waiting CP cases";
}

}  // namespace
}  // namespace caseflow::sim
