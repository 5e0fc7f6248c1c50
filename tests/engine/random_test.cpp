#include "sim/engine/random.h"

#include <gtest/gtest.h>

#include <boost/random/gamma_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <set>

#include "sim/engine/gamma_variate.h"
#include "sim/engine/statistics.h"

namespace caseflow::engine {
namespace {

TEST(RandomStream, SameKeyAndCounterGiveTheSameDrawInAnyOrder) {
  const RandomStream s({42, 3, 7});
  const double forward = s.uniform(10, 2);
  for (int i = 0; i < 100; ++i) s.uniform(static_cast<std::uint64_t>(i), 0);  // unrelated draws
  EXPECT_EQ(s.uniform(10, 2), forward);
  EXPECT_EQ(RandomStream({42, 3, 7}).uniform(10, 2), forward);
}

TEST(RandomStream, EveryKeyPartAndCounterPartChangesTheDraw) {
  const double base = RandomStream({42, 3, 7}).uniform(10, 2);
  EXPECT_NE(RandomStream({43, 3, 7}).uniform(10, 2), base);
  EXPECT_NE(RandomStream({42, 4, 7}).uniform(10, 2), base);
  EXPECT_NE(RandomStream({42, 3, 8}).uniform(10, 2), base);
  EXPECT_NE(RandomStream({42, 3, 7}).uniform(11, 2), base);
  EXPECT_NE(RandomStream({42, 3, 7}).uniform(10, 3), base);
}

// Seed 1. 200,000 uniforms: the mean's standard error is sqrt(1/12/200000) = 6.5e-4, so a
// 4-sigma band (2.6e-3) fails by chance about once in 16,000 runs; variance likewise.
TEST(RandomStream, UniformsHaveTheRightMoments) {
  const RandomStream s({1, 0, 0});
  RunningStats stats;
  for (std::uint64_t e = 0; e < 200000; ++e) {
    const double u = s.uniform(e, 0);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    stats.add(u);
  }
  EXPECT_NEAR(stats.mean(), 0.5, 2.6e-3);
  EXPECT_NEAR(stats.variance(), 1.0 / 12.0, 4 * std::sqrt(1.0 / 180.0 / 200000.0));
}

// Seed 3. The two halves of a pair are separate uniforms: the first is uniform() itself, and
// over 200,000 pairs the halves are uncorrelated (correlation's standard error 1/sqrt(200000)
// = 2.2e-3, checked at 4 sigma) with the right mean (as above).
TEST(RandomStream, PairsAreTwoIndependentUniforms) {
  const RandomStream s({3, 0, 0});
  RunningStats first, second;
  double cross = 0;
  const int n = 200000;
  for (std::uint64_t e = 0; e < n; ++e) {
    const auto [a, b] = s.uniform_pair(e, 5);
    ASSERT_EQ(a, s.uniform(e, 5));
    ASSERT_GT(b, 0.0);
    ASSERT_LT(b, 1.0);
    first.add(a);
    second.add(b);
    cross += (a - 0.5) * (b - 0.5);
  }
  EXPECT_NEAR(second.mean(), 0.5, 2.6e-3);
  EXPECT_NEAR(cross / n * 12.0, 0.0, 4 / std::sqrt(double{n}));
}

// Seed 4. Gamma variates (scale 1) have mean = shape and variance = shape, on both sides of
// the shape-1 switch between Boost and Marsaglia-Tsang, and at the demand model's shape 100.
// n = 200,000: the mean's standard error is sqrt(shape / n), the variance's about
// sqrt((2 shape^2 + 6 shape) / n) (the gamma's fourth moment); both checked at 4 sigma.
TEST(RandomStream, GammaVariatesHaveTheRightMoments) {
  const RandomStream s({4, 0, 0});
  const int n = 200000;
  for (const double shape : {0.5, 1.0, 2.5, 100.0}) {
    RunningStats stats;
    for (std::uint64_t e = 0; e < n; ++e) {
      auto rng = s.at(e, static_cast<std::uint64_t>(shape * 10));
      stats.add(gamma_variate(shape, rng));
    }
    EXPECT_NEAR(stats.mean(), shape, 4 * std::sqrt(shape / n)) << "shape " << shape;
    EXPECT_NEAR(stats.variance(), shape, 4 * std::sqrt((2 * shape * shape + 6 * shape) / n)) << "shape " << shape;
  }
}

// Seed 2: Boost.Random distributions work on the generator; a gamma(3, 2) sample of 100,000
// has mean 6 with standard error sqrt(12/1e5) = 0.011, checked at 4 sigma.
TEST(RandomStream, DrivesBoostDistributions) {
  const RandomStream s({2, 0, 0});
  RunningStats stats;
  boost::random::gamma_distribution<double> gamma(3.0, 2.0);
  for (std::uint64_t e = 0; e < 100000; ++e) {
    auto rng = s.at(e, 0);
    stats.add(gamma(rng));
  }
  EXPECT_NEAR(stats.mean(), 6.0, 4 * std::sqrt(12.0 / 100000.0));
}

}  // namespace
}  // namespace caseflow::engine
