// The price index keys (prices.pay_award_pct, prices.placement_inflation_pct): read from a
// file into sim::PriceIndices, empty (prices held) when absent, and a value out of range is a
// user error naming the file, line and key.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/scenario_yaml.h"
#include "scenario_error_helpers.h"

namespace caseflow::io {
namespace {

TEST(PriceKeys, ReadIntoTheScenarioAndAbsentMeansPricesHeld) {
  const sim::Scenario priced = load_scenario(testing::fixture("scenario_prices_ok.yaml"));
  EXPECT_EQ(priced.prices.pay_award_pct, (std::vector<double>{2.75, 1.75, 4.0}));
  EXPECT_EQ(priced.prices.placement_inflation_pct, (std::vector<double>{3.0, 4.0}));
  EXPECT_DOUBLE_EQ(priced.prices.pay(2), 1.0275 * 1.0175);
  const sim::Scenario plain = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  EXPECT_TRUE(plain.prices.pay_award_pct.empty());
  EXPECT_TRUE(plain.prices.placement_inflation_pct.empty());
  EXPECT_DOUBLE_EQ(plain.prices.pay(4), 1.0);
  EXPECT_NE(priced.hash, plain.hash);  // the resolved scenario records the indices
}

TEST(PriceKeys, OutOfRangeIsLocated) {
  testing::expect_located("scenario_prices_out_of_range.yaml", "prices.pay_award_pct", "must be between -50 and 50 (got 80)");
}

}  // namespace
}  // namespace caseflow::io
