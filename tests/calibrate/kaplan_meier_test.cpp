#include "calibrate/kaplan_meier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace caseflow::calibrate {
namespace {

TEST(KaplanMeier, MatchesTheTextbookExample) {
  // Six spells: ended at 3, 6, 6 and 10; censored at 5 and 8. By hand:
  // t=3: 6 at risk, 1 ends: S = 5/6; t=6: 4 at risk (5 censored), 2 end: S = 5/6 * 2/4 = 5/12;
  // t=10: 1 at risk (8 censored), 1 ends: S = 0.
  KaplanMeier km({{3, true}, {5, false}, {6, true}, {6, true}, {8, false}, {10, true}});
  ASSERT_EQ(km.steps().size(), 3u);
  EXPECT_NEAR(km.survival(4), 5.0 / 6.0, 1e-12);
  EXPECT_NEAR(km.survival(7), 5.0 / 12.0, 1e-12);
  EXPECT_NEAR(km.survival(10), 0.0, 1e-12);
  EXPECT_EQ(km.n(), 6);
  EXPECT_EQ(km.events(), 4);
  EXPECT_NEAR(km.censored_share(), 2.0 / 6.0, 1e-12);
  EXPECT_EQ(km.quantile(0.5), 6);  // S first at or below 0.5 at t = 6
  EXPECT_EQ(km.steps()[1].at_risk, 4.0);
}

TEST(KaplanMeier, RestrictedMeanIsTheAreaUnderTheCurve) {
  // The textbook example's curve: 1 to t=3, 5/6 to 6, 5/12 to 10, then 0. Area to 10:
  // 3 + 3 x 5/6 + 4 x 5/12 = 3 + 2.5 + 1.6667; to 4.5: 3 + 1.5 x 5/6; past the last event the
  // curve is 0 and adds nothing.
  KaplanMeier km({{3, true}, {5, false}, {6, true}, {6, true}, {8, false}, {10, true}});
  EXPECT_NEAR(km.restricted_mean(10), 3 + 2.5 + 20.0 / 12.0, 1e-12);
  EXPECT_NEAR(km.restricted_mean(4.5), 3 + 1.25, 1e-12);
  EXPECT_NEAR(km.restricted_mean(50), km.restricted_mean(10), 1e-12);
  EXPECT_NEAR(km.restricted_mean(2), 2, 1e-12);
  // Every spell ended, no censoring: the plain mean.
  EXPECT_NEAR(KaplanMeier({{1, true}, {2, true}, {6, true}}).restricted_mean(6), 3, 1e-12);
}

TEST(KaplanMeier, RecoversAnExponentialMedianUnderHeavyCensoring) {
  // Seed 11; 20,000 exponential spells (mean 100, median 69.31) censored by an independent
  // uniform window of 0-200: about 43% are censored. Dropping the censored spells gives a
  // median near 50; KM must give the true one. The median's standard error at this n is about
  // 1 (asymptotic: 1 / (2 f(m) sqrt(n_eff))), so 3 is three standard errors.
  std::mt19937_64 rng(11);
  std::exponential_distribution<double> dur(1.0 / 100.0);
  std::uniform_real_distribution<double> window(0, 200);
  std::vector<Spell> spells;
  std::vector<Spell> ended_only;
  for (int i = 0; i < 20000; ++i) {
    const double d = dur(rng), w = window(rng);
    spells.push_back({std::min(d, w), d <= w});
    if (d <= w) ended_only.push_back({d, true});
  }
  KaplanMeier km(spells);
  EXPECT_NEAR(km.quantile(0.5), 100 * std::log(2.0), 3.0);
  EXPECT_GT(km.censored_share(), 0.35);
  EXPECT_LT(KaplanMeier(ended_only).quantile(0.5), 60);  // the bias KM removes
  const auto ci = km.quantile_interval(0.5);
  EXPECT_LT(ci.low, 100 * std::log(2.0));
  EXPECT_GT(ci.high, 100 * std::log(2.0));
  EXPECT_LT(ci.high - ci.low, 8.0);
}

TEST(KaplanMeier, AWeightCountsASpellInPart) {
  // Two spells of weight 0.5 at 2 count as one spell at 2: same curve as {2, 4}.
  KaplanMeier weighted({{2, true, 0.5}, {2, true, 0.5}, {4, true}});
  KaplanMeier plain({{2, true}, {4, true}});
  EXPECT_NEAR(weighted.survival(3), plain.survival(3), 1e-12);
  EXPECT_NEAR(weighted.survival(3), 0.5, 1e-12);
}

TEST(KaplanMeier, SaysWhenAQuantileIsBeyondTheData) {
  KaplanMeier km({{1, true}, {2, false}, {3, false}, {4, false}});
  EXPECT_EQ(km.quantile(0.5), -1);  // S never falls to 0.5
  EXPECT_NEAR(km.last_survival(), 0.75, 1e-12);
  EXPECT_THROW(KaplanMeier({{-1, true}}), std::invalid_argument);
}

}  // namespace
}  // namespace caseflow::calibrate
