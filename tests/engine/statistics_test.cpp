#include "sim/engine/statistics.h"

#include <gtest/gtest.h>

#include <random>

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
