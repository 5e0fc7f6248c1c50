#include "sim/engine/statistics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "sim/engine/resource.h"

namespace caseflow::engine {
namespace {

TEST(RunningStats, MergeEqualsOnePass) {
  std::mt19937 gen(3);
  std::normal_distribution<double> normal(5.0, 2.0);
  RunningStats all, left, right;
  for (int i = 0; i < 1000; ++i) {
    const double x = normal(gen);
    all.add(x);
    (i < 370 ? left : right).add(x);
  }
  left.merge(right);
  EXPECT_EQ(left.count(), all.count());
  EXPECT_NEAR(left.mean(), all.mean(), 1e-12);
  EXPECT_NEAR(left.variance(), all.variance(), 1e-10);
}

TEST(Quantile, InterpolatesBetweenOrderStatistics) {
  EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4, 5}, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile({5, 1, 4, 2, 3}, 0.1), 1.4);
  EXPECT_DOUBLE_EQ(quantile({10}, 0.9), 10.0);
}

// The selection-based spread must give exactly what quantiles of the sorted values give,
// for sizes where the quantile positions coincide, fall between two values, or sit at the end,
// and with many ties.
TEST(Spread, SameAsQuantilesOfSortedValues) {
  std::mt19937_64 gen(5);
  std::uniform_int_distribution<int> few(0, 6);
  std::normal_distribution<double> normal(10.0, 3.0);
  for (const std::size_t n : {1u, 2u, 3u, 7u, 10u, 11u, 100u, 1001u}) {
    for (const bool ties : {false, true}) {
      std::vector<double> values(n);
      for (auto& v : values) v = ties ? few(gen) : normal(gen);
      std::vector<double> sorted = values;
      std::sort(sorted.begin(), sorted.end());
      double sum = 0;
      for (double v : values) sum += v;
      const Spread spread = spread_of(values);
      EXPECT_NEAR(spread.mean, sum / static_cast<double>(n), 1e-12) << n;
      EXPECT_EQ(spread.p10, quantile_of_sorted(sorted, 0.1)) << n;
      EXPECT_EQ(spread.p50, quantile_of_sorted(sorted, 0.5)) << n;
      EXPECT_EQ(spread.p90, quantile_of_sorted(sorted, 0.9)) << n;
    }
  }
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(spread_of(none).p50));
}

TEST(Resource, FifoAndPriorityQueues) {
  Resource fifo(1, QueueDiscipline::kFifo);
  EXPECT_TRUE(fifo.request(1));
  EXPECT_FALSE(fifo.request(2));
  EXPECT_FALSE(fifo.request(3));
  EXPECT_EQ(fifo.release(), 2u);
  EXPECT_EQ(fifo.release(), 3u);
  EXPECT_EQ(fifo.release(), std::nullopt);
  EXPECT_EQ(fifo.busy(), 0u);

  Resource ranked(1, QueueDiscipline::kPriority);
  EXPECT_TRUE(ranked.request(1, 5));
  EXPECT_FALSE(ranked.request(2, 5));
  EXPECT_FALSE(ranked.request(3, 1));
  EXPECT_FALSE(ranked.request(4, 1));
  EXPECT_EQ(ranked.release(), 3u);
  EXPECT_EQ(ranked.release(), 4u);
  EXPECT_EQ(ranked.release(), 2u);
}

}  // namespace
}  // namespace caseflow::engine
