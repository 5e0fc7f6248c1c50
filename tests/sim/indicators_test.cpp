// The DfE indicators among the outputs (docs/outputs.md, "DfE indicators"): the duration
// bands, the histogram quantiles, and identities and hand-checkable cases of the figures a
// replication records.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/engine/calendar.h"
#include "sim/engine/statistics.h"
#include "sim/model.h"
#include "sim/runner.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

TEST(Indicators, DurationBandsFollowTheDfeEdges) {
  // Up to 3 months (91.3 days), over 3 to 6 months, over 6 months to 1 year, over 1 to 2
  // years, over 2 years: whole days, as dates count, and a fractional time elapsed bands as
  // the whole days it reaches into (91.5 days elapsed ends on the 92nd day).
  EXPECT_EQ(duration_band(0), 0u);
  EXPECT_EQ(duration_band(91), 0u);
  EXPECT_EQ(duration_band(91.5), 1u);
  EXPECT_EQ(duration_band(92), 1u);
  EXPECT_EQ(duration_band(182), 1u);
  EXPECT_EQ(duration_band(183), 2u);
  EXPECT_EQ(duration_band(365), 2u);
  EXPECT_EQ(duration_band(366), 3u);
  EXPECT_EQ(duration_band(730), 3u);
  EXPECT_EQ(duration_band(731), 4u);
  EXPECT_EQ(duration_band(20000), 4u);
  EXPECT_EQ(group_labels(GroupKind::kDuration).size(), kDurationBands + 1);
  EXPECT_EQ(group_labels(GroupKind::kDuration).back(), "all");
}

TEST(Indicators, HistogramQuantileIsTheNearestRank) {
  // Completions at 1, 2, 2, 5, 9 working days: ranks ceil(0.25 * 5) = 2, ceil(0.5 * 5) = 3,
  // ceil(0.75 * 5) = 4.
  std::vector<std::uint32_t> h(12, 0);
  h[1] = 1;
  h[2] = 2;
  h[5] = 1;
  h[9] = 1;
  EXPECT_EQ(engine::quantile_of_histogram(h, 5, 0.25), 2.0);
  EXPECT_EQ(engine::quantile_of_histogram(h, 5, 0.5), 2.0);
  EXPECT_EQ(engine::quantile_of_histogram(h, 5, 0.75), 5.0);
  EXPECT_EQ(engine::quantile_of_histogram(h, 5, 1.0), 9.0);
  EXPECT_TRUE(std::isnan(engine::quantile_of_histogram(std::vector<std::uint32_t>(12, 0), 0, 0.5)));
}

// Seed 424242, one replication of the baseline over 24 months (April 2019 to March 2021):
// the identities below hold exactly in every month, whatever the draws.
TEST(Indicators, BandedFiguresAddUpToTheStocksAndFlows) {
  const Scenario s = testing::baseline_scenario(24);
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 424242, 0);
  const auto& m = r.monthly;
  double ended = 0;
  for (int month = 0; month < m.months; ++month) {
    SCOPED_TRACE(month);
    EXPECT_EQ(m.all(Metric::kCpOpenByDuration, month), m.all(Metric::kCpOpen, month));
    EXPECT_EQ(m.all(Metric::kCinEpisodesOpenByDuration, month), m.all(Metric::kOpenCases, month));
    EXPECT_EQ(m.all(Metric::kCpPlansEndedByDuration, month), m.all(Metric::kCpPlansEnded, month));
    ended += m.all(Metric::kCpPlansEnded, month);
    EXPECT_LE(m.all(Metric::kAssessmentP25Wd, month), m.all(Metric::kAssessmentMedianWd, month));
    EXPECT_LE(m.all(Metric::kAssessmentMedianWd, month), m.all(Metric::kAssessmentP75Wd, month));
    for (Metric pct : {Metric::kCla3PlusPlacementsPct, Metric::kCla3PlusSocialWorkersPct, Metric::kClaLongTermStabilityPct}) {
      EXPECT_GE(m.all(pct, month), 0.0);
      EXPECT_LE(m.all(pct, month), 100.0);
    }
  }
  EXPECT_GT(ended, 0);
  // April opens a financial year: the year to date is the month itself.
  for (int april : {0, 12}) {
    EXPECT_EQ(m.all(Metric::kAssessmentP25WdFy, april), m.all(Metric::kAssessmentP25Wd, april));
    EXPECT_EQ(m.all(Metric::kAssessmentMedianWdFy, april), m.all(Metric::kAssessmentMedianWd, april));
    EXPECT_EQ(m.all(Metric::kAssessmentP75WdFy, april), m.all(Metric::kAssessmentP75Wd, april));
  }
  // The warm start's CP plans began before the start, so some are over 3 months at once.
  EXPECT_GT(m.value(Metric::kCpOpenByDuration, 2, 0) + m.value(Metric::kCpOpenByDuration, 3, 0), 0);
}

// With no placement moves, each child in care keeps the placement it started in: every
// child in care 2.5+ years is in the same placement 2+ years (100%), and 3+ placements in a
// year need three entries into care within it (seed 99, 36 months so that children reach
// 2.5 years in care after the start; the warm start's placements count from care's start).
TEST(Indicators, WithoutPlacementMovesPlacementsAreStable) {
  Scenario s = testing::baseline_scenario(36);
  for (auto& epoch : s.epochs) epoch.parameters.care.placement_moves_per_year = 0;
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 99, 0);
  const auto& m = r.monthly;
  int measured = 0;
  for (int month = 0; month < m.months; ++month) {
    SCOPED_TRACE(month);
    const double stable = m.all(Metric::kClaLongTermStabilityPct, month);
    if (!std::isnan(stable)) {
      EXPECT_EQ(stable, 100.0);
      ++measured;
    }
    EXPECT_LT(m.all(Metric::kCla3PlusPlacementsPct, month), 1.0);
  }
  EXPECT_EQ(measured, m.months);
}

// With the baseline's moves (0.53 a year, a Poisson process), the long-term stability of
// the first year falls below 100%: some children moved in the last two years.
TEST(Indicators, PlacementMovesBreakLongTermStability) {
  const Scenario s = testing::baseline_scenario(36);
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 99, 0);
  EXPECT_LT(r.monthly.all(Metric::kClaLongTermStabilityPct, 35), 100.0);
  EXPECT_GT(r.monthly.all(Metric::kCla3PlusPlacementsPct, 35), 0.0);
  EXPECT_GT(r.monthly.all(Metric::kCla3PlusSocialWorkersPct, 35), 0.0);
}

// annual.csv's figure for a year measure is its value at the year's last month in the
// horizon (March; in the partial third year, June), and a stock is not in it. Seed 5,
// 3 replications, 27 months: the statistics across replications are the same numbers.
TEST(Indicators, AnnualYearMeasureIsTheLastMonthsValue) {
  const Scenario s = testing::baseline_scenario(27);
  const RunSummary summary = run_scenario(s, {3, 5, 2});
  const auto& layout = *summary.layout;
  ASSERT_EQ(summary.financial_years, (std::vector<int>{2019, 2020, 2021}));
  for (const auto& info : metric_catalogue()) {
    const std::size_t series = layout.series(info.metric, layout.all_group(info.metric));
    if (info.year == YearRule::kNone) {
      EXPECT_TRUE(summary.annual[series].empty()) << info.name;
      continue;
    }
    if (info.year != YearRule::kYearEnd) continue;
    SCOPED_TRACE(info.name);
    const std::vector<int> last_months = {11, 23, 26};
    for (std::size_t y = 0; y < last_months.size(); ++y) {
      const auto& month = summary.series[series];
      const auto m = static_cast<std::size_t>(last_months[y]);
      EXPECT_EQ(summary.annual[series][y].mean, month.mean[m]);
      EXPECT_EQ(summary.annual[series][y].p50, month.p50[m]);
    }
  }
}

}  // namespace
}  // namespace caseflow::sim
