// demand.shocks' `entries` and `uasc`: read into the shock (stages not named let everything
// through); a stage no outcome enters, a share above 1, a negative UASC multiplier, and
// `entries` on a workforce shock are user errors naming file, line and key. Fixtures in
// tests/data/shocks_*.yaml.
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "scenario_error_helpers.h"
#include "sim/stage.h"

namespace caseflow::io {
namespace {

using testing::expect_located;
using testing::fixture;

TEST(ShockKeys, EntriesAndUascAreRead) {
  const sim::Scenario s = load_scenario(fixture("shocks_entries_ok.yaml"));
  const auto& shocks = s.epochs.front().parameters.demand.shocks;
  ASSERT_EQ(shocks.size(), 1u);
  const sim::DemandShock& k = shocks.front();
  EXPECT_DOUBLE_EQ(k.uasc, 0.5);
  for (std::size_t stage = 0; stage < sim::kStandardStages; ++stage) {
    SCOPED_TRACE(stage);
    const double expected = stage == sim::stage_index(sim::Stage::kCla)           ? 0.67
                            : stage == sim::stage_index(sim::Stage::kProceedings) ? 0.8
                                                                                  : 1.0;
    EXPECT_DOUBLE_EQ(k.entries[stage], expected);
  }
}

TEST(ShockKeys, WithoutEntriesNothingIsHeldBack) {
  const sim::Scenario s = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const sim::DemandShock k{};
  EXPECT_TRUE(s.epochs.front().parameters.demand.shocks.empty());
  EXPECT_DOUBLE_EQ(k.uasc, 1.0);
  for (double share : k.entries) EXPECT_DOUBLE_EQ(share, 1.0);
}

TEST(ShockKeys, EntriesIntoAStageNoOutcomeEnters) {
  expect_located("shocks_entries_unknown_stage.yaml", "demand.shocks[0].entries.cp", "unknown key");
}

TEST(ShockKeys, EntriesAboveOne) {
  expect_located("shocks_entries_above_one.yaml", "demand.shocks[0].entries.cla", "between 0 and 1");
}

TEST(ShockKeys, NegativeUasc) { expect_located("shocks_uasc_negative.yaml", "demand.shocks[0].uasc", "negative"); }

TEST(ShockKeys, EntriesOnlyOnDemandShocks) {
  expect_located("shocks_workload_entries.yaml", "workforce.workload_shocks[0].entries", "unknown key");
}

}  // namespace
}  // namespace caseflow::io
