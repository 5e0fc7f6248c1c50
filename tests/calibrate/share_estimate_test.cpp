#include "calibrate/share_estimate.h"

#include <gtest/gtest.h>

namespace caseflow::calibrate {
namespace {

TEST(ShareEstimate, WilsonIntervalMatchesAHandComputedCase) {
  // 12 of 40: p = 0.3; Wilson 95% by hand (z = 1.96): centre 0.31752, half 0.13678.
  const auto e = estimate_share(12, 40);
  EXPECT_DOUBLE_EQ(e.share, 0.3);
  EXPECT_NEAR(e.low, 0.1807, 5e-4);
  EXPECT_NEAR(e.high, 0.4543, 5e-4);
  EXPECT_EQ(e.k, 12);
  EXPECT_EQ(e.n, 40);
}

TEST(ShareEstimate, StaysInsideZeroOneAtTheEdges) {
  const auto none = estimate_share(0, 25);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_GT(none.high, 0.0);
  EXPECT_LT(none.high, 0.2);
  const auto all = estimate_share(25, 25);
  EXPECT_EQ(all.high, 1.0);
  EXPECT_LT(all.low, 1.0);
  const auto empty = estimate_share(0, 0);
  EXPECT_EQ(empty.low, 0.0);
  EXPECT_EQ(empty.high, 1.0);
}

TEST(ShareEstimate, RejectsImpossibleCounts) {
  EXPECT_THROW(estimate_share(5, 4), std::invalid_argument);
  EXPECT_THROW(estimate_share(-1, 4), std::invalid_argument);
}

}  // namespace
}  // namespace caseflow::calibrate
