#include "io/initial_children.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

// This process's files, removed when it ends.
std::string write_temp(const std::string& name, const std::string& text) {
  static const test::ScratchDir scratch;
  return scratch.write(name, text);
}

const char* kHeader = "child,stage,days_in_stage,age_years,placement,cp_plans_before,s47_days\n";

TEST(InitialChildren, RoundTripsWhatItWrites) {
  std::vector<sim::InitialChild> children(4);
  children[0] = {"C1", sim::Stage::kCla, 551, 13.25, 2, 1, -1};
  children[1] = {"C2", sim::Stage::kAssessment, 12, 4.5, -1, 0, 6};
  children[2] = {"C3", sim::Stage::kCareLeaver, 646, 19.75, -1, 0, -1};
  children[3] = {"C4", sim::Stage::kAssessment, 11, 8.5, -1, 0, 9, true};  // a CIN plan's step-up
  std::ostringstream text;
  write_initial_children(text, children);
  const auto read = read_initial_children(write_temp("caseflow_children_ok.csv", text.str()));
  ASSERT_EQ(read.size(), 4u);
  EXPECT_NE(text.str().find("\nC4,cin_step_up,11,8.5,,0,9\n"), std::string::npos) << text.str();
  EXPECT_EQ(read[0].stage, sim::Stage::kCla);
  EXPECT_EQ(read[0].placement, 2);
  EXPECT_EQ(read[0].cp_plans_before, 1);
  EXPECT_DOUBLE_EQ(read[1].s47_days, 6);
  EXPECT_DOUBLE_EQ(read[2].age_years, 19.75);
  EXPECT_LT(read[2].s47_days, 0);
  EXPECT_FALSE(read[1].step_up);
  EXPECT_EQ(read[3].stage, sim::Stage::kAssessment);
  EXPECT_TRUE(read[3].step_up);
  EXPECT_DOUBLE_EQ(read[3].s47_days, 9);
}

TEST(InitialChildren, BadRowsNameTheFileLineAndField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {std::string(kHeader) + "C1,cla,10,7,nowhere,0,\n", ":2: placement"},
      {std::string(kHeader) + "C1,court,10,7,,0,\n", ":2: stage"},
      {std::string(kHeader) + "C1,cin_plan,ten,7,,0,\n", ":2: days_in_stage"},
      {std::string(kHeader) + "C1,cin_plan,10,7,,0,\nC2,cla,10,19,ifa,0,\n", ":3: age_years"},
      {std::string(kHeader) + "C1,cp_plan,10,7,,1.5,\n", ":2: cp_plans_before"},
      {std::string(kHeader) + "C1,cp_plan,10,7,,0,4\n", ":2: s47_days"},
      {std::string(kHeader) + "C1,cin_step_up,10,7,,0,\n", ":2: s47_days: a cin_step_up"},
      {std::string(kHeader) + "C1,cp_plan,10,7\n", ":2: expected 7 fields"},
      {"child,stage\nC1,cp_plan\n", ":1: expected the header"},
  };
  for (const auto& [text, expected] : cases) {
    try {
      read_initial_children(write_temp("caseflow_children_bad.csv", text));
      ADD_FAILURE() << "no error for: " << text;
    } catch (const UserError& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
}

TEST(InitialChildren, CountedStocksMustMatchTheFile) {
  sim::InitialStock stock;
  stock.children_file = "council.children.csv";
  stock.children = {{"C1", sim::Stage::kCp, 10, 7, -1, 0, -1}};
  stock.cp_plans = 2;
  try {
    check_initial_counts(stock, "council.yaml");
    ADD_FAILURE() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("initial_stock.cp_plans is 2 but council.children.csv holds 1"), std::string::npos) << e.what();
  }
  stock.cp_plans = 1;
  EXPECT_NO_THROW(check_initial_counts(stock, "council.yaml"));
}

// A file a scenario names is relative to the file that names it, as extends: is: a what-if in
// another folder extending a calibrated council keeps the council's children.
TEST(InitialChildren, TheFileIsRelativeToTheScenarioThatNamesIt) {
  const test::ScratchDir scratch;
  scratch.write("council/council.children.csv", std::string(kHeader) + "C1,cp_plan,10,7,,0,\n");
  scratch.write("council/council.yaml", "name: council\nextends: " + std::string(CASEFLOW_SOURCE_DIR) +
                                            "/scenarios/baseline.yaml\ninitial_stock:\n  assessments: 0\n  cin_plans: 0\n  cp_plans: 1\n"
                                            "  pre_proceedings: 0\n  proceedings: 0\n  cla: 0\n  care_leavers: 0\n"
                                            "  children: council.children.csv\n");
  const std::string what_if = scratch.write("what-ifs/more-staff.yaml", "name: more-staff\nextends: ../council/council.yaml\n");
  const sim::Scenario s = load_scenario(what_if);
  ASSERT_EQ(s.initial.children.size(), 1u);
  EXPECT_EQ(s.initial.children[0].id, "C1");
}

}  // namespace
}  // namespace caseflow::io
