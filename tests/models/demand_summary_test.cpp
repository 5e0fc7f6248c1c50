#include "models/forecast/demand_summary.h"

#include <cmath>

#include <gtest/gtest.h>

#include "synthetic_series.h"

namespace caseflow::models::forecast {
namespace {

using testing::simulate_series;

// Seeds 1 and 2. Two sources with different seasonal shapes: schools' profile is kept
// apart, the shared profile is the other source's, and both have mean 1 exactly.
TEST(DemandSummary, SchoolsKeepTheirOwnProfileAndLevelsAreAtTheStartMonth) {
  const ModelSpec spec{2, {}};
  Eigen::VectorXd police(6), schools(6);
  police << std::log(400.0), std::log(1.04), 0.02, 0.0, 0.0, 0.0;
  schools << std::log(150.0), 0.0, 0.0, -0.4, 0.0, 0.0;  // a strong seasonal swing
  const FittedSeries fp(simulate_series(spec, {2016, 1}, 96, police, 0.0, 1), spec, Family::poisson);
  const FittedSeries fs(simulate_series(spec, {2016, 1}, 96, schools, 0.0, 2), spec, Family::poisson);
  const YearMonth start{2024, 1};
  const auto d = summarise_demand({{"police", &fp}, {"schools", &fs}}, start);
  ASSERT_TRUE(d.has_schools);
  double shared = 0, own = 0;
  for (int m = 0; m < 12; ++m) {
    shared += d.monthly_profile[m];
    own += d.schools_monthly_profile[m];
    EXPECT_NEAR(d.monthly_profile[m], fp.seasonal_profile()[m], 1e-12);
  }
  EXPECT_NEAR(shared, 12.0, 1e-9);
  EXPECT_NEAR(own, 12.0, 1e-9);
  EXPECT_DOUBLE_EQ(d.contacts_per_month[0].second, fp.deseasonalised_level(start));
  // Police at 400 rising 4%/year for 8 years: about 400 * 1.04^8 = 547; 3% covers the
  // fitted trend's SE (about 0.3%/year over 8 years).
  EXPECT_NEAR(d.contacts_per_month[0].second, 400.0 * std::pow(1.04, 8.0), 0.03 * 547.0);
  // Trend is the level-weighted mean of the two sources' trends.
  const double lp = d.contacts_per_month[0].second, ls = d.contacts_per_month[1].second;
  EXPECT_NEAR(d.trend_pct_per_year, (lp * fp.trend_pct_per_year() + ls * fs.trend_pct_per_year()) / (lp + ls), 1e-9);
}

}  // namespace
}  // namespace caseflow::models::forecast
