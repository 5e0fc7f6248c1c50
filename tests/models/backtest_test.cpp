#include "models/forecast/backtest.h"

#include <cmath>

#include <gtest/gtest.h>

#include "synthetic_series.h"

namespace caseflow::models::forecast {
namespace {

using testing::simulate_series;

// Seed 42. A Poisson series (mean about 300, +4%/year, a +/-15% seasonal swing) over 120
// months. The seasonal-naive error y_t - y_{t-12} carries two months' noise plus a year of
// trend, the model's error one month's noise plus a small parameter error, so the model's
// MAE should be near 1/sqrt(2) = 0.71 of naive's. 144 correlated forecasts leave the ratio
// uncertain by several percent; requiring < 0.9 fails only if the model is genuinely no
// better than naive.
TEST(Backtest, ModelBeatsSeasonalNaiveOnTrendingSeasonalSeries) {
  const ModelSpec spec{2, {}};
  Eigen::VectorXd beta(6);
  beta << std::log(300.0), std::log(1.04), 0.12, -0.06, 0.05, 0.02;
  const auto series = simulate_series(spec, {2014, 4}, 120, beta, 0.0, 42);
  const auto paths = backtest_paths(series, spec, Family::poisson, {12, 12, 24});
  ASSERT_EQ(paths.origins.size(), 12u);
  const auto result = score(paths);
  ASSERT_EQ(result.by_horizon.size(), 12u);
  EXPECT_EQ(result.overall.forecasts, 144);
  EXPECT_LT(result.overall.model_mae, 0.9 * result.overall.naive_mae);
  EXPECT_LT(result.overall.model_mape_pct, 0.9 * result.overall.naive_mape_pct);
}

TEST(Backtest, OriginsEndSoTheLastHorizonReachesTheLastMonth) {
  MonthlySeries series{{2018, 1}, {}};
  for (int t = 0; t < 48; ++t) series.counts.push_back(100.0 + (t % 12) * 10.0);
  const auto paths = backtest_paths(series, {2, {}}, Family::poisson, {5, 6, 24});
  ASSERT_EQ(paths.origins.size(), 5u);
  EXPECT_EQ(paths.origins.back(), (YearMonth{2021, 7}));  // fits 2018-01..2021-06, forecasts to 2021-12
  EXPECT_EQ(paths.origins.front(), (YearMonth{2021, 3}));
  // A purely periodic series: seasonal naive is exact, which also shows it looks back a
  // whole year rather than into the forecast window.
  EXPECT_DOUBLE_EQ(score(paths).overall.naive_mae, 0.0);
}

TEST(Backtest, FewerOriginsWhenHistoryIsShort) {
  MonthlySeries series{{2018, 1}, std::vector<double>(30, 50.0)};
  const auto paths = backtest_paths(series, {1, {}}, Family::poisson, {12, 3, 24});
  EXPECT_EQ(paths.origins.size(), 4u);  // fit lengths 24..27
}

TEST(Backtest, AddedPathsScoreTheTotal) {
  MonthlySeries a{{2018, 1}, {}}, b{{2018, 1}, {}};
  for (int t = 0; t < 40; ++t) {
    a.counts.push_back(100.0 + t);
    b.counts.push_back(50.0 + (t % 12));
  }
  const auto pa = backtest_paths(a, {1, {}}, Family::poisson, {3, 2, 24});
  const auto pb = backtest_paths(b, {1, {}}, Family::poisson, {3, 2, 24});
  const auto total = add_paths(pa, pb);
  EXPECT_DOUBLE_EQ(total.actual[1][1], a.counts[38] + b.counts[38]);  // fit of 37 months, 2 ahead
}

}  // namespace
}  // namespace caseflow::models::forecast
