// `caseflow compare`: a scenario against itself differs by exactly zero everywhere; the
// baseline against the agency reduction differs by exactly zero before the reduction starts
// (the common random numbers are real) and not after; bad input exits 2 and writes nothing;
// the differences' quantiles are those of the per-replication paired figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

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

using testing::read_csv;
using testing::run;
using testing::source;
fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("compare_command_test", name); }

using testing::metric_info;

// Zero as written: "0", or "0.00" for money (docs/outputs.md, "Numbers").
bool written_zero(const std::string& field) { return field == "0" || field == "0.00"; }

const char* const kDifferenceColumns[] = {"difference_mean", "difference_ci95_low", "difference_ci95_high",
                                          "difference_p10",  "difference_p50",      "difference_p90"};

TEST(CompareCommand, ScenarioAgainstItselfIsExactlyZeroInEveryRow) {
  const fs::path out = fresh_dir("self");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/baseline.yaml"), "--reps", "4",
                 "--horizon-months", "14", "--threads", "2", "--out", out.string()}),
            0);
  for (const char* file : {"compare_monthly.csv", "compare_annual.csv"}) {
    const auto t = read_csv(out / file);
    ASSERT_GT(t.rows.size(), 100u) << file;
    std::size_t paired_rows = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.at(r, "pairs") == "0") {  // a ratio with no denominator in any replication
        for (const char* c : kDifferenceColumns) EXPECT_EQ(t.at(r, c), "") << file << " row " << r << ' ' << c;
        continue;
      }
      ++paired_rows;
      EXPECT_EQ(t.at(r, "base_mean"), t.at(r, "alternative_mean")) << file << " row " << r;
      for (const char* c : kDifferenceColumns) {
        if (std::string(c).find("ci95") != std::string::npos && t.at(r, "pairs") == "1") continue;  // no interval
        EXPECT_TRUE(written_zero(t.at(r, c))) << file << " row " << r << ' ' << c << ": " << t.at(r, c);
      }
    }
    EXPECT_GT(paired_rows, t.rows.size() / 2) << file;
  }
  for (const char* f : {"compare.md", "summary.json", "base.resolved.yaml", "alternative1.resolved.yaml",
                        io::OutputDir::kMarker})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  fs::remove_all(out);
}

// The agency reduction (scenarios/agency-reduction.yaml) changes nothing before April 2020, so
// with common random numbers every replication of it is the baseline's, draw for draw, until
// then: any difference in 2019-20 would mean the pairing is broken (a draw keyed by something
// the change moves). From April 2020 the agency target falls, and agency staff must differ.
TEST(CompareCommand, CommonRandomNumbersPairEveryMonthBeforeTheChange) {
  const fs::path out = fresh_dir("agency");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/agency-reduction.yaml"), "--reps",
                 "4", "--horizon-months", "18", "--threads", "2", "--out", out.string()}),
            0);
  const auto t = read_csv(out / "compare_monthly.csv");
  std::size_t before = 0, agency_after_nonzero = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& month = t.at(r, "month");
    if (month < "2020-04") {
      ++before;
      if (t.at(r, "pairs") != "0") {
        EXPECT_TRUE(written_zero(t.at(r, "difference_mean"))) << t.at(r, "metric") << ' ' << t.at(r, "group") << ' ' << month;
      }
      EXPECT_EQ(t.at(r, "alternative"), "agency-reduction");
    } else if (t.at(r, "metric") == "fte_agency" && t.at(r, "group") == "all" && month >= "2020-06") {
      agency_after_nonzero += written_zero(t.at(r, "difference_mean")) ? 0 : 1;
    }
  }
  EXPECT_GT(before, 1000u);
  EXPECT_EQ(agency_after_nonzero, 4u);  // 2020-06 to 2020-09: agency staff fall with the target
  fs::remove_all(out);
}

TEST(CompareCommand, DifferenceQuantilesAreThoseOfThePerReplicationPairs) {
  const fs::path out = fresh_dir("pairs");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/agency-reduction.yaml"), "--reps",
                 "9", "--horizon-months", "15", "--threads", "2", "--per-replication", "--out", out.string()}),
            0);
  const auto pairs = read_csv(out / "per_replication_annual.csv");
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> differences;
  for (std::size_t r = 0; r < pairs.rows.size(); ++r) {
    const std::string& d = pairs.at(r, "difference");
    if (d.empty()) continue;
    // alternative - base, recomputed from the two exact figures, is the written difference
    // (money: both written to the penny, so the difference is, up to the decimals' binary error)
    const double recomputed = std::stod(pairs.at(r, "alternative")) - std::stod(pairs.at(r, "base")) + 0.0;
    if (io::is_money(metric_info(pairs.at(r, "metric"))))
      EXPECT_NEAR(std::stod(d), recomputed, 1e-6 * std::max(1.0, std::fabs(recomputed)));
    else
      EXPECT_EQ(std::stod(d), recomputed);
    differences[{pairs.at(r, "financial_year"), pairs.at(r, "metric"), pairs.at(r, "group")}].push_back(std::stod(d));
  }
  const auto summary = read_csv(out / "compare_annual.csv");
  ASSERT_EQ(summary.rows.size(), differences.size());
  std::size_t nonzero = 0;
  for (std::size_t r = 0; r < summary.rows.size(); ++r) {
    auto values = differences.at({summary.at(r, "financial_year"), summary.at(r, "metric"), summary.at(r, "group")});
    EXPECT_EQ(summary.at(r, "pairs"), std::to_string(values.size()));
    const engine::Spread s = engine::spread_of(values);
    const auto& info = metric_info(summary.at(r, "metric"));
    EXPECT_EQ(summary.at(r, "difference_p10"), io::metric_number(info, s.p10 + 0.0)) << r;
    EXPECT_EQ(summary.at(r, "difference_p50"), io::metric_number(info, s.p50 + 0.0)) << r;
    EXPECT_EQ(summary.at(r, "difference_p90"), io::metric_number(info, s.p90 + 0.0)) << r;
    nonzero += written_zero(summary.at(r, "difference_p50")) ? 0 : 1;
  }
  EXPECT_GT(nonzero, 10u);  // the check above must have had differences to check
  fs::remove_all(out);
}

TEST(CompareCommand, BadInputExitsTwoAndWritesNothing) {
  struct Case {
    const char* name;
    std::vector<std::string> scenarios;
  };
  const std::string base = source("scenarios/baseline.yaml");
  const std::vector<Case> cases = {
      {"missing", {base, source("tests/data/no_such_scenario.yaml")}},
      {"start", {base, source("tests/data/compare_later_start.yaml")}},
      {"horizon", {base, source("tests/data/compare_shorter_horizon.yaml")}},
      {"invalid", {base, source("tests/data/scenario_unknown_key.yaml")}},
      {"same_name", {base, source("tests/data/scenario_override_ok.yaml"), source("tests/data/scenario_override_ok.yaml")}},
      {"one", {base}},
  };
  for (const auto& c : cases) {
    const fs::path out = fresh_dir(std::string("bad_") + c.name);
    std::vector<std::string> args = {"compare"};
    args.insert(args.end(), c.scenarios.begin(), c.scenarios.end());
    for (const char* a : {"--reps", "2", "--out"}) args.push_back(a);
    args.push_back(out.string());
    EXPECT_EQ(run(args), 2) << c.name;
    EXPECT_FALSE(fs::exists(out)) << c.name;
  }
}

TEST(CompareCommand, AHorizonForAllMakesDifferentHorizonsComparable) {
  const fs::path out = fresh_dir("horizon");
  EXPECT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("tests/data/compare_shorter_horizon.yaml"),
                 "--reps", "2", "--horizon-months", "3", "--out", out.string()}),
            0);
  EXPECT_TRUE(fs::exists(out / "compare.md"));
  fs::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
