// Price indices (sim/scenario.h PriceIndices, docs/model.md "Costs and price indices"): the
// same scenario with a pay award and placement inflation simulates exactly the same events
// (prices change no decision), its first financial year costs what it did, and each later
// month's costs are the unindexed ones times the year's index, to the penny.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

TEST(PriceIndex, IndexCompoundsByFinancialYearAndHoldsPastTheList) {
  const PriceIndices p{{10, 5}, {}};
  EXPECT_DOUBLE_EQ(p.pay(0), 1.0);
  EXPECT_DOUBLE_EQ(p.pay(1), 1.1);
  EXPECT_DOUBLE_EQ(p.pay(2), 1.1 * 1.05);
  EXPECT_DOUBLE_EQ(p.pay(7), 1.1 * 1.05);  // past the list: held
  EXPECT_DOUBLE_EQ(p.placements(3), 1.0);  // empty: prices held
}

TEST(PriceIndex, CostsScaleByTheYearsIndexAndEventsDoNotChange) {
  // 15 months from April 2019: 12 months of 2019-20 (index 1) and 3 of 2020-21.
  const Scenario plain = testing::baseline_scenario(15);
  Scenario indexed = plain;
  indexed.prices.pay_award_pct = {10.0};
  indexed.prices.placement_inflation_pct = {20.0};
  const engine::Calendar cal(plain.start_date, 5, 40);
  const ReplicationResult a = run_replication(plain, cal, 8, 0);
  const ReplicationResult b = run_replication(indexed, cal, 8, 0);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.events, b.events);
  const auto& layout = *a.monthly.layout;
  for (int m = 0; m < a.monthly.months; ++m) {
    const bool second_year = m >= 12;
    const double pay = second_year ? 1.1 : 1.0, placements = second_year ? 1.2 : 1.0;
    for (const Metric metric : {Metric::kPermanentCostGbp, Metric::kAsyeCostGbp, Metric::kAgencyCostGbp,
                                Metric::kManagerCostGbp, Metric::kRecruitmentCostGbp, Metric::kPlacementCostGbp}) {
      const double index = metric == Metric::kPlacementCostGbp ? placements : pay;
      for (std::size_t g = 0; g < layout.groups(metric); ++g) {
        // Each group is rounded to the penny from its unrounded cost: against the rounded
        // plain figure times the index, half a penny of rounding each side (1.2 x 0.005 +
        // 0.005 < 0.011) per group, and "all" sums the groups' errors.
        const double tolerance = 0.011 * static_cast<double>(layout.groups(metric));
        EXPECT_NEAR(b.monthly.value(metric, g, m), a.monthly.value(metric, g, m) * index, tolerance)
            << info(metric).name << " group " << g << " month " << m;
      }
    }
    if (second_year) EXPECT_GT(b.monthly.all(Metric::kTotalCostGbp, m), a.monthly.all(Metric::kTotalCostGbp, m) * 1.09);
    else EXPECT_EQ(b.monthly.all(Metric::kTotalCostGbp, m), a.monthly.all(Metric::kTotalCostGbp, m));
  }
}

// Every cost is a whole number of pence and the parts add up to the penny: staff is permanent
// plus ASYE, and the total is staff, agency, managers, recruitment and placements.
TEST(PriceIndex, CostsAreWholePenceAndAddUp) {
  Scenario s = testing::baseline_scenario(15);
  s.prices.pay_award_pct = {2.75};
  s.prices.placement_inflation_pct = {4.0};
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 8, 1);
  const auto& v = r.monthly;
  auto pence = [](double gbp) { return std::llround(gbp * 100.0); };
  for (int m = 0; m < v.months; ++m) {
    for (const Metric metric : {Metric::kStaffCostGbp, Metric::kPermanentCostGbp, Metric::kAsyeCostGbp,
                                Metric::kAgencyCostGbp, Metric::kManagerCostGbp, Metric::kRecruitmentCostGbp,
                                Metric::kPlacementCostGbp, Metric::kTotalCostGbp}) {
      const double gbp = v.all(metric, m);
      EXPECT_NEAR(gbp * 100.0, static_cast<double>(pence(gbp)), 1e-4) << info(metric).name << " month " << m;
    }
    EXPECT_EQ(pence(v.all(Metric::kStaffCostGbp, m)),
              pence(v.all(Metric::kPermanentCostGbp, m)) + pence(v.all(Metric::kAsyeCostGbp, m)));
    EXPECT_EQ(pence(v.all(Metric::kTotalCostGbp, m)),
              pence(v.all(Metric::kStaffCostGbp, m)) + pence(v.all(Metric::kAgencyCostGbp, m)) +
                  pence(v.all(Metric::kManagerCostGbp, m)) + pence(v.all(Metric::kRecruitmentCostGbp, m)) +
                  pence(v.all(Metric::kPlacementCostGbp, m)))
        << "month " << m;
  }
}

}  // namespace
}  // namespace caseflow::sim
