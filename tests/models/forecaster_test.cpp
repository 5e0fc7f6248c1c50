#include "models/forecast/forecaster.h"

#include <cmath>

#include <gtest/gtest.h>

#include "synthetic_series.h"

namespace caseflow::models::forecast {
namespace {

using testing::simulate_series;

// Seed 99. A lockdown-like step multiplying the series by 0.6 for three months at a level
// of about 300: the SE of its log multiplier is about 1/sqrt(3 * 180) = 0.043, and the test
// uses the fit's own SE, requiring the estimate within 3 SE of log(0.6).
TEST(Forecaster, InterventionRecoversKnownShockMultiplier) {
  const ModelSpec spec{2, {{"lockdown", {2020, 4}, {2020, 6}}}};
  Eigen::VectorXd beta(7);
  beta << std::log(300.0), std::log(1.03), 0.10, -0.05, 0.08, 0.03, std::log(0.6);
  const auto series = simulate_series(spec, {2015, 4}, 108, beta, 0.0, 99);
  const FittedSeries fitted(series, spec, Family::poisson);
  const auto effects = fitted.intervention_effects();
  ASSERT_EQ(effects.size(), 1u);
  const double se = fitted.glm().standard_errors(fitted.design().intervention_column(0));
  EXPECT_NEAR(std::log(effects[0].multiplier), std::log(0.6), 3.0 * se);
  EXPECT_LT(effects[0].multiplier_p05, effects[0].multiplier);
  EXPECT_GT(effects[0].multiplier_p95, effects[0].multiplier);
}

// Seeds 1000..1399 for data, 5000+r for forecasts. Each replicate fits 48 months of NB2 data
// (alpha 0.01, mean about 500) and checks whether the month 12 ahead falls inside its
// P10-P90 interval. Replicates are independent, so the hit count is binomial: SE of the
// coverage = sqrt(0.8 * 0.2 / 400) = 0.02. Tolerance 3 SE = 0.06. (Discreteness adds under
// 1% at this level; alpha is not re-drawn in simulation, which would show as undercoverage.)
TEST(Forecaster, PredictionIntervalCoverageIsNearEightyPercent) {
  const ModelSpec spec{2, {}};
  Eigen::VectorXd beta(6);
  beta << std::log(500.0), std::log(1.04), 0.12, -0.06, 0.05, 0.02;
  const int reps = 400, fit_months = 48, horizon = 12;
  int inside = 0;
  for (int r = 0; r < reps; ++r) {
    const auto full = simulate_series(spec, {2018, 1}, fit_months + horizon, beta, 0.01, 1000 + r);
    const MonthlySeries history{full.first_month, {full.counts.begin(), full.counts.begin() + fit_months}};
    const FittedSeries fitted(history, spec, Family::negative_binomial);
    const auto fc = forecast_series(fitted, horizon, 1000, 5000 + static_cast<std::uint64_t>(r));
    const double actual = full.counts.back();
    inside += (fc.p10.back() <= actual && actual <= fc.p90.back()) ? 1 : 0;
  }
  EXPECT_NEAR(inside / static_cast<double>(reps), 0.80, 0.06);
}

// Seeds 3 and 4. The mean forecast uses exp(x'b + x'Cov x / 2); it must sit within 4 SE of
// the mean of 2000 simulated draws (SE = their SD / sqrt(2000); 4 SE keeps the chance of a
// false alarm over 24 months below 0.2%), and the quantiles must be ordered.
TEST(Forecaster, MeanMatchesSimulatedDrawsAndQuantilesAreOrdered) {
  const ModelSpec spec{3, {}};
  Eigen::VectorXd beta(8);
  beta << std::log(400.0), std::log(1.02), 0.1, 0.05, -0.04, 0.02, 0.01, -0.02;
  const auto series = simulate_series(spec, {2016, 1}, 96, beta, 0.0, 3);
  const FittedSeries fitted(series, spec, Family::poisson);
  const auto fc = forecast_series(fitted, 24, 2000, 4);
  ASSERT_EQ(fc.mean.size(), 24u);
  for (std::size_t h = 0; h < 24; ++h) {
    const Eigen::VectorXd draws = fc.draws.col(static_cast<Eigen::Index>(h));
    const double sd = std::sqrt((draws.array() - draws.mean()).square().sum() / (static_cast<double>(draws.size()) - 1.0));
    EXPECT_NEAR(fc.mean[h], draws.mean(), 4.0 * sd / std::sqrt(2000.0));
    EXPECT_LE(fc.p10[h], fc.p50[h]);
    EXPECT_LE(fc.p50[h], fc.p90[h]);
  }
}

TEST(Forecaster, ProfileHasMeanOneAndLevelTimesProfileIsTheForecast) {
  const ModelSpec spec{3, {}};
  Eigen::VectorXd beta(8);
  beta << std::log(400.0), std::log(1.02), 0.1, 0.05, -0.04, 0.02, 0.01, -0.02;
  const auto series = simulate_series(spec, {2016, 1}, 96, beta, 0.0, 3);
  const FittedSeries fitted(series, spec, Family::poisson);
  const auto profile = fitted.seasonal_profile();
  double sum = 0;
  for (double p : profile) sum += p;
  EXPECT_NEAR(sum / 12.0, 1.0, 1e-12);
  // Level times the month's multiplier reproduces exp(x'beta_hat) for that month.
  const YearMonth next = fitted.last_month().plus_months(1);
  const double eta = (fitted.design().rows(next, 1) * fitted.glm().beta)(0);
  EXPECT_NEAR(fitted.deseasonalised_level(next) * profile[next.month - 1], std::exp(eta), 1e-9 * std::exp(eta));
}

TEST(Forecaster, SumOfForecastsAddsDrawByDraw) {
  const ModelSpec spec{2, {}};
  Eigen::VectorXd beta(6);
  beta << std::log(100.0), 0.0, 0.1, 0.0, 0.0, 0.0;
  const FittedSeries a(simulate_series(spec, {2016, 1}, 48, beta, 0.0, 1), spec, Family::poisson);
  const FittedSeries b(simulate_series(spec, {2016, 1}, 48, beta, 0.0, 2), spec, Family::poisson);
  const auto fa = forecast_series(a, 6, 500, 1), fb = forecast_series(b, 6, 500, 2);
  const auto total = sum_forecasts({fa, fb});
  EXPECT_NEAR(total.mean[0], fa.mean[0] + fb.mean[0], 1e-9);
  EXPECT_DOUBLE_EQ(total.draws(17, 3), fa.draws(17, 3) + fb.draws(17, 3));
  EXPECT_NE(stream_seed(1, 0), stream_seed(1, 1));
}

}  // namespace
}  // namespace caseflow::models::forecast
