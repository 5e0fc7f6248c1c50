#include "sim/engine/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

namespace caseflow::engine {
namespace {

TEST(EventQueue, PopsByTimeThenClassThenSchedulingOrder) {
  EventQueue q;
  q.schedule(2.0, 1, 10, 0);
  q.schedule(1.0, 3, 11, 0);
  q.schedule(1.0, 0, 12, 0);
  q.schedule(1.0, 3, 13, 0);
  q.schedule(0.5, 9, 14, 0);
  std::vector<std::uint32_t> kinds;
  while (!q.empty()) kinds.push_back(q.pop().kind);
  EXPECT_EQ(kinds, (std::vector<std::uint32_t>{14, 12, 11, 13, 10}));
}

TEST(EventQueue, MatchesASortOfRandomEvents) {
  std::mt19937_64 gen(7);
  std::uniform_int_distribution<int> time(0, 50), cls(0, 3);  // many ties on purpose
  EventQueue q;
  std::vector<std::tuple<double, int, std::uint32_t>> expected;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    const double t = time(gen);
    const int c = cls(gen);
    q.schedule(t, static_cast<std::uint8_t>(c), i, i);
    expected.emplace_back(t, c, i);
  }
  std::sort(expected.begin(), expected.end());
  for (const auto& [t, c, i] : expected) {
    const Event e = q.pop();
    ASSERT_EQ(e.time_days, t);
    ASSERT_EQ(e.priority_class(), c);
    ASSERT_EQ(e.kind, i);
  }
  EXPECT_TRUE(q.empty());
}

// An EventQueue beside a plain list sorted by the same (time, class, sequence) rule: every
// pop is checked against the list's earliest entry.
class CheckedQueue {
 public:
  explicit CheckedQueue(double width = 1.0) : q_(width) {}
  void add(double t, int c) {
    q_.schedule(t, static_cast<std::uint8_t>(c), static_cast<std::uint32_t>(seq_), 7, static_cast<std::uint32_t>(seq_ * 3));
    pending_.emplace_back(t, c, seq_++);
  }
  bool empty() const { return pending_.empty(); }
  // Pops from both, asserts they agree, and returns the time popped.
  double pop_and_check() {
    EXPECT_EQ(q_.size(), pending_.size());
    const auto it = std::min_element(pending_.begin(), pending_.end());
    const auto [t, c, s] = *it;
    pending_.erase(it);
    EXPECT_EQ(q_.top().kind, static_cast<std::uint32_t>(s));
    const Event e = q_.pop();
    EXPECT_EQ(e.time_days, t);
    EXPECT_EQ(e.priority_class(), c);
    EXPECT_EQ(e.kind, static_cast<std::uint32_t>(s));
    EXPECT_EQ(e.entity, 7u);
    EXPECT_EQ(e.tag, static_cast<std::uint32_t>(s * 3));
    return e.time_days;
  }
  const EventQueue& queue() const { return q_; }

 private:
  EventQueue q_;
  std::vector<std::tuple<double, int, std::uint64_t>> pending_;  // (time, class, sequence)
  std::uint64_t seq_ = 0;
};

// A hold-style run (pops interleaved with schedules, many exact ties, growth from empty)
// against the sorted reference.
TEST(EventQueue, InterleavedPopsAndSchedulesMatchAReference) {
  std::mt19937_64 gen(11);
  std::uniform_int_distribution<int> step(0, 3), cls(0, 5), burst(0, 4);
  std::uniform_real_distribution<double> frac(0.0, 2.0);
  CheckedQueue q;
  for (int i = 0; i < 200; ++i) q.add(static_cast<double>(step(gen)), cls(gen));
  for (int round = 0; round < 40'000 && !::testing::Test::HasFailure(); ++round) {
    const double now = q.pop_and_check();
    // Sometimes none, sometimes several: the queue first shrinks, then grows (mean 0.8, then 1.2
    // per pop). Half the new events land on whole days after now, so ties are common.
    const int n = round < 20'000 ? burst(gen) % 3 : (burst(gen) + 1) / 2;
    for (int k = 0; k < n || q.empty(); ++k)
      q.add(step(gen) % 2 == 0 ? now + static_cast<double>(step(gen)) : now + frac(gen), cls(gen));
  }
}

// Events from the same window to thousands of windows ahead (beyond the ring of buckets,
// into the overflow), gaps with no events at all, and window widths other than a day: the
// order must still be exactly (time, class, sequence).
TEST(EventQueue, FarEventsAndGapsKeepOrderForAnyWindowWidth) {
  for (const double width : {1.0, 0.25, 7.0}) {
    SCOPED_TRACE(width);
    std::mt19937_64 gen(23);
    std::uniform_int_distribution<int> cls(0, 3), kind_of_delay(0, 4);
    std::uniform_real_distribution<double> near(0.0, 3.0), far(0.0, 5000.0);
    CheckedQueue q(width);
    for (int i = 0; i < 300; ++i) q.add(far(gen), cls(gen));
    for (int round = 0; round < 20'000 && !::testing::Test::HasFailure(); ++round) {
      const double now = q.pop_and_check();
      // Same time, whole windows ahead, within a few days, far beyond the ring, or (the
      // queue allows it) before the last event popped.
      switch (kind_of_delay(gen)) {
        case 0: q.add(now, cls(gen)); break;
        case 1: q.add(std::floor(now) + 1.0 + std::floor(near(gen)), cls(gen)); break;
        case 2: q.add(now + near(gen), cls(gen)); break;
        case 3: q.add(now + far(gen), cls(gen)); break;
        default: q.add(std::max(0.0, now - near(gen)), cls(gen)); break;
      }
    }
    // Drain: the ring empties and the queue jumps over gaps.
    while (!q.empty() && !::testing::Test::HasFailure()) q.pop_and_check();
    EXPECT_TRUE(q.queue().empty());
  }
}

// A copy taken mid-run (with a sorted run, a heap, ring buckets and an overflow all in use)
// pops exactly what the original pops; clear() then empties everything.
TEST(EventQueue, CopiesAndClearMidRun) {
  std::mt19937_64 gen(29);
  std::uniform_real_distribution<double> delay(0.0, 2000.0);
  EventQueue q;
  for (std::uint32_t i = 0; i < 3000; ++i) q.schedule(delay(gen), static_cast<std::uint8_t>(i % 4), i, 0);
  for (int i = 0; i < 500; ++i) {
    const Event e = q.pop();
    q.schedule(e.time_days, 5, e.kind + 10'000, 0);  // same time: into the heap
    q.schedule(e.time_days + delay(gen), 1, e.kind + 20'000, 0);
  }
  EventQueue copy = q;
  ASSERT_EQ(copy.size(), q.size());
  while (!q.empty()) {
    const Event a = q.pop(), b = copy.pop();
    ASSERT_EQ(a.kind, b.kind);
    ASSERT_EQ(a.time_days, b.time_days);
  }
  EXPECT_TRUE(copy.empty());
  for (std::uint32_t i = 0; i < 100; ++i) copy.schedule(3000.0 * i, 0, i, 0);
  copy.pop();
  copy.clear();
  EXPECT_TRUE(copy.empty());
  EXPECT_EQ(copy.size(), 0u);
  copy.schedule(1.0, 0, 7, 0);
  EXPECT_EQ(copy.pop().kind, 7u);
}

// peek_current shows the event pop() returns next while it is in the current window (from
// the sorted run or the same-window heap), and null once the window is used up, without
// moving on: the order of pops is unchanged by peeking.
TEST(EventQueue, PeekCurrentShowsTheNextPopWithinTheWindow) {
  EventQueue q;
  q.schedule(0.0, 0, 1, 0);
  q.schedule(0.5, 3, 2, 0);
  q.schedule(1.25, 3, 3, 0);
  ASSERT_NE(q.peek_current(), nullptr);  // window 0 is current from the start
  EXPECT_EQ(q.peek_current()->kind, 1u);
  EXPECT_EQ(q.pop().kind, 1u);
  ASSERT_NE(q.peek_current(), nullptr);
  EXPECT_EQ(q.peek_current()->kind, 2u);
  q.schedule(0.25, 3, 4, 0);  // a same-window follow-up, earlier than the run's next
  EXPECT_EQ(q.peek_current()->kind, 4u);
  EXPECT_EQ(q.pop().kind, 4u);
  EXPECT_EQ(q.pop().kind, 2u);
  EXPECT_EQ(q.peek_current(), nullptr);  // the day-1 event waits in its bucket
  EXPECT_EQ(q.pop().kind, 3u);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, NegativeZeroTimeOrdersAsZero) {
  EventQueue q;
  q.schedule(1.0, 0, 1, 0);
  q.schedule(-0.0, 2, 2, 0);
  q.schedule(0.0, 1, 3, 0);
  q.schedule(0x1p-1074, 0, 4, 0);  // the smallest positive double
  EXPECT_EQ(q.pop().kind, 3u);
  EXPECT_EQ(q.pop().kind, 2u);
  EXPECT_EQ(q.pop().kind, 4u);
  EXPECT_EQ(q.pop().kind, 1u);
}

TEST(EventQueue, ClearRestartsSequenceAndCopiesAreIndependent) {
  EventQueue q;
  q.reserve(3);
  for (std::uint32_t i = 0; i < 100; ++i) q.schedule(5.0, 1, i, 0);
  EventQueue copy = q;
  q.clear();
  EXPECT_TRUE(q.empty());
  q.schedule(5.0, 1, 1000, 0);
  q.schedule(5.0, 1, 1001, 0);
  EXPECT_EQ(q.pop().kind, 1000u);
  EXPECT_EQ(q.pop().kind, 1001u);
  ASSERT_EQ(copy.size(), 100u);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(copy.pop().kind, i);
}

#ifndef NDEBUG
TEST(EventQueueDeathTest, NegativeTimeAsserts) {
  EventQueue q;
  EXPECT_DEATH(q.schedule(-1.0, 0, 1, 0), "non-negative");
}
#endif

}  // namespace
}  // namespace caseflow::engine
