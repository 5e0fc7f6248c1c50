// Paired differences: the mean and its Student t interval on a hand-worked case, pairs with a
// missing value left out, and no interval from a single pair.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/comparison.h"

namespace caseflow::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Differences 1..5: mean 3, sample sd sqrt(2.5), standard error sqrt(0.5); t(0.975, 4 df) =
// 2.7764451 (tables), so the interval is 3 -/+ 1.9632432. Quantiles (type 7) of 1..5: P10 1.4,
// P50 3, P90 4.6. The base is not constant, so the test also checks that it is the pairs'
// differences that are summarised, not the two means' spreads.
TEST(PairedDifference, HandWorkedCase) {
  const std::vector<double> base = {10, 20, 5, 7, 100}, alt = {11, 22, 8, 11, 105};
  std::vector<double> scratch;
  const Difference d = paired_difference(base, alt, scratch);
  EXPECT_EQ(d.pairs, 5u);
  EXPECT_DOUBLE_EQ(d.base_mean, 28.4);
  EXPECT_DOUBLE_EQ(d.alt_mean, 31.4);
  EXPECT_DOUBLE_EQ(d.mean, 3.0);
  EXPECT_NEAR(d.ci_low, 3.0 - 1.9632432, 1e-6);
  EXPECT_NEAR(d.ci_high, 3.0 + 1.9632432, 1e-6);
  EXPECT_DOUBLE_EQ(d.p10, 1.4);
  EXPECT_DOUBLE_EQ(d.p50, 3.0);
  EXPECT_DOUBLE_EQ(d.p90, 4.6);
  EXPECT_TRUE(excludes_zero(d));
}

TEST(PairedDifference, PairsWithAMissingValueAreLeftOut) {
  const std::vector<double> base = {1, kNaN, 3, 4}, alt = {2, 5, kNaN, 4};
  std::vector<double> scratch;
  const Difference d = paired_difference(base, alt, scratch);
  EXPECT_EQ(d.pairs, 2u);  // replications 0 and 3: differences 1 and 0
  EXPECT_DOUBLE_EQ(d.mean, 0.5);
  EXPECT_DOUBLE_EQ(d.base_mean, 2.5);
  EXPECT_FALSE(excludes_zero(d));  // t(0.975, 1 df) = 12.7: the interval is wide
}

TEST(PairedDifference, OnePairHasNoIntervalAndNoneHasNothing) {
  std::vector<double> scratch;
  const Difference one = paired_difference({1.0}, {3.0}, scratch);
  EXPECT_EQ(one.pairs, 1u);
  EXPECT_DOUBLE_EQ(one.mean, 2.0);
  EXPECT_TRUE(std::isnan(one.ci_low) && std::isnan(one.ci_high));
  const Difference none = paired_difference({kNaN}, {3.0}, scratch);
  EXPECT_EQ(none.pairs, 0u);
  EXPECT_TRUE(std::isnan(none.mean) && std::isnan(none.p50));
}

TEST(PairedDifference, IdenticalFiguresGiveAPositiveZero) {
  std::vector<double> scratch;
  const Difference d = paired_difference({-2.5, 0.0, 7.0}, {-2.5, 0.0, 7.0}, scratch);
  for (double v : {d.mean, d.ci_low, d.ci_high, d.p10, d.p50, d.p90}) {
    EXPECT_EQ(v, 0.0);
    EXPECT_FALSE(std::signbit(v));  // written "0", never "-0"
  }
}

}  // namespace
}  // namespace caseflow::sim
