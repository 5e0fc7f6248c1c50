// `caseflow project` in-process: markov.csv has the documented header, one row per month and
// stage, finite numbers; bad input exits 2 and writes nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

using testing::run;
using testing::source;
fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("project_command_test", name); }

TEST(ProjectCommand, WritesEveryStageForEveryMonth) {
  const fs::path out = fresh_dir("ok");
  ASSERT_EQ(run({"project", source("scenarios/baseline.yaml"), "--horizon-months", "14", "--out", out.string()}), 0);
  std::ifstream in(out / "markov.csv");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "month,stage,stock,starts,ends");
  std::set<std::string> months, stages;
  int rows = 0;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string month, stage, field;
    std::getline(row, month, ',');
    std::getline(row, stage, ',');
    months.insert(month);
    stages.insert(stage);
    for (int k = 0; k < 3; ++k) {
      ASSERT_TRUE(std::getline(row, field, ',')) << line;
      const double value = std::stod(field);
      EXPECT_TRUE(std::isfinite(value) && value >= 0) << line;
    }
    ++rows;
  }
  EXPECT_EQ(rows, 14 * 7);
  EXPECT_EQ(months.size(), 14u);
  EXPECT_TRUE(months.count("2019-04") && months.count("2020-05"));
  EXPECT_EQ(stages, (std::set<std::string>{"assessment", "cin", "cp", "pre_proceedings", "proceedings", "cla", "care_leaver"}));
  fs::remove_all(out);
}

TEST(ProjectCommand, ABadScenarioIsAUserErrorAndWritesNothing) {
  const fs::path out = fresh_dir("bad");
  EXPECT_EQ(run({"project", source("tests/data/scenario_unknown_key.yaml"), "--out", out.string()}), 2);
  EXPECT_FALSE(fs::exists(out / "markov.csv"));
  EXPECT_EQ(run({"project", source("tests/data/no_such_file.yaml"), "--out", out.string()}), 2);
  fs::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
