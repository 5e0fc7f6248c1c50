#include "sim/distribution.h"

#include <gtest/gtest.h>

#include <cmath>

namespace caseflow::sim {
namespace {

Distribution lognormal(double median, double p90) {
  Distribution d;
  d.kind = Distribution::Kind::kLognormal;
  d.value = median;
  d.p90 = p90;
  return d;
}

// The inverse normal is an approximation (relative error below 1.2e-9): the quantiles a
// scenario names must come back to that precision.
TEST(Distribution, LognormalQuantilesHitTheNamedMedianAndP90) {
  const Distribution d = lognormal(25.0, 55.0);
  EXPECT_NEAR(d.quantile(0.5), 25.0, 25.0 * 1e-8);
  EXPECT_NEAR(d.quantile(0.9), 55.0, 55.0 * 1e-8);
  // Symmetry in log space: P10 x P90 = median^2.
  EXPECT_NEAR(d.quantile(0.1) * d.quantile(0.9), 625.0, 625.0 * 1e-8);
  // Tails are finite and ordered.
  EXPECT_LT(d.quantile(1e-12), d.quantile(1e-6));
  EXPECT_LT(d.quantile(1 - 1e-6), d.quantile(1 - 1e-12));
}

// The mean by midpoint rule over 200,000 equally spaced quantiles matches the closed form
// median x exp(sigma^2 / 2) to 0.2% (the midpoint rule's error in the heavy upper tail).
TEST(Distribution, LognormalMeanMatchesItsQuantiles) {
  const Distribution d = lognormal(150.0, 400.0);
  const int n = 200000;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += d.quantile((i + 0.5) / n);
  EXPECT_NEAR(sum / n, d.mean(), 0.002 * d.mean());
}

TEST(Distribution, EmpiricalQuantilesInterpolateWithinBins) {
  Distribution d;
  d.kind = Distribution::Kind::kEmpirical;
  d.upper = {91, 183, 365};
  d.probs = {0.25, 0.25, 0.5};
  EXPECT_DOUBLE_EQ(d.quantile(0.125), 45.5);
  EXPECT_DOUBLE_EQ(d.quantile(0.5), 183.0);
  EXPECT_DOUBLE_EQ(d.quantile(0.75), 274.0);
}

}  // namespace
}  // namespace caseflow::sim
