#include "sim/engine/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
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

}  // namespace
}  // namespace caseflow::engine
