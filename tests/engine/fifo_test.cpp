#include "sim/engine/fifo.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <random>

namespace caseflow::engine {
namespace {

// Random pushes and pops, with the queue's length wandering across several doublings of the
// ring and its head wrapping round many times, against std::deque (which it replaced).
TEST(Fifo, MatchesADequeThroughGrowthAndWrapAround) {
  std::mt19937_64 gen(11);
  std::uniform_int_distribution<int> action(0, 99);
  Fifo<std::uint64_t> fifo;
  std::deque<std::uint64_t> reference;
  std::uint64_t next = 0;
  std::size_t longest = 0;
  for (int step = 0; step < 200'000; ++step) {
    // Pushes win slightly more often in the first half, pops in the second.
    const int push_below = step < 100'000 ? 52 : 48;
    if (action(gen) < push_below || reference.empty()) {
      fifo.push_back(next);
      reference.push_back(next);
      ++next;
    } else {
      ASSERT_EQ(fifo.front(), reference.front()) << "step " << step;
      fifo.pop_front();
      reference.pop_front();
    }
    ASSERT_EQ(fifo.size(), reference.size());
    longest = std::max(longest, reference.size());
  }
  EXPECT_GT(longest, 64u);  // the ring grew past its first sizes while holding elements
  while (!reference.empty()) {
    ASSERT_EQ(fifo.front(), reference.front());
    fifo.pop_front();
    reference.pop_front();
  }
  EXPECT_TRUE(fifo.empty());
}

TEST(Fifo, GrowsWithTheHeadPartWayRoundKeepingOrder) {
  Fifo<int> fifo;
  for (int i = 0; i < 16; ++i) fifo.push_back(i);  // the first ring is full
  for (int i = 0; i < 10; ++i) fifo.pop_front();   // head at slot 10
  for (int i = 16; i < 40; ++i) fifo.push_back(i); // wraps, then grows twice
  for (int i = 10; i < 40; ++i) {
    ASSERT_EQ(fifo.front(), i);
    fifo.pop_front();
  }
  EXPECT_TRUE(fifo.empty());
  fifo.push_back(7);
  fifo.clear();
  EXPECT_EQ(fifo.size(), 0u);
}

}  // namespace
}  // namespace caseflow::engine
