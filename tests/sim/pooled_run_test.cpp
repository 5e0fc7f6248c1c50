// A run pooled from versions of a scenario (sim/pooled_run.h): each version's block of
// replication ids is exactly that version's own replications with those ids, and one version
// is a plain run.
#include "sim/pooled_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "test_scenario.h"

namespace caseflow::sim {
namespace {

bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

TEST(PooledRun, EachBlockIsItsVersionsOwnReplications) {
  Scenario low = testing::baseline_scenario(6), high = low;
  for (auto& epoch : high.epochs)
    for (double& per_month : epoch.parameters.demand.contacts_per_month) per_month *= 1.5;
  const RunOptions options{7, 42, 2};
  const Replications pooled = simulate_pooled({low, high, low}, options);
  ASSERT_EQ(pooled.count(), 7u);
  EXPECT_EQ(pooled.first_id, 0u);
  // Blocks of 7 over 3 versions: ids 0-1, 2-3 and 4-6.
  EXPECT_EQ(pooled_block_start(7, 3, 1), 2u);
  EXPECT_EQ(pooled_block_start(7, 3, 2), 4u);
  EXPECT_EQ(pooled_block_start(7, 3, 3), 7u);
  const Replications own_low = simulate_replications(low, options), own_high = simulate_replications(high, options);
  for (std::size_t rep = 0; rep < 7; ++rep) {
    const Replications& own = rep == 2 || rep == 3 ? own_high : own_low;
    EXPECT_TRUE(same(pooled.monthly[rep].values(), own.monthly[rep].values())) << "replication " << rep;
  }
  // The versions differ where they should: the busier version's replication is not the other's.
  EXPECT_FALSE(same(own_low.monthly[2].values(), own_high.monthly[2].values()));
}

TEST(PooledRun, OneVersionIsAPlainRun) {
  const Scenario s = testing::baseline_scenario(6);
  const RunOptions options{5, 9, 0, 3};
  const Replications pooled = simulate_pooled({s}, options), plain = simulate_replications(s, options);
  ASSERT_EQ(pooled.count(), plain.count());
  EXPECT_EQ(pooled.first_id, 3u);
  EXPECT_EQ(pooled.events, plain.events);
  for (std::size_t rep = 0; rep < plain.count(); ++rep) EXPECT_TRUE(same(pooled.monthly[rep].values(), plain.monthly[rep].values()));
}

TEST(PooledRun, ShardsOfAPooledRunAreItsSlices) {
  // A shard runs its slice of the whole run's ids, each with the version whose block holds it:
  // three slices of 10 replications over 3 versions (blocks 0-2, 3-5, 6-9) that cut across
  // the blocks are the whole run's replications, in order.
  Scenario low = testing::baseline_scenario(6), high = low;
  for (auto& epoch : high.epochs)
    for (double& per_month : epoch.parameters.demand.contacts_per_month) per_month *= 1.5;
  const std::vector<Scenario> versions{low, high, low};
  const Replications whole = simulate_pooled(versions, {10, 9, 0});
  std::size_t rep = 0;
  for (const auto& [first, count] : {std::pair<std::uint32_t, std::uint32_t>{0, 4}, {4, 3}, {7, 3}}) {
    const Replications slice = simulate_pooled(versions, {count, 9, 0, first}, 10);
    ASSERT_EQ(slice.count(), count);
    for (std::size_t i = 0; i < slice.count(); ++i, ++rep)
      EXPECT_TRUE(same(slice.monthly[i].values(), whole.monthly[rep].values())) << "replication " << rep;
  }
  EXPECT_THROW(simulate_pooled(versions, {3, 9, 0, 8}, 10), std::invalid_argument) << "a slice past the whole run";
}

TEST(PooledRun, VersionsThatCannotBePooledAreRefused) {
  const Scenario s = testing::baseline_scenario(6);
  Scenario longer = s;
  longer.horizon_months = 7;
  EXPECT_THROW(simulate_pooled({}, {4, 1, 1}), std::invalid_argument);
  EXPECT_THROW(simulate_pooled({s, s, s}, {2, 1, 1}), std::invalid_argument);
  EXPECT_THROW(simulate_pooled({s, longer}, {4, 1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace caseflow::sim
