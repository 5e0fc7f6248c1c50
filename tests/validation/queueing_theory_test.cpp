// The engine against queueing theory: M/M/1 and M/M/c (Erlang C), Little's law,
// conservation, determinism and common random numbers.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/erlang.h"
#include "sim/engine/queueing_model.h"
#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"

namespace caseflow::engine {
namespace {

struct Summary {
  RunningStats wait, waited_share;
};

Summary replicate(const QueueingModelConfig& config, std::uint64_t seed, std::uint32_t reps) {
  const auto results = run_replications<QueueingModelResult>(
      reps, 2, [&](std::uint32_t rep) { return run_queueing_model(config, seed, rep); });
  Summary s;
  for (const auto& r : results) {
    s.wait.add(r.mean_wait_days);
    s.waited_share.add(static_cast<double>(r.waited) / static_cast<double>(r.arrivals));
  }
  return s;
}

// Each replication's mean is one independent observation, so the standard error across
// replications is honest even though waits within a run are correlated. 3 standard errors
// fail by chance 0.3% of the time; the seed is fixed so the outcome is repeatable. Warm-up
// (200 mean service times) makes the empty-start bias small next to one standard error.
void expect_erlang_c(double lambda, double mu, std::uint32_t servers, std::uint64_t seed) {
  const double warmup = 200.0 / mu;
  const QueueingModelConfig config{lambda, mu, servers, warmup, warmup + 40'000.0 / lambda};
  const Summary s = replicate(config, seed, 60);
  const ErlangC theory = erlang_c(lambda, mu, servers);
  EXPECT_NEAR(s.waited_share.mean(), theory.probability_of_waiting, 3 * s.waited_share.standard_error());
  EXPECT_NEAR(s.wait.mean(), theory.mean_wait, 3 * s.wait.standard_error());
  // The check must be able to fail: the standard error is small next to the quantity.
  EXPECT_LT(s.wait.standard_error(), 0.05 * theory.mean_wait);
}

TEST(QueueingTheory, MM1AtUtilisation08MatchesClosedForm) { expect_erlang_c(0.8, 1.0, 1, 11); }

TEST(QueueingTheory, MM3MatchesErlangC) {
  // lambda 0.2, mu 0.1, c 3: P(wait) = 4/9 and Wq = 4.44 (the Ciw documentation's example).
  const ErlangC theory = erlang_c(0.2, 0.1, 3);
  EXPECT_NEAR(theory.probability_of_waiting, 4.0 / 9.0, 1e-12);
  EXPECT_NEAR(theory.mean_wait, 40.0 / 9.0, 1e-12);
  expect_erlang_c(0.2, 0.1, 3, 12);
}

TEST(QueueingTheory, MM5AtUtilisation075MatchesErlangC) { expect_erlang_c(3.75, 1.0, 5, 13); }

// On one sample path L = lambda W holds up to end effects: customers still present at the
// end contribute to L but not to W. With ~50,000 arrivals and L about 4 those effects are
// of order L W / T, about 1e-4 relative, so 1% is loose yet still catches a broken clock.
TEST(QueueingTheory, LittlesLawAndConservationOnSamplePaths) {
  const QueueingModelConfig config{0.8, 1.0, 1, 200.0, 200.0 + 60'000.0};
  for (std::uint32_t rep = 0; rep < 5; ++rep) {
    const QueueingModelResult r = run_queueing_model(config, 21, rep);
    EXPECT_EQ(r.arrivals, r.departures + r.in_system_at_end);  // nobody lost or invented
    const double lambda = static_cast<double>(r.arrivals) / r.observed_days;
    EXPECT_NEAR(r.time_average_in_system, lambda * r.mean_sojourn_days, 0.01 * r.time_average_in_system);
  }
}

TEST(Determinism, SameSeedSameFingerprintDifferentSeedDifferent) {
  const QueueingModelConfig config{0.2, 0.1, 3, 100.0, 20'000.0};
  const auto a = run_queueing_model(config, 5, 0);
  const auto b = run_queueing_model(config, 5, 0);
  const auto c = run_queueing_model(config, 6, 0);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.events, b.events);
  EXPECT_NE(a.fingerprint, c.fingerprint);
}

TEST(Determinism, OneAndTwoThreadsGiveIdenticalMergedResults) {
  const QueueingModelConfig config{0.2, 0.1, 3, 100.0, 10'000.0};
  auto run = [&](unsigned threads) {
    return run_replications<QueueingModelResult>(
        16, threads, [&](std::uint32_t rep) { return run_queueing_model(config, 9, rep); });
  };
  const auto one = run(1), two = run(2);
  RunningStats merged_one, merged_two;
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].fingerprint, two[i].fingerprint);
    merged_one.add(one[i].mean_wait_days);
    merged_two.add(two[i].mean_wait_days);
  }
  EXPECT_EQ(merged_one.mean(), merged_two.mean());
  EXPECT_EQ(merged_one.variance(), merged_two.variance());
}

TEST(CommonRandomNumbers, SameReplicationSameArrivalsAcrossConfigurations) {
  const QueueingModelConfig slow{0.2, 0.1, 3, 100.0, 10'000.0};
  QueueingModelConfig fast = slow;
  fast.service_rate_per_day = 0.2;
  fast.servers = 2;
  for (std::uint32_t rep = 0; rep < 4; ++rep) {
    const auto a = run_queueing_model(slow, 3, rep);
    const auto b = run_queueing_model(fast, 3, rep);
    EXPECT_EQ(a.arrival_fingerprint, b.arrival_fingerprint);
    EXPECT_EQ(a.arrivals, b.arrivals);
    EXPECT_NE(a.fingerprint, b.fingerprint);  // the services did differ
  }
  EXPECT_NE(run_queueing_model(slow, 3, 0).arrival_fingerprint, run_queueing_model(slow, 3, 1).arrival_fingerprint);
}

}  // namespace
}  // namespace caseflow::engine
