// care.entry_by_age: optional (every age alike when absent), settable by `changes:` (the
// bundled teen-care-entries-rise), and bands that miss an age or multipliers that do not
// match the bands are user errors naming the file, line and key.
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "scenario_error_helpers.h"

namespace caseflow::io {
namespace {

TEST(CareEntryByAgeKeys, AbsentIsEveryAgeAlikeAndAChangeSetsIt) {
  const sim::Scenario plain = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  EXPECT_FALSE(plain.epochs.front().parameters.care.entry_by_age_in_force());
  const sim::Scenario teens = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/teen-care-entries-rise.yaml");
  ASSERT_EQ(teens.epochs.size(), 2u);
  EXPECT_FALSE(teens.epochs.front().parameters.care.entry_by_age_in_force());
  const sim::Care& after = teens.epochs.back().parameters.care;
  EXPECT_EQ(after.entry_band_edges_years, (std::vector<double>{0, 14, 18}));
  EXPECT_DOUBLE_EQ(after.entry_multiplier_at(15), 1.3);
  EXPECT_DOUBLE_EQ(after.entry_multiplier_at(13), 1.0);
}

TEST(CareEntryByAgeKeys, BandsMustReach18) {
  testing::expect_located("scenario_entry_by_age_short.yaml", "band_edges_years", "must start at 0 and end at 18");
}

TEST(CareEntryByAgeKeys, OneMultiplierABand) {
  testing::expect_located("scenario_entry_by_age_count.yaml", "multipliers", "one multiplier per band");
}

}  // namespace
}  // namespace caseflow::io
