// The allocation search's two structures against plain references: the room index must find
// exactly the member a scan would, in flat and tree form, as members join, leave and change
// keys; the waiting lines must pop in (priority, arrival) order as a heap would.
#include "sim/workforce/room_index.h"

#include <gtest/gtest.h>

#include <queue>
#include <random>
#include <tuple>
#include <vector>

#include "sim/workforce/wait_queue.h"

namespace caseflow::sim {
namespace {

std::size_t scan_first(const std::vector<double>& keys, std::size_t from, double threshold) {
  for (std::size_t i = from; i < keys.size(); ++i)
    if (keys[i] <= threshold) return i;
  return RoomIndex::kNone;
}

// Random pushes, erases and key changes (loads 0-30, with some keys at kAlways and kNever);
// after every change, first_at_most from random positions must equal the scan. Sizes cross
// the flat limit both ways, so both forms and the switch between them are exercised.
void check_against_scan(std::size_t grow_to, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> load(0.0, 30.0);
  RoomIndex index;
  std::vector<double> keys;
  auto random_key = [&] {
    const double u = load(rng);
    return u < 1.0 ? RoomIndex::kAlways : u > 29.0 ? RoomIndex::kNever : load(rng);
  };
  for (int step = 0; step < 6000; ++step) {
    const double action = load(rng) / 30.0;
    const bool growing = step < 3000;
    if (keys.empty() || (growing && keys.size() < grow_to && action < 0.5)) {
      index.push();
      keys.push_back(RoomIndex::kNever);
      const double k = random_key();
      index.set(keys.size() - 1, k);
      keys.back() = k;
    } else if (action < (growing ? 0.55 : 0.2)) {
      const std::size_t p = rng() % keys.size();
      index.erase(p);
      keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(p));
    } else {
      const std::size_t p = rng() % keys.size();
      const double k = random_key();
      index.set(p, k);
      keys[p] = k;
    }
    ASSERT_EQ(index.size(), keys.size());
    for (int q = 0; q < 4; ++q) {
      const std::size_t from = keys.empty() ? 0 : rng() % (keys.size() + 1);
      const double threshold = load(rng);
      ASSERT_EQ(index.first_at_most(from, threshold), scan_first(keys, from, threshold))
          << "step " << step << " size " << keys.size() << " from " << from << " threshold " << threshold;
    }
  }
}

TEST(RoomIndex, FlatFormFindsWhatAScanFinds) { check_against_scan(100, 1); }
TEST(RoomIndex, TreeFormFindsWhatAScanFinds) { check_against_scan(700, 2); }

TEST(RoomIndex, EmptyAndPastTheEnd) {
  RoomIndex index;
  EXPECT_EQ(index.first_at_most(0, 1e9), RoomIndex::kNone);
  index.push();
  index.set(0, 3.0);
  EXPECT_EQ(index.first_at_most(0, 3.0), 0u);
  EXPECT_EQ(index.first_at_most(0, 2.9), RoomIndex::kNone);
  EXPECT_EQ(index.first_at_most(1, 1e9), RoomIndex::kNone);
}

TEST(WaitQueue, PopsByPriorityThenArrivalAsAHeapWould) {
  std::mt19937_64 rng(3);
  WaitQueue<int> lines;
  using Key = std::tuple<int, int>;  // priority, arrival
  std::priority_queue<Key, std::vector<Key>, std::greater<>> heap;
  int arrival = 0;
  for (int step = 0; step < 20000; ++step) {
    if (heap.empty() || rng() % 3 != 0) {
      const int priority = static_cast<int>(rng() % 4);
      lines.push(static_cast<std::uint8_t>(priority), arrival);
      heap.emplace(priority, arrival);
      ++arrival;
    } else {
      ASSERT_EQ(lines.top(), std::get<1>(heap.top()));
      lines.pop();
      heap.pop();
    }
    ASSERT_EQ(lines.size(), heap.size());
    ASSERT_EQ(lines.empty(), heap.empty());
  }
}

}  // namespace
}  // namespace caseflow::sim
