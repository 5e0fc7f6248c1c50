#include "calibrate/care_exits.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace caseflow::calibrate {
namespace {

TEST(CareExits, RecoversRoutesAndDurationsFromHeavilyCensoredPeriods) {
  // Seed 3; 20,000 periods drawn as the model draws them, with the baseline's routes (home
  // 0.378, median 365 d, p90 1460; sgo 0.232, 730/1825; adoption 0.136, 730/1278; other 0.254,
  // 1217/3650), each censored by a uniform 0-1095 day window (three years of returns) and by
  // an 18th birthday 0-6,570 days away. About half end inside the window. At this n each
  // share's standard error is about 0.01-0.02, so the checks allow three of them, and the true
  // value must lie inside the fit's own 95% interval for at least 10 of the 12 quantities.
  const std::array<double, 4> share{0.378, 0.232, 0.136, 0.254}, median{365, 730, 730, 1217}, p90{1460, 1825, 1278, 3650};
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<CarePeriodObservation> periods;
  for (int i = 0; i < 20000; ++i) {
    const double v = u(rng);
    int r = 0;
    for (double c = share[0]; v > c && r < 3; c += share[static_cast<std::size_t>(++r)]) {}
    const auto rr = static_cast<std::size_t>(r);
    std::lognormal_distribution<double> d(std::log(median[rr]), std::log(p90[rr] / median[rr]) / 1.2815515655446004);
    const double length = d(rng), window = 1095 * u(rng), eighteen = 6570 * u(rng);
    const double stop = std::min(window, eighteen);
    periods.push_back(length <= stop ? CarePeriodObservation{std::floor(length), r} : CarePeriodObservation{std::floor(stop), -1});
  }
  const CareExitFit fit = fit_care_exits(periods);
  ASSERT_TRUE(fit.converged);
  ASSERT_TRUE(fit.intervals);
  int inside = 0;
  for (std::size_t r = 0; r < 4; ++r) {
    const auto& f = fit.routes[r];
    EXPECT_NEAR(f.share, share[r], 0.05) << kCareRouteNames[r];
    EXPECT_NEAR(std::log(f.median_days), std::log(median[r]), 0.2) << kCareRouteNames[r];
    inside += f.share_low <= share[r] && share[r] <= f.share_high;
    inside += f.median_low <= median[r] && median[r] <= f.median_high;
    inside += f.p90_low <= p90[r] && p90[r] <= f.p90_high;
  }
  EXPECT_GE(inside, 10);
}

}  // namespace
}  // namespace caseflow::calibrate
