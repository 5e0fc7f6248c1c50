// The split of a council's quiet court-bound cases into PLO and proceedings, checked on cases
// whose stage is known: simulated with the baseline's PLO (lognormal, median 13, p90 20 weeks)
// and proceedings (median 40, p90 60 weeks) durations and court share 0.7, entering evenly
// over five years before the as-of date. Seed 12.
#include "calibrate/legal_stage_split.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

namespace caseflow::calibrate {
namespace {

sim::Distribution lognormal_weeks(double median, double p90) {
  sim::Distribution d;
  d.kind = sim::Distribution::Kind::kLognormal;
  d.unit = sim::TimeUnit::kWeeks;
  d.value = median;
  d.p90 = p90;
  d.sigma = std::log(p90 / median) / 1.2815515655446004;
  return d;
}

TEST(LegalStageSplit, PutsAsManyInPloAsAreThereAndAsFarOn) {
  const sim::Distribution plo = lognormal_weeks(13, 20), proceedings = lognormal_weeks(40, 60);
  const double court_share = 0.7;
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> uniform(0, 1);
  // 20,000 entries over 5 years (the as-of date at day 0): about 1,150 in PLO and 2,800 in
  // proceedings at the as-of date.
  std::vector<sim::InitialChild> children;
  int true_plo = 0;
  double true_plo_days = 0, true_court_days = 0;
  for (int i = 0; i < 20000; ++i) {
    const double entered = -uniform(rng) * 5 * 365.25;
    const double in_plo = 7 * plo.quantile(uniform(rng));
    const bool court = uniform(rng) < court_share;
    const double in_court = 7 * proceedings.quantile(uniform(rng));
    sim::InitialChild c;
    c.stage = sim::Stage::kPreProceedings;
    c.days_in_stage = std::floor(-entered);
    if (entered + in_plo > 0) {
      ++true_plo, true_plo_days += -entered;
    } else if (court && entered + in_plo + in_court > 0) {
      true_court_days += -(entered + in_plo);
    } else {
      continue;  // ended, or diverted to a CIN plan: not quiet at the as-of date
    }
    children.push_back(c);
  }
  const int true_court = static_cast<int>(children.size()) - true_plo;
  split_legal_stages(children, plo, proceedings, court_share);
  int plo_count = 0;
  double plo_days = 0, court_days = 0;
  for (const auto& c : children) {
    if (c.stage == sim::Stage::kPreProceedings) ++plo_count, plo_days += c.days_in_stage;
    else court_days += c.days_in_stage;
  }
  const int court_count = static_cast<int>(children.size()) - plo_count;
  std::printf("PLO %d (true %d), mean days %.1f (true %.1f); proceedings %d (true %d), mean days %.1f (true %.1f)\n", plo_count, true_plo,
              plo_days / plo_count, true_plo_days / true_plo, court_count, true_court, court_days / court_count, true_court_days / true_court);
  // The count: the true one is binomial around the expected one the split gives, SD about
  // 20 (1.7%); 5% is about three SDs. The mean days in PLO: SD of a case's days about 35, so
  // the mean's error is about 1 day (2%); 5% again. A cut at the mean PLO time (96 days), as
  // calibrate did first, gives PLO cases 47 days on average where they have 54.
  EXPECT_NEAR(plo_count, true_plo, 0.05 * true_plo);
  EXPECT_NEAR(plo_days / plo_count, true_plo_days / true_plo, 0.05 * true_plo_days / true_plo);
  EXPECT_NEAR(court_days / court_count, true_court_days / true_court, 0.05 * true_court_days / true_court);
}

TEST(LegalStageSplit, AQuietCaseIsInPloEarlyAndInCourtLate) {
  const sim::Distribution plo = lognormal_weeks(13, 20), proceedings = lognormal_weeks(40, 60);
  EXPECT_GT(plo_probability(30, plo, proceedings, 0.7), 0.99);  // PLO hardly ever ends within a month
  EXPECT_LT(plo_probability(300, plo, proceedings, 0.7), 0.01);
  const double p = plo_probability(96, plo, proceedings, 0.7);
  EXPECT_GT(p, 0.2);
  EXPECT_LT(p, 0.8);
  // In court for a while by then, but less than the whole time: PLO took some of it.
  EXPECT_GT(days_in_proceedings(300, plo, proceedings), 150);
  EXPECT_LT(days_in_proceedings(300, plo, proceedings), 250);
}

}  // namespace
}  // namespace caseflow::calibrate
