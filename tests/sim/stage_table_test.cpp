// The journey as data: a stage with ordinary routing is added by the stage table and the
// scenario alone, with no change to the journey's code, and the run routes children
// through it and reports it in the stage-grouped outputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "io/run_outputs.h"
#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/runner.h"
#include "sim/stage_table.h"
#include "test_scenario.h"
#include "tests/scratch_dir.h"

namespace caseflow::sim {
namespace {

constexpr std::uint64_t kSeed = 20190401;
constexpr double kFgcShareOfCinEndings = 0.10;

// The baseline with a family group conference after some CIN plans: 10% of CIN plans end
// in one (taken from "close"); it lasts about a month and then closes (60%) or returns the
// child to a CIN plan (40%).
Scenario with_family_group_conference(int months, Stage& fgc) {
  Scenario s = testing::baseline_scenario(months);
  auto table = std::make_shared<StageTable>(*s.stages);
  // The table: the new stage and the outcome that leads to it.
  fgc = table->add({.name = "family_group_conference",
                    .section = "family_group_conference",
                    .team = Team::kHelpProtection,
                    .case_weight = &WorkforceParams::weight_cin,
                    .priority = 2,
                    .duration_slot = keys::kFirstFreeSlot,
                    .outcome_slot = static_cast<keys::ChildSlot>(keys::kFirstFreeSlot + 1),
                    .outcomes = {{"close", Route::kClose}, {"cin_plan", Route::kEnter, Stage::kCin}}});
  table->outcomes_of(Stage::kCin).push_back({"family_group_conference", Route::kEnter, fgc});
  s.stages = table;
  // The scenario: the new stage's duration and shares, and CIN's share that leads to it.
  for (auto& epoch : s.epochs) {
    auto& routes = epoch.parameters.routes;
    Distribution month;
    month.kind = Distribution::Kind::kLognormal;
    month.value = 30;  // median days
    month.p90 = 50;
    routes.push_back({month, {0.6, 0.4}});
    auto& cin = routes[stage_index(Stage::kCin)].outcome_shares;  // close, step_down, step_up_cp, care
    cin[0] -= kFgcShareOfCinEndings;
    cin.push_back(kFgcShareOfCinEndings);
  }
  return s;
}

double total(const MonthlyResult& r, Metric m, std::size_t group) {
  double sum = 0;
  for (int month = 0; month < r.months; ++month) sum += r.value(m, group, month);
  return sum;
}

TEST(StageTable, AStageAddedByTheTableAndTheScenarioIsRoutedThrough) {
  Stage fgc{};
  const Scenario s = with_family_group_conference(24, fgc);
  const engine::Calendar calendar(s.start_date, 5, 10);
  const std::size_t g = stage_index(fgc) - 1;  // its stage group
  double cin_ended = 0, fgc_entries = 0, fgc_exits = 0;
  for (std::uint32_t rep = 0; rep < 6; ++rep) {
    const ReplicationResult r = run_replication(s, calendar, kSeed, rep);
    cin_ended += total(r.monthly, Metric::kCinPlansEnded, 0);
    fgc_entries += total(r.monthly, Metric::kStageEntries, g);
    fgc_exits += total(r.monthly, Metric::kStageExits, g);
  }
  // Every CIN ending draws its outcome once, so the conference's share of CIN endings is
  // binomial: about 16,000 endings over the 6 replications (16,339 at this seed) give a
  // standard error of 0.0023; the tolerance is 5 standard errors.
  ASSERT_GT(cin_ended, 10000);
  EXPECT_NEAR(fgc_entries / cin_ended, kFgcShareOfCinEndings, 0.012);
  // A month-long stage: nearly everyone who entered has left by the end, nobody left twice.
  EXPECT_LE(fgc_exits, fgc_entries);
  EXPECT_GT(fgc_exits, 0.95 * fgc_entries);
}

TEST(StageTable, TheAddedStageIsLabelledInTheOutputs) {
  Stage fgc{};
  const Scenario s = with_family_group_conference(3, fgc);
  RunOptions options;
  options.replications = 2;
  options.seed = kSeed;
  options.threads = 1;
  const RunSummary summary = run_scenario(s, options);
  const test::ScratchDir scratch;
  const auto folder = scratch / "out";
  io::write_run_outputs(folder.string(), s, options, summary, {});
  std::ifstream in(folder / "monthly.csv");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("2019-04,stage_entries,family_group_conference,"), std::string::npos);
  EXPECT_NE(text.str().find("2019-04,stage_entries,care_leaver,"), std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST(StageTable, RefusesAStageThatCannotBeRun) {
  const Scenario s = testing::baseline_scenario(1);
  Parameters params = s.epochs.front().parameters;
  EXPECT_NO_THROW(s.stages->validate(params));

  StageTable no_outcomes = *s.stages;
  no_outcomes.add({.name = "limbo", .team = Team::kHelpProtection, .case_weight = &WorkforceParams::weight_cin});
  Parameters one_more = params;
  one_more.routes.push_back({});
  EXPECT_THROW(no_outcomes.validate(one_more), std::invalid_argument);  // nothing would end it

  StageTable into_assessment = *s.stages;
  into_assessment.outcomes_of(Stage::kCin).push_back({"reassess", Route::kEnter, Stage::kAssessment});
  params.routes[stage_index(Stage::kCin)].outcome_shares.push_back(0.0);
  EXPECT_THROW(into_assessment.validate(params), std::invalid_argument);  // only a referral enters it

  StageTable standard = *s.stages;
  EXPECT_THROW(standard.validate(params), std::invalid_argument);  // shares no longer match outcomes
}

}  // namespace
}  // namespace caseflow::sim
