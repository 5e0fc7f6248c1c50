// A replication is a pure function of (scenario, seed, replication id), and the runner's
// summary does not depend on the thread count.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/runner.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void expect_same_series(const std::vector<double>& a, const std::vector<double>& b, const char* what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i)
    ASSERT_TRUE(same(a[i], b[i])) << what << "[" << i << "]: " << a[i] << " vs " << b[i];
}

TEST(Determinism, SameSeedSameReplication) {
  const Scenario s = testing::baseline_scenario(12);
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult a = run_replication(s, cal, 777, 3);
  const ReplicationResult b = run_replication(s, cal, 777, 3);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.events, b.events);
  expect_same_series(a.monthly.values, b.monthly.values, "monthly");

  const ReplicationResult other_seed = run_replication(s, cal, 778, 3);
  EXPECT_NE(a.fingerprint, other_seed.fingerprint);
  const ReplicationResult other_rep = run_replication(s, cal, 777, 4);
  EXPECT_NE(a.fingerprint, other_rep.fingerprint);
}

TEST(Determinism, ThreadCountDoesNotChangeTheSummary) {
  const Scenario s = testing::baseline_scenario(12);
  const RunSummary one = run_scenario(s, {8, 99, 1});
  const RunSummary two = run_scenario(s, {8, 99, 2});
  ASSERT_EQ(one.series.size(), two.series.size());
  EXPECT_EQ(one.events, two.events);
  for (std::size_t i = 0; i < one.series.size(); ++i) {
    expect_same_series(one.series[i].mean, two.series[i].mean, "mean");
    expect_same_series(one.series[i].p10, two.series[i].p10, "p10");
    expect_same_series(one.series[i].p50, two.series[i].p50, "p50");
    expect_same_series(one.series[i].p90, two.series[i].p90, "p90");
  }
  ASSERT_EQ(one.annual.size(), two.annual.size());
  for (std::size_t i = 0; i < one.annual.size(); ++i) {
    ASSERT_EQ(one.annual[i].size(), two.annual[i].size());
    for (std::size_t y = 0; y < one.annual[i].size(); ++y) EXPECT_TRUE(same(one.annual[i][y].mean, two.annual[i][y].mean));
  }
}

}  // namespace
}  // namespace caseflow::sim
