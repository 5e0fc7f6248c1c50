// care.by_age_at_entry: bands of age at entry into care, each with its exits, placement shares
// or moves. Read in order; a gap, a first band above 0, a last band short of 18, a band that
// sets nothing, shares that do not sum to 1 and moves out of range are user errors naming
// file, line and key; `changes:` may not set them. Bands equal to the
// pooled exits run exactly as the pooled exits do (the draws do not change). Fixtures in
// tests/data/care_bands_*.yaml.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "io/scenario_yaml.h"
#include "scenario_error_helpers.h"
#include "sim/runner.h"

namespace caseflow::io {
namespace {

using testing::error_of;
using testing::expect_located;
using testing::fixture;

TEST(CareBands, AreReadInOrder) {
  const sim::Scenario s = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/markov_different.yaml");
  const sim::Care& care = s.epochs.front().parameters.care;
  ASSERT_EQ(care.by_age_at_entry.size(), 5u);
  EXPECT_DOUBLE_EQ(care.by_age_at_entry[0].from_age_years, 0.0);
  EXPECT_DOUBLE_EQ(care.by_age_at_entry[4].to_age_years, 18.0);
  EXPECT_DOUBLE_EQ(care.by_age_at_entry[0].exits->exit_adoption, 0.40);
  EXPECT_DOUBLE_EQ(care.by_age_at_entry[4].exits->exit_other, 0.48);
  EXPECT_DOUBLE_EQ(care.by_age_at_entry[4].exits->duration_other.value, 8.0);  // median, in months
  EXPECT_EQ(care.band_at_entry_age(-0.1), 0u);
  EXPECT_EQ(care.band_at_entry_age(0.99), 0u);
  EXPECT_EQ(care.band_at_entry_age(1.0), 1u);
  EXPECT_EQ(care.band_at_entry_age(15.99), 3u);
  EXPECT_EQ(care.band_at_entry_age(16.0), 4u);
  EXPECT_EQ(care.band_at_entry_age(18.5), 4u);
  EXPECT_DOUBLE_EQ(care.exits_of_band(0).exit_adoption, 0.40);
}

TEST(CareBands, AbsentMeansThePooledExits) {
  const sim::Scenario s = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const sim::Care& care = s.epochs.front().parameters.care;
  EXPECT_TRUE(care.by_age_at_entry.empty());
  EXPECT_EQ(care.band_at_entry_age(17.0), 0u);
  EXPECT_EQ(&care.exits_of_band(0), static_cast<const sim::CareExits*>(&care));
}

TEST(CareBands, AGapBetweenBands) {
  expect_located("care_bands_gap.yaml", "care.by_age_at_entry[1].from_age", "previous band's to_age");
}
TEST(CareBands, TheFirstBandStartsAtZero) {
  expect_located("care_bands_not_from_zero.yaml", "care.by_age_at_entry[0].from_age", "start at 0");
}
TEST(CareBands, TheLastBandEndsAtEighteen) {
  expect_located("care_bands_short.yaml", "care.by_age_at_entry", "end at to_age 18");
}
TEST(CareBands, SharesSumToOne) {
  expect_located("care_bands_shares.yaml", "care.by_age_at_entry[0].exits_before_18", "sum to");
}
TEST(CareBands, ABandSetsSomething) {
  expect_located("care_bands_sets_nothing.yaml", "care.by_age_at_entry[1].to_age", "the band sets nothing");
}
TEST(CareBands, PlacementSharesSumToOne) {
  expect_located("care_bands_placement_shares.yaml", "care.by_age_at_entry[0].placement_shares", "sum to 0.9, not 1");
}
TEST(CareBands, MovesAYearAreBounded) {
  expect_located("care_bands_moves.yaml", "care.by_age_at_entry[0].placement_moves_per_year", "between 0 and 365 (got 400)");
}
TEST(CareBands, PlacementsWithoutExitsKeepTheCareWideExits) {
  const sim::Scenario s = load_scenario(fixture("care_bands_placements.yaml"));
  const sim::Care& care = s.epochs.front().parameters.care;
  ASSERT_EQ(care.by_age_at_entry.size(), 2u);
  EXPECT_FALSE(care.by_age_at_entry[1].exits.has_value());
  EXPECT_EQ(&care.exits_of_band(1), static_cast<const sim::CareExits*>(&care));
  EXPECT_DOUBLE_EQ(care.placement_shares_of_band(1)[static_cast<std::size_t>(sim::Placement::kResidential)], 1.0);
  EXPECT_DOUBLE_EQ(care.placement_moves_of_band(0), 0.0);
  EXPECT_DOUBLE_EQ(care.placement_moves_of_band(1), 2.0);
}
TEST(CareBands, NotInDatedChanges) {
  const std::string message = error_of(fixture("care_bands_in_changes.yaml"));
  EXPECT_NE(message.find("care.by_age_at_entry"), std::string::npos) << message;
  EXPECT_NE(message.find("care_bands_in_changes.yaml:"), std::string::npos) << message;
}

TEST(CareBands, BandsEqualToThePooledExitsRunTheSame) {
  // Seed 5, 2 replications of 24 months: any difference in a draw would show in the care
  // stocks and flows, which are compared exactly.
  sim::Scenario pooled = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  sim::Scenario banded = load_scenario(fixture("care_bands_same.yaml"));
  ASSERT_EQ(banded.epochs.front().parameters.care.by_age_at_entry.size(), 2u);
  pooled.horizon_months = banded.horizon_months = 24;
  const sim::RunSummary a = sim::run_scenario(pooled, {2, 5, 0});
  const sim::RunSummary b = sim::run_scenario(banded, {2, 5, 0});
  ASSERT_EQ(a.series.size(), b.series.size());
  // NaN marks a month no replication had a value for, in both.
  auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t m = 0; m < x.size(); ++m)
      if (!(x[m] == y[m] || (std::isnan(x[m]) && std::isnan(y[m])))) return false;
    return true;
  };
  for (std::size_t i = 0; i < a.series.size(); ++i) EXPECT_TRUE(same(a.series[i].mean, b.series[i].mean)) << "series " << i;
}

}  // namespace
}  // namespace caseflow::io
