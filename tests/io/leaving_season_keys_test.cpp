// workforce.leaving_by_month: optional (all 1, no season, when absent), read into the
// scenario, and a list that does not average 1 is a user error naming the file, line and key.
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "scenario_error_helpers.h"

namespace caseflow::io {
namespace {

TEST(LeavingSeasonKeys, AbsentIsFlatAndAGivenSeasonIsRead) {
  const sim::Scenario plain = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  for (double m : plain.epochs.front().parameters.workforce.leaving_by_month) EXPECT_EQ(m, 1.0);
  const sim::Scenario season = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/calibrate-leaving-season.yaml");
  EXPECT_EQ(season.epochs.front().parameters.workforce.leaving_by_month[7], 2.4);
  EXPECT_EQ(season.epochs.front().parameters.workforce.leaving_by_month[0], 0.7);
}

TEST(LeavingSeasonKeys, AMeanOtherThanOneIsLocated) {
  testing::expect_located("scenario_leaving_not_mean_one.yaml", "workforce.leaving_by_month", "the multipliers average 1.1");
}

}  // namespace
}  // namespace caseflow::io
