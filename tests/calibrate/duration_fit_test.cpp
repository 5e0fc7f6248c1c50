#include "calibrate/duration_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace caseflow::calibrate {
namespace {

std::vector<Spell> lognormal_spells(double median, double p90, double window, int n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> dur(std::log(median), std::log(p90 / median) / 1.2815515655446004);
  std::uniform_real_distribution<double> w(0, window);
  std::vector<Spell> spells;
  for (int i = 0; i < n; ++i) {
    const double d = dur(rng), c = w(rng);
    spells.push_back({std::floor(std::min(d, c)), d <= c});
  }
  return spells;
}

TEST(DurationFit, CensoredLognormalGivesBackItsMedianAndP90) {
  // Seed 5; 20,000 lognormal spells (median 150, p90 400 days, as the baseline's CIN plans)
  // censored by a uniform 0-300 day window: the curve stops near 18% survival, so the fit is
  // lognormal. The median's sampling error is about 2 days at this n; the tail's about 3%,
  // so 3% and 6% are about three standard errors.
  const auto fit = fit_duration(KaplanMeier(lognormal_spells(150, 400, 300, 20000, 5)), sim::TimeUnit::kDays, "CIN plans");
  ASSERT_TRUE(fit.fitted) << fit.note;
  EXPECT_EQ(fit.distribution.kind, sim::Distribution::Kind::kLognormal);
  EXPECT_NEAR(fit.distribution.value, 150, 150 * 0.03) << fit.note;
  EXPECT_NEAR(fit.distribution.p90, 400, 400 * 0.06) << fit.note;
  EXPECT_NE(fit.yaml.find("median_days"), std::string::npos);
}

TEST(DurationFit, FullyObservedSpellsGiveAnEmpiricalFormWithTheirDeciles) {
  // Seed 9; 10,000 spells of median 25 and p90 55 working days seen to the end (a window of
  // 10,000): empirical bins at the deciles; its quantiles must match the lognormal's within
  // a day or two (sampling error about 0.4 wd at the median; whole-day rounding 0.5).
  const auto fit = fit_duration(KaplanMeier(lognormal_spells(25, 55, 10000, 10000, 9)), sim::TimeUnit::kWorkingDays, "assessments");
  ASSERT_TRUE(fit.fitted) << fit.note;
  ASSERT_EQ(fit.distribution.kind, sim::Distribution::Kind::kEmpirical);
  double sum = 0;
  for (double p : fit.distribution.probs) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  EXPECT_NEAR(fit.distribution.quantile(0.5), 25, 1.5);
  EXPECT_NEAR(fit.distribution.quantile(0.9), 55, 2.5);
  EXPECT_NE(fit.yaml.find("upper_wd"), std::string::npos);
}

TEST(DurationFit, TheEmpiricalFormKeepsTheMeanOfALongTail) {
  // Seed 9 as above; the lognormal's mean is 25 exp(sigma^2 / 2) = 30.2 wd. The mean sets the
  // workload and the stock (Little's law), so the form must keep it: one bin from the 90th
  // percentile to the longest spell (262 wd) gave 37.5 wd, a quarter too much; the finer tail
  // gives 30.0. Within 4%: the sample mean's own error is about 0.7% at this n, and the last
  // bin, from the 99th percentile to the longest spell, can still add a few tenths of a wd.
  const auto fit = fit_duration(KaplanMeier(lognormal_spells(25, 55, 10000, 10000, 9)), sim::TimeUnit::kWorkingDays, "assessments");
  ASSERT_TRUE(fit.fitted) << fit.note;
  const double sigma = std::log(55.0 / 25.0) / 1.2815515655446004;
  EXPECT_NEAR(fit.distribution.mean(), 25 * std::exp(0.5 * sigma * sigma), 0.04 * 30.2) << fit.yaml << " mean " << fit.distribution.mean();
}

TEST(DurationFit, WhenTheLongestAreStillOpenTheFormGoesOnInAnExponentialTail) {
  // Seed 11; 20,000 CIN plans as the baseline's (lognormal, median 150 and p90 400 days, mean
  // 201) seen through a window of up to three years (censored uniformly on 0-1,095 days): the
  // curve passes its 90th percentile but its longest spells are still open. Their mean beyond
  // 551 days (the 95th percentile) is 238 days, beyond 744 (the 98th) 275.
  const auto fit = fit_duration(KaplanMeier(lognormal_spells(150, 400, 1095, 20000, 11)), sim::TimeUnit::kDays, "CIN plans");
  ASSERT_TRUE(fit.fitted) << fit.note;
  ASSERT_EQ(fit.distribution.kind, sim::Distribution::Kind::kEmpirical);
  ASSERT_GT(fit.distribution.tail_mean, 0) << fit.yaml;
  EXPECT_EQ(fit.distribution.probs.size(), fit.distribution.upper.size() + 1);
  EXPECT_NE(fit.yaml.find("tail_mean_days: "), std::string::npos) << fit.yaml;
  EXPECT_NE(fit.note.find("exponential tail"), std::string::npos) << fit.note;
  // It starts at the last percentile with 20 or more ended beyond it, here the 98th (fewer
  // end beyond the 99th), holding the curve's survival there, with the mean time at risk beyond it
  // per spell ended there.
  const KaplanMeier km(lognormal_spells(150, 400, 1095, 20000, 11));
  const double t98 = km.quantile(0.98);
  ASSERT_GT(t98, 0);
  EXPECT_LT(km.beyond(km.quantile(0.99)).events, 20);
  EXPECT_DOUBLE_EQ(fit.distribution.upper.back(), t98 + 0.5);
  EXPECT_NEAR(fit.distribution.probs.back(), km.survival(t98), 1e-4);  // written to 4 decimals
  const KaplanMeier::Beyond beyond = km.beyond(t98);
  EXPECT_GE(beyond.events, 20);
  EXPECT_NEAR(fit.distribution.tail_mean, beyond.exposure / beyond.events, 0.01);
  // The mean is kept (a bin to the longest ended spell cut it): within 3%, about three times
  // the sample mean's error at this n with a tenth of the spells censored.
  EXPECT_NEAR(fit.distribution.mean(), 201.0, 0.03 * 201) << fit.yaml;
  // A plan open past the last edge still has time to run, about the lognormal's own time left
  // there: an exponential's constant hazard, estimated where the lognormal's is falling,
  // runs short of it, so within 30%. Measured: the tail from the 98th percentile (753.5
  // days), its mean 243 days beyond; 30 days past it, 243 days left where the lognormal has
  // 282; the fitted mean 202.2 days. A last bin to the longest ended spell left about 100.
  const double edge = fit.distribution.upper.back();
  sim::Distribution truth;
  truth.kind = sim::Distribution::Kind::kLognormal;
  truth.value = 150;
  truth.p90 = 400;
  double fitted_left = 0, true_left = 0;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    const double u = (i + 0.5) / n;
    fitted_left += fit.distribution.total_given_elapsed(edge + 30, u) - (edge + 30);
    true_left += truth.total_given_elapsed(edge + 30, u) - (edge + 30);
  }
  EXPECT_GT(fitted_left / n, 0.7 * true_left / n) << fit.yaml;
  EXPECT_LT(fitted_left / n, 1.3 * true_left / n) << fit.yaml;
}

TEST(DurationFit, WhenTheLongestSpellEndedThereIsNoTail) {
  // Seed 9, no censoring at all (a window far past every spell): the curve falls to 0 at the
  // longest spell, so the last bin ends there.
  std::vector<Spell> spells = lognormal_spells(25, 55, 10000, 5000, 9);
  for (Spell& s : spells) s.ended = true;
  const KaplanMeier km(spells);
  const auto fit = fit_duration(km, sim::TimeUnit::kWorkingDays, "assessments");
  ASSERT_TRUE(fit.fitted);
  EXPECT_EQ(fit.distribution.tail_mean, 0);
  EXPECT_EQ(fit.distribution.probs.size(), fit.distribution.upper.size());
  EXPECT_DOUBLE_EQ(fit.distribution.upper.back(), km.last_event_time());
  EXPECT_EQ(fit.yaml.find("tail_mean"), std::string::npos);
}

TEST(DurationFit, TooFewEndedSpellsBeyondAnyPercentileGiveALastBinToTheLongest) {
  // 21 spells ended (1 to 21 days) and the 2 longest still open (300 and 301 days): the curve
  // falls to 2/23, below 10%, so the form is empirical, but only 18 end beyond its first decile,
  // too few for a tail's hazard; the last bin runs to the longest spell seen, open or not.
  std::vector<Spell> spells;
  for (int i = 1; i <= 21; ++i) spells.push_back({static_cast<double>(i), true});
  spells.push_back({300.0, false});
  spells.push_back({301.0, false});
  const KaplanMeier km(spells);
  const auto fit = fit_duration(km, sim::TimeUnit::kDays, "plans");
  ASSERT_TRUE(fit.fitted) << fit.note;
  ASSERT_EQ(fit.distribution.kind, sim::Distribution::Kind::kEmpirical) << fit.note;
  EXPECT_EQ(fit.distribution.tail_mean, 0);
  EXPECT_DOUBLE_EQ(fit.distribution.upper.back(), 301.5);
  double sum = 0;
  for (double p : fit.distribution.probs) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(DurationFit, TooFewEndedSpellsAreNotFitted) {
  const auto fit = fit_duration(KaplanMeier({{3, true}, {4, true}, {9, false}}), sim::TimeUnit::kDays, "PLO spells");
  EXPECT_FALSE(fit.fitted);
  EXPECT_NE(fit.note.find("too few"), std::string::npos);
}

}  // namespace
}  // namespace caseflow::calibrate
