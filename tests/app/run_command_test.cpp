// The CLI in-process: user errors exit 2 and write nothing; a small run writes its four
// files; monthly.csv has the documented header and every catalogue metric.
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <unistd.h>

#include "cli_in_process.h"
#include "csv_table.h"
#include "metric_info.h"
#include "io/output_dir.h"
#include "io/output_text.h"
#include "sim/engine/statistics.h"
#include "sim/metrics.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

using testing::run;
using testing::source;
fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("run_command_test", name); }

using testing::metric_info;

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

// The one-line summary counts in words that agree with the count.
TEST(RunCommand, TheSummaryLineSaysOneReplicationAndOneMonth) {
  const fs::path out = fresh_dir("one");
  ::testing::internal::CaptureStdout();
  const int status = run({"run", source("scenarios/baseline.yaml"), "--reps", "1", "--horizon-months", "1", "--quiet", "--out", out.string()});
  const std::string printed = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(status, 0);
  EXPECT_NE(printed.find("'baseline': 1 replication x 1 month in "), std::string::npos) << printed;
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

// --per-replication: annual.csv's mean and P10/P50/P90 are those of the per-replication rows,
// and summary.json's headline spreads those of per_replication_headline.csv. Nine
// replications, so P10 and P90 fall between order statistics (interpolated, not a copy).
TEST(RunCommand, SummariesAreComputedFromThePerReplicationFigures) {
  const fs::path out = fresh_dir("per_replication");
  ASSERT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", "9", "--horizon-months", "15", "--threads", "2",
                 "--per-replication", "--out", out.string()}),
            0);
  const auto per = testing::read_csv(out / "per_replication_annual.csv");
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> values;
  for (std::size_t r = 0; r < per.rows.size(); ++r) {
    if (per.at(r, "value").empty()) continue;
    EXPECT_EQ(per.at(r, "value").find_first_of("eE"), std::string::npos) << "no scientific notation";
    values[{per.at(r, "financial_year"), per.at(r, "metric"), per.at(r, "group")}].push_back(std::stod(per.at(r, "value")));
  }
  const auto annual = testing::read_csv(out / "annual.csv");
  ASSERT_EQ(annual.rows.size(), values.size());
  for (std::size_t r = 0; r < annual.rows.size(); ++r) {
    auto v = values.at({annual.at(r, "financial_year"), annual.at(r, "metric"), annual.at(r, "group")});
    ASSERT_EQ(v.size(), 9u);
    const engine::Spread s = engine::spread_of(v);
    // Money is written to the penny, and each replication's yearly cost is whole pence, so
    // the statistics of the written figures are those caseflow computed (with 9 replications
    // no mean or interpolated quantile of whole pence falls on a half penny to round apart).
    const auto& info = metric_info(annual.at(r, "metric"));
    EXPECT_EQ(annual.at(r, "mean"), io::metric_number(info, s.mean)) << r;
    EXPECT_EQ(annual.at(r, "p10"), io::metric_number(info, s.p10)) << r;
    EXPECT_EQ(annual.at(r, "p50"), io::metric_number(info, s.p50)) << r;
    EXPECT_EQ(annual.at(r, "p90"), io::metric_number(info, s.p90)) << r;
  }

  const auto headline = testing::read_csv(out / "per_replication_headline.csv");
  std::map<std::string, std::vector<double>> horizon, final_month;
  for (std::size_t r = 0; r < headline.rows.size(); ++r) {
    if (!headline.at(r, "monthly_mean_over_horizon").empty())
      horizon[headline.at(r, "metric")].push_back(std::stod(headline.at(r, "monthly_mean_over_horizon")));
    if (!headline.at(r, "final_month").empty())
      final_month[headline.at(r, "metric")].push_back(std::stod(headline.at(r, "final_month")));
  }
  std::ifstream json_in(out / "summary.json");
  const auto summary = nlohmann::json::parse(json_in);
  for (const auto& m : sim::metric_catalogue()) {
    const auto& h = summary["headline"][m.name];
    const std::pair<const char*, const std::map<std::string, std::vector<double>>*> figures[] = {
        {"monthly_mean_over_horizon", &horizon}, {"final_month", &final_month}};
    for (const auto& [figure, by_metric] : figures) {
      if (!by_metric->count(m.name)) {
        EXPECT_TRUE(h[figure]["p50"].is_null()) << m.name;
        continue;
      }
      auto v = by_metric->at(m.name);
      const engine::Spread s = engine::spread_of(v);
      // A money headline is written to the penny in the CSV (a mean over months is not whole
      // pence), exactly in summary.json: they agree to half a penny.
      const double tolerance = io::is_money(m) ? 0.005 + 1e-6 : 0.0;
      EXPECT_NEAR(h[figure]["mean"].get<double>(), s.mean, tolerance) << m.name << ' ' << figure;
      EXPECT_NEAR(h[figure]["p10"].get<double>(), s.p10, tolerance) << m.name << ' ' << figure;
      EXPECT_NEAR(h[figure]["p90"].get<double>(), s.p90, tolerance) << m.name << ' ' << figure;
    }
  }
  fs::remove_all(out);
}

// --out defaults to out/<scenario name> in the working folder.
TEST(RunCommand, DefaultOutputFolderIsNamedForTheScenario) {
  const fs::path cwd = fresh_dir("default_out");
  fs::create_directories(cwd);
  const fs::path before = fs::current_path();
  fs::current_path(cwd);
  const int status = run({"run", source("tests/data/scenario_override_ok.yaml"), "--reps", "2", "--horizon-months", "2"});
  fs::current_path(before);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(fs::exists(cwd / "out" / "baseline-agency-25" / "monthly.csv"));
  fs::remove_all(cwd);
}

// A folder caseflow did not write is refused (exit 2, untouched) unless --force; a folder it
// did write is replaced, and a file only the earlier run wrote goes with it.
TEST(RunCommand, OutputFolderGuard) {
  const fs::path out = fresh_dir("guard");
  fs::create_directories(out);
  std::ofstream(out / "notes.txt") << "mine\n";
  const std::vector<std::string> small = {"run", source("scenarios/baseline.yaml"), "--reps", "2", "--horizon-months",
                                          "2", "--out", out.string()};
  EXPECT_EQ(run(small), 2);
  EXPECT_FALSE(fs::exists(out / "monthly.csv"));
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1);

  auto forced = small;
  forced.push_back("--force");
  EXPECT_EQ(run(forced), 0);
  EXPECT_TRUE(fs::exists(out / "monthly.csv"));
  EXPECT_TRUE(fs::exists(out / "notes.txt"));  // --force writes caseflow's files; it deletes none of yours
  fs::remove_all(out);

  std::ofstream(out) << "a file, not a folder\n";
  EXPECT_EQ(run(forced), 2);  // not even with --force
  fs::remove_all(out);

  fs::create_directories(out);
  auto with_pairs = small;
  with_pairs.push_back("--per-replication");
  EXPECT_EQ(run(with_pairs), 0);
  EXPECT_TRUE(fs::exists(out / "per_replication_annual.csv"));
  EXPECT_EQ(run(small), 0);  // caseflow's own folder: no --force needed
  EXPECT_FALSE(fs::exists(out / "per_replication_annual.csv"));
  EXPECT_FALSE(fs::exists(out / "per_replication_headline.csv"));
  EXPECT_TRUE(fs::exists(out / "monthly.csv"));
  EXPECT_TRUE(fs::exists(out / io::OutputDir::kMarker));
  fs::remove_all(out);
}

TEST(RunCommand, MetricsListsTheCatalogue) { EXPECT_EQ(run({"metrics"}), 0); }

}  // namespace
}  // namespace caseflow::app
