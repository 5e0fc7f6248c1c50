// Bad scenarios are user errors that name the file, the line and the key; good overrides
// through `extends:` and `changes:` load. Fixtures in tests/data/ extend the baseline and
// change one thing each.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "scenario_error_helpers.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

using testing::error_of;
using testing::expect_located;
using testing::fixture;

TEST(ScenarioErrors, UnknownKeySuggestsTheNearestKey) {
  expect_located("scenario_unknown_key.yaml", "workforce.agency_target_shar", "did you mean 'agency_target_share'");
}

TEST(ScenarioErrors, TextWhereANumberBelongs) {
  expect_located("scenario_wrong_type.yaml", "demand.trend_pct_per_year", "expected a number");
}

TEST(ScenarioErrors, SharesNotSummingToOne) {
  expect_located("scenario_shares_sum.yaml", "front_door.outcomes", "sum to");
}

TEST(ScenarioErrors, NegativeDuration) {
  expect_located("scenario_negative_duration.yaml", "cin_plan.duration", "negative");
}

TEST(ScenarioErrors, WorkingDayClocksNeedWorkingDays) {
  expect_located("scenario_s47_in_days.yaml", "referral.s47_duration", "must be given in working days");
  expect_located("scenario_assessment_in_weeks.yaml", "assessment.duration", "must be given in working days");
}

TEST(ScenarioErrors, NegativeFte) {
  expect_located("scenario_negative_fte.yaml", "workforce.teams.assessment.establishment_fte", "negative");
}

TEST(ScenarioErrors, ZeroCap) {
  expect_located("scenario_zero_cap.yaml", "workforce.teams.help_protection.cap_cases", "greater than 0");
}

TEST(ScenarioErrors, PolicyShareAboveOne) {
  expect_located("scenario_share_above_one.yaml", "workforce.agency_target_share", "between 0 and 1");
}

TEST(ScenarioErrors, ChangeWithUnknownKey) {
  expect_located("scenario_change_unknown_key.yaml", "agency_target_shar", "unknown key");
}

TEST(ScenarioErrors, MissingFileNamesTheFile) {
  const std::string path = fixture("no_such_scenario.yaml");
  const std::string message = error_of(path);
  EXPECT_NE(message.find("no_such_scenario.yaml"), std::string::npos) << message;
}

// A file written at test time: the baseline text with one line replaced, so the line
// number in the error can be checked exactly.
TEST(ScenarioErrors, ReplacedLineInACopyOfTheBaselineGivesItsLineNumber) {
  std::ifstream in(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  ASSERT_TRUE(in);
  std::string text, line;
  int line_no = 0, replaced = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (replaced == 0 && line.find("overdispersion_cv:") != std::string::npos) {
      line = "  overdispersion_cv: -0.1";
      replaced = line_no;
    }
    text += line + "\n";
  }
  ASSERT_GT(replaced, 0);
  const test::ScratchDir scratch;
  const auto path = scratch / "bad_overdispersion.yaml";
  std::ofstream(path) << text;
  const std::string message = error_of(path.string());
  EXPECT_NE(message.find("bad_overdispersion.yaml:" + std::to_string(replaced) + ":"), std::string::npos) << message;
  EXPECT_NE(message.find("demand.overdispersion_cv"), std::string::npos) << message;
}

TEST(ScenarioExtends, ChildOverridesOneValueAndInheritsTheRest) {
  const sim::Scenario base = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const sim::Scenario child = load_scenario(fixture("scenario_override_ok.yaml"));
  EXPECT_EQ(child.name, "baseline-agency-25");
  ASSERT_EQ(child.epochs.size(), 1u);
  const auto& w = child.epochs[0].parameters.workforce;
  EXPECT_DOUBLE_EQ(w.agency_target_share, 0.25);
  EXPECT_DOUBLE_EQ(base.epochs[0].parameters.workforce.agency_target_share, 0.30);
  // Everything else comes from the baseline.
  EXPECT_DOUBLE_EQ(w.initial_agency_share, base.epochs[0].parameters.workforce.initial_agency_share);
  EXPECT_DOUBLE_EQ(w.teams[sim::index(sim::Team::kHelpProtection)].establishment_fte,
                   base.epochs[0].parameters.workforce.teams[sim::index(sim::Team::kHelpProtection)].establishment_fte);
  EXPECT_EQ(child.initial.cla, base.initial.cla);
  EXPECT_EQ(child.seed, base.seed);
  EXPECT_NE(child.hash, base.hash);
}

TEST(ScenarioExtends, ValidChangeAddsAnEpoch) {
  const sim::Scenario s = load_scenario(fixture("scenario_change_ok.yaml"));
  ASSERT_EQ(s.epochs.size(), 2u);
  EXPECT_EQ(s.epochs[1].from, (engine::CivilDate{2020, 4, 1}));
  EXPECT_DOUBLE_EQ(s.epochs[0].parameters.workforce.agency_target_share, 0.30);
  EXPECT_DOUBLE_EQ(s.epochs[1].parameters.workforce.agency_target_share, 0.20);
  EXPECT_DOUBLE_EQ(s.epochs[1].parameters.workforce.initial_agency_share, 0.30);
}

}  // namespace
}  // namespace caseflow::io
