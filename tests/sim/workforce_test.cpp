// The workforce against its own rules: a short-staffed team builds a backlog that clears
// when the establishment rises; agency staffing follows its target share; costs add up.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/runner.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

constexpr std::size_t kHp = index(Team::kHelpProtection);

// (a) Help & protection with 5 FTE against ~1,100 open CIN/CP cases; from month 12 the
// establishment is restored to 63. One replication, seed 4242: the effect is tens of cases
// or more, far beyond replication noise, so single-run assertions are safe.
TEST(Workforce, BacklogBuildsWhenShortStaffedAndClearsWhenStaffed) {
  Scenario s = testing::baseline_scenario(24);
  s.epochs[0].parameters.workforce.teams[kHp].establishment_fte = 5;
  Parameters staffed = s.epochs[0].parameters;
  staffed.workforce.teams[kHp].establishment_fte = 63;
  s.epochs.push_back({{2020, 4, 1}, staffed});  // month 12
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 4242, 0);
  auto backlog = [&](int month) { return r.monthly.value(Metric::kUnallocated, kHp, month); };
  // The same replication fully staffed throughout has (almost) no backlog: the difference is
  // the capacity shortfall, not noise.
  Scenario full = testing::baseline_scenario(24);
  const ReplicationResult staffed_run = run_replication(full, cal, 4242, 0);
  // Short-staffed: a large backlog through the first year.
  for (int m = 1; m < 12; ++m) {
    EXPECT_GT(backlog(m), 500) << "month " << m;
    EXPECT_LT(staffed_run.monthly.value(Metric::kUnallocated, kHp, m), 50) << "month " << m;
  }
  // Staffed from month 12: the backlog falls back toward zero within 12 months.
  EXPECT_LT(backlog(23), 0.1 * backlog(11));
}

// (b) Agency share from 30% to a 20% target from month 6. 4 replications, seed 31: about
// 147 posts in all, whole people, so the share moves in steps of ~0.7 points; leavers and
// lead times add a few points of noise per replication. 0.05 allows both with margin.
TEST(Workforce, AgencyShareFollowsTheTarget) {
  Scenario s = testing::baseline_scenario(18);
  Parameters lower = s.epochs[0].parameters;
  lower.workforce.agency_target_share = 0.2;
  s.epochs.push_back({{2019, 10, 1}, lower});  // month 6
  const RunSummary summary = run_scenario(s, {4, 31, 2});
  const auto& layout = series_layout();
  const auto& agency = summary.series[layout.series(Metric::kFteAgency, layout.all_group(Metric::kFteAgency))].mean;
  const auto& in_post = summary.series[layout.series(Metric::kFteInPost, layout.all_group(Metric::kFteInPost))].mean;
  // Measured (seed 31): 0.307 at month 0, 0.245 at month 3, 0.117 at month 6, 0.068 at month 17.
  EXPECT_NEAR(agency[0] / in_post[0], 0.30, 0.05);
  // The target is at least honoured as a ceiling once agency notice (28 days) has run.
  for (int m = 8; m < 18; ++m) EXPECT_LE(agency[m] / in_post[m], 0.20 + 0.05) << "month " << m;
  // DISABLED part, see the test below: the share should settle near the target.
}

// PRODUCT BUG / DESIGN GAP (reported): agency_target_share acts only as a ceiling.
// Workforce::review_team advertises permanent campaigns for every post not held by
// permanent staff and releases agency staff as permanent staff fill the posts, so the
// agency share drifts from 30% to ~7% within 18 months even before/without the change
// (0.276 at month 2, i.e. before the 20% target takes effect at month 6), instead of
// following the target. Same scenario and seed as above.
TEST(Workforce, AgencyShareSettlesAtTheTarget) {
  Scenario s = testing::baseline_scenario(18);
  Parameters lower = s.epochs[0].parameters;
  lower.workforce.agency_target_share = 0.2;
  s.epochs.push_back({{2019, 10, 1}, lower});
  const RunSummary summary = run_scenario(s, {4, 31, 2});
  const auto& layout = series_layout();
  const auto& agency = summary.series[layout.series(Metric::kFteAgency, layout.all_group(Metric::kFteAgency))].mean;
  const auto& in_post = summary.series[layout.series(Metric::kFteInPost, layout.all_group(Metric::kFteInPost))].mean;
  EXPECT_NEAR(agency[17] / in_post[17], 0.20, 0.05);
}

// (c) Costs add up: the annual figure is the sum of the months (the mean of per-replication
// sums equals the sum of the monthly means, up to rounding), and the total is the sum of
// its parts in every month of every replication.
TEST(Workforce, CostsAddUp) {
  const Scenario s = testing::baseline_scenario(15);
  const RunSummary summary = run_scenario(s, {3, 8, 2});
  const auto& layout = series_layout();
  const std::size_t total = layout.series(Metric::kTotalCostGbp, 0);
  const engine::Calendar cal(s.start_date, 5, 40);
  ASSERT_EQ(summary.financial_years, (std::vector<int>{2019, 2020}));
  for (std::size_t y = 0; y < summary.financial_years.size(); ++y) {
    double sum = 0;
    for (int m = 0; m < summary.months; ++m) {
      const auto d = cal.month_start(m);
      if ((d.month >= 4 ? d.year : d.year - 1) == summary.financial_years[y]) sum += summary.series[total].mean[m];
    }
    EXPECT_NEAR(summary.annual[total][y].mean, sum, 1e-6 * sum) << summary.financial_years[y];
    EXPECT_GT(sum, 0);
  }

  const ReplicationResult r = run_replication(s, cal, 8, 0);
  for (int m = 0; m < r.monthly.months; ++m) {
    const auto& v = r.monthly;
    const double parts = v.all(Metric::kStaffCostGbp, m) + v.all(Metric::kAgencyCostGbp, m) +
                         v.all(Metric::kManagerCostGbp, m) + v.all(Metric::kRecruitmentCostGbp, m) +
                         v.all(Metric::kPlacementCostGbp, m);
    EXPECT_NEAR(v.all(Metric::kTotalCostGbp, m), parts, 1e-9 * parts) << "month " << m;
    EXPECT_GT(v.all(Metric::kPlacementCostGbp, m), 0);
    EXPECT_GT(v.all(Metric::kAgencyCostGbp, m), 0);
  }
}

}  // namespace
}  // namespace caseflow::sim
