// The CLI in-process: user errors exit 2 and write nothing; a small run writes its four
// files; monthly.csv has the documented header and every catalogue metric.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_in_process.h"
#include "sim/metrics.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

using testing::run;
using testing::source;
fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("run_command_test", name); }

TEST(RunCommand, ValidateBadFileIsAUserError) {
  EXPECT_EQ(run({"validate", source("tests/data/scenario_zero_cap.yaml")}), 2);
  EXPECT_EQ(run({"validate", source("tests/data/no_such_file.yaml")}), 2);
}

TEST(RunCommand, ValidateGoodFile) { EXPECT_EQ(run({"validate", source("scenarios/baseline.yaml")}), 0); }

TEST(RunCommand, RunBadScenarioWritesNothing) {
  const fs::path out = fresh_dir("bad");
  EXPECT_EQ(run({"run", source("tests/data/scenario_unknown_key.yaml"), "--reps", "2", "--horizon-months", "2",
                 "--out", out.string()}),
            2);
  EXPECT_FALSE(fs::exists(out / "monthly.csv"));
  fs::remove_all(out);
}

TEST(RunCommand, RunWritesFourFilesWithEveryMetric) {
  const fs::path out = fresh_dir("ok");
  ASSERT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", "4", "--horizon-months", "6", "--threads", "2",
                 "--out", out.string()}),
            0);
  for (const char* f : {"monthly.csv", "annual.csv", "summary.json", "scenario.resolved.yaml"})
    EXPECT_TRUE(fs::exists(out / f)) << f;

  std::ifstream in(out / "monthly.csv");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "month,metric,group,mean,p10,p50,p90");
  std::set<std::string> seen;
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string month, metric;
    std::getline(fields, month, ',');
    std::getline(fields, metric, ',');
    seen.insert(metric);
    ++rows;
  }
  for (const auto& m : sim::metric_catalogue()) EXPECT_TRUE(seen.count(m.name)) << m.name;
  EXPECT_EQ(seen.size(), sim::metric_catalogue().size());
  EXPECT_GE(rows, 6 * sim::metric_catalogue().size());
  fs::remove_all(out);
}

TEST(RunCommand, MetricsListsTheCatalogue) { EXPECT_EQ(run({"metrics"}), 0); }

}  // namespace
}  // namespace caseflow::app
