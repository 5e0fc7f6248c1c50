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

namespace caseflow::sim {
namespace {

TEST(DistributionResidual, CdfInvertsTheQuantileForEveryKind) {
  Distribution ln;
  ln.kind = Distribution::Kind::kLognormal;
  ln.value = 150;
  ln.p90 = 400;
  Distribution ex;
  ex.kind = Distribution::Kind::kExponential;
  ex.value = 30;
  Distribution em;
  em.kind = Distribution::Kind::kEmpirical;
  em.upper = {91, 183, 365};
  em.probs = {0.2, 0.3, 0.5};
  for (const Distribution* d : {&ln, &ex, &em})
    for (double u : {0.05, 0.3, 0.5, 0.77, 0.95}) EXPECT_NEAR(d->cdf(d->quantile(u)), u, 1e-6);
  EXPECT_EQ(em.cdf(400), 1.0);
  EXPECT_EQ(ln.cdf(0), 0.0);
}

TEST(DistributionResidual, TotalGivenElapsedIsTheConditionalDistribution) {
  // Exponential: memoryless, so the time left after any elapsed time is the same exponential.
  Distribution ex;
  ex.kind = Distribution::Kind::kExponential;
  ex.value = 30;
  for (double u : {0.1, 0.5, 0.9}) EXPECT_NEAR(ex.total_given_elapsed(50, u) - 50, ex.quantile(u), 1e-9);
  // Lognormal: the conditional median after 300 days of a (150, 400) plan, checked against
  // the definition F(t) = F(300) + 0.5 (1 - F(300)).
  Distribution ln;
  ln.kind = Distribution::Kind::kLognormal;
  ln.value = 150;
  ln.p90 = 400;
  const double t = ln.total_given_elapsed(300, 0.5);
  EXPECT_GT(t, 300);
  EXPECT_NEAR(ln.cdf(t), ln.cdf(300) + 0.5 * (1 - ln.cdf(300)), 1e-6);
  // Past the last bin of an empirical distribution there is nothing left: it ends at once.
  Distribution em;
  em.kind = Distribution::Kind::kEmpirical;
  em.upper = {10, 20};
  em.probs = {0.5, 0.5};
  EXPECT_EQ(em.total_given_elapsed(25, 0.5), 25);
  EXPECT_NEAR(em.total_given_elapsed(10, 0.5), 15, 1e-9);
}

}  // namespace
}  // namespace caseflow::sim

namespace caseflow::sim {
namespace {

// An empirical distribution whose last 5% goes on beyond 365 days in an exponential tail of
// mean 200 days there: a duration fitted from data whose longest cases were still open.
Distribution with_tail() {
  Distribution d;
  d.kind = Distribution::Kind::kEmpirical;
  d.upper = {91, 183, 365};
  d.probs = {0.25, 0.25, 0.45, 0.05};
  d.tail_mean = 200;
  return d;
}

TEST(DistributionTail, QuantileCdfAndMeanCarryTheTail) {
  const Distribution d = with_tail();
  EXPECT_DOUBLE_EQ(d.quantile(0.5), 183.0);  // the bins are as without a tail
  EXPECT_NEAR(d.quantile(0.95), 365.0, 1e-9);
  // Beyond the last edge: 365 + 200 x ln(0.05 / (1 - u)); the tail's median is 200 ln 2 past it.
  EXPECT_NEAR(d.quantile(0.975), 365.0 + 200.0 * std::log(2.0), 1e-9);
  for (double u : {0.1, 0.6, 0.96, 0.999}) EXPECT_NEAR(d.cdf(d.quantile(u)), u, 1e-9);
  EXPECT_LT(d.cdf(5000), 1.0);
  // Mean: the bins' midpoints, and the tail at 365 + 200.
  EXPECT_NEAR(d.mean(), 0.25 * 45.5 + 0.25 * 137 + 0.45 * 274 + 0.05 * 565, 1e-9);
  // Draws at the very end stay finite (the tail's share of the uniform is held below 1).
  EXPECT_TRUE(std::isfinite(d.quantile(1.0)));
  EXPECT_TRUE(std::isfinite(d.in_progress(1.0, 0.5).total));
}

TEST(DistributionTail, ACaseOpenPastTheLastEdgeHasTheTailStillToRun) {
  // Without the tail it would end at once (TotalGivenElapsedIsTheConditionalDistribution);
  // with it, memoryless beyond the edge: 500 days open, 200 x ln 2 more at the median.
  const Distribution d = with_tail();
  EXPECT_NEAR(d.total_given_elapsed(500, 0.5), 500 + 200 * std::log(2.0), 1e-6);
  EXPECT_NEAR(d.total_given_elapsed(400, 0.9) - 400, 200 * std::log(10.0), 1e-6);
  // Far out, where cdf() rounds to 1, and with probabilities a hair under 1 (the reader
  // accepts a sum within 1e-6), the time left is still the tail's own.
  Distribution loose = d;
  loose.probs.back() -= 1e-7;
  EXPECT_NEAR(d.total_given_elapsed(20000, 0.5) - 20000, 200 * std::log(2.0), 1e-6);
  EXPECT_NEAR(loose.total_given_elapsed(3000, 0.5) - 3000, 200 * std::log(2.0), 1e-6);
}

TEST(DistributionTail, InProgressDrawsTheLengthBiasedTail) {
  // The length-biased mean is E[T^2] / E[T]: the bins' uniform second moments, and the
  // tail's (a + X)^2 with X exponential of mean m: a^2 + 2am + 2m^2. The draws over a grid of
  // 200,000 uniforms must give it to 0.1% (the grid's error in the tail's far end).
  const Distribution d = with_tail();
  const double a = 365, m = 200;
  auto uniform_second = [](double lo, double hi) { return (lo * lo + lo * hi + hi * hi) / 3; };
  const double second = 0.25 * uniform_second(0, 91) + 0.25 * uniform_second(91, 183) + 0.45 * uniform_second(183, 365) +
                        0.05 * (a * a + 2 * a * m + 2 * m * m);
  const int n = 200000;
  double sum = 0, beyond = 0;
  for (int i = 0; i < n; ++i) {
    const auto p = d.in_progress((i + 0.5) / n, 0.5);
    EXPECT_NEAR(p.elapsed, 0.5 * p.total, 1e-9);
    sum += p.total;
    beyond += p.total > a;
  }
  EXPECT_NEAR(sum / n, second / d.mean(), 0.001 * second / d.mean());
  // The share of cases in progress that are in the tail: its weight, 0.05 x 565 / mean.
  EXPECT_NEAR(beyond / n, 0.05 * (a + m) / d.mean(), 1e-4);
}

}  // namespace
}  // namespace caseflow::sim
