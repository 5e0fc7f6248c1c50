// `caseflow run REGION.yaml` (issue 15 point 1): each council's outputs are byte for byte those
// of running its scenario alone with its seed (1, 2 and 7 threads); the region's totals are
// made from the per-replication sums of the councils, checked against per-replication files
// that single runs wrote; and a bad region file exits 2 naming FILE:LINE:COL, with no outputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_in_process.h"
#include "csv_table.h"
#include "output_files.h"
#include "io/output_text.h"
#include "sim/engine/statistics.h"
#include "sim/metrics.h"
#include "sim/region_total.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::file_text;
using testing::read_csv;
using testing::run;
using testing::source;
using testing::without_wall_time;

fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("region_test", name); }

// Small enough for three thread counts: 6 replications of 14 months (two financial years).
const std::string kReps = "6";
const std::string kMonths = "14";
const std::vector<std::string> kCouncils{"small", "medium", "large"};
const std::uint64_t kRegionSeed = 20190401;  // scenarios/region-example/region.yaml's shared.seed

std::string region_file() { return source("scenarios/region-example/region.yaml"); }
// The council's file as the region names it: the region file's folder / `scenario:`.
std::string council_file(const std::string& name) {
  return (fs::path(region_file()).parent_path() / (name + ".yaml")).string();
}

int run_region(const fs::path& out, const std::string& threads, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"run", region_file(), "--reps", kReps, "--horizon-months", kMonths,
                                "--threads", threads, "--quiet", "--per-replication", "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

int run_council_alone(const std::string& name, const fs::path& out, const std::string& threads) {
  return run({"run", council_file(name), "--reps", kReps, "--horizon-months", kMonths, "--seed",
              std::to_string(sim::council_seed(kRegionSeed, name)), "--threads", threads, "--quiet",
              "--per-replication", "--out", out.string()});
}

class RegionThreads : public ::testing::TestWithParam<const char*> {};

TEST_P(RegionThreads, EachCouncilsOutputsAreThoseOfItsScenarioRunAlone) {
  const std::string threads = GetParam();
  const fs::path dir = fresh_dir("threads_" + threads);
  ASSERT_EQ(run_region(dir / "region", threads), 0);
  for (const auto& name : kCouncils) {
    ASSERT_EQ(run_council_alone(name, dir / name, threads), 0) << name;
    const fs::path in_region = dir / "region" / "councils" / name;
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(dir / name)) {
      const std::string file = entry.path().filename().string();
      if (file == ".caseflow-outputs") continue;
      ASSERT_TRUE(fs::exists(in_region / file)) << name << "/" << file;
      if (file == "summary.json")
        EXPECT_EQ(without_wall_time(file_text(in_region / file)), without_wall_time(file_text(entry.path()))) << name;
      else
        EXPECT_TRUE(file_text(in_region / file) == file_text(entry.path())) << name << "/" << file << " differs";
      ++compared;
    }
    EXPECT_EQ(compared, 7u) << name << ": monthly, annual, budget, summary, resolved scenario, two per-replication";
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(OneTwoSeven, RegionThreads, ::testing::Values("1", "2", "7"));

const sim::MetricInfo* metric_named(const std::string& name) {
  for (const auto& info : sim::metric_catalogue())
    if (name == info.name) return &info;
  return nullptr;
}

double number(const std::string& field) { return field.empty() ? std::nan("") : std::stod(field); }

// The region's annual.csv and per-replication files, from the single runs' per-replication
// files: replication r of the region is replication r of every council, summed; the quantiles
// are those of these sums. A region's yearly figure adds months then councils, the files give
// councils' yearly figures to add, so sums of money can differ in the last bits of a double:
// the per-replication sums are compared to a relative 1e-9, the written money figures to a
// penny (below), everything else to the written digit.
TEST(RegionTotal, QuantilesAreThoseOfTheCouncilsPerReplicationSums) {
  const fs::path dir = fresh_dir("total");
  ASSERT_EQ(run_region(dir / "region", "2"), 0);
  using Key = std::tuple<std::string, std::string, std::string>;  // financial year, metric, group
  std::map<Key, std::vector<double>> sums;                         // by replication
  for (const auto& name : kCouncils) {
    ASSERT_EQ(run_council_alone(name, dir / name, "2"), 0) << name;
    const auto t = read_csv(dir / name / "per_replication_annual.csv");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const sim::MetricInfo* info = metric_named(t.at(i, "metric"));
      ASSERT_NE(info, nullptr);
      if (!sim::summed_in_region(*info)) continue;
      auto& by_rep = sums[{t.at(i, "financial_year"), t.at(i, "metric"), t.at(i, "group")}];
      const auto rep = static_cast<std::size_t>(std::stoul(t.at(i, "replication")));
      if (by_rep.size() <= rep) by_rep.resize(rep + 1, 0.0);
      by_rep[rep] += number(t.at(i, "value"));
    }
  }
  ASSERT_FALSE(sums.empty());

  // The region's own per-replication figures are those sums.
  const auto per_rep = read_csv(dir / "region" / "per_replication_annual.csv");
  std::size_t rows = 0;
  for (std::size_t i = 0; i < per_rep.rows.size(); ++i) {
    const Key key{per_rep.at(i, "financial_year"), per_rep.at(i, "metric"), per_rep.at(i, "group")};
    ASSERT_TRUE(sums.count(key)) << per_rep.at(i, "metric") << " " << per_rep.at(i, "group");
    const double want = sums[key].at(std::stoul(per_rep.at(i, "replication")));
    EXPECT_NEAR(number(per_rep.at(i, "value")), want, 1e-9 * std::max(1.0, std::abs(want))) << per_rep.rows[i][1];
    ++rows;
  }
  EXPECT_EQ(rows, sums.size() * 6);

  // annual.csv: mean and P10/P50/P90 of the sums, never sums of the councils' quantiles.
  // Counts and FTE add exactly, so their figures must match to the written digit; money is
  // written to the penny, and a sum's last bits (months then councils, or councils' years)
  // can turn a mean or interpolated quantile that ends in half a penny either way: one penny.
  const auto annual = read_csv(dir / "region" / "annual.csv");
  std::size_t money_off_by_a_penny = 0;
  for (std::size_t i = 0; i < annual.rows.size(); ++i) {
    const sim::MetricInfo& info = *metric_named(annual.at(i, "metric"));
    const Key key{annual.at(i, "financial_year"), annual.at(i, "metric"), annual.at(i, "group")};
    ASSERT_TRUE(sums.count(key)) << annual.at(i, "metric");
    const engine::Spread s = engine::spread_of(sums[key]);
    const std::vector<std::pair<const char*, double>> figures{{"mean", s.mean}, {"p10", s.p10}, {"p50", s.p50}, {"p90", s.p90}};
    for (const auto& [column, want] : figures) {
      const std::string written = annual.at(i, column);
      if (written == io::metric_number(info, want)) continue;
      const std::string where = std::string(info.name) + " " + annual.at(i, "group") + " " + column;
      if (std::string(info.unit) != "GBP/month") {
        ADD_FAILURE() << where << ": " << written << ", from the sums " << io::metric_number(info, want);
        continue;
      }
      EXPECT_NEAR(number(written), want, 0.01 + 1e-6) << where;
      ++money_off_by_a_penny;
    }
  }
  EXPECT_EQ(annual.rows.size(), sums.size());
  EXPECT_LT(money_off_by_a_penny, annual.rows.size() * 4 / 20) << "a penny off should be rare";

  // The region sums no ratio: its rows are left out, and summary.json says which and why.
  const auto monthly = read_csv(dir / "region" / "monthly.csv");
  for (std::size_t i = 0; i < monthly.rows.size(); ++i)
    ASSERT_TRUE(sim::summed_in_region(*metric_named(monthly.at(i, "metric")))) << monthly.at(i, "metric");
  std::ifstream in(dir / "region" / "summary.json");
  const auto summary = nlohmann::json::parse(in);
  EXPECT_EQ(summary["region"]["name"], "region-example");
  ASSERT_EQ(summary["councils"].size(), 3u);
  for (std::size_t c = 0; c < kCouncils.size(); ++c) {
    const auto& council = summary["councils"][c];
    EXPECT_EQ(council["name"], kCouncils[c]);
    EXPECT_EQ(council["seed"], sim::council_seed(kRegionSeed, kCouncils[c]));
    std::ifstream alone(dir / kCouncils[c] / "summary.json");
    EXPECT_EQ(council["scenario"]["hash"], nlohmann::json::parse(alone)["scenario"]["hash"]);
  }
  // Named, not from summed_in_region, so that the rule itself is checked: shares, per-FTE
  // ratios and duration quartiles are not summed, counts, stocks, FTE and money are.
  for (const char* ratio : {"assessments_within_45wd_pct", "referral_decisions_within_1wd_pct", "agency_pct",
                            "caseload_per_fte", "assessment_median_wd", "assessment_p75_wd_fy",
                            "wait_to_allocation_days", "cla_3plus_placements_pct"}) {
    EXPECT_FALSE(summary["headline"].contains(ratio)) << ratio;
    EXPECT_NE(std::find(summary["metrics_not_summed"]["metrics"].begin(), summary["metrics_not_summed"]["metrics"].end(),
                        ratio),
              summary["metrics_not_summed"]["metrics"].end())
        << ratio;
  }
  for (const char* summed : {"contacts", "open_cases", "cla_open", "fte_in_post", "starters_fte", "total_cost_gbp",
                             "cp_open_by_duration"})
    EXPECT_TRUE(summary["headline"].contains(summed)) << summed;
  EXPECT_FALSE(summary["headline"].contains("caseload_per_fte"));
  EXPECT_TRUE(summary["headline"].contains("cla_open"));
  fs::remove_all(dir);
}

TEST(RegionTotal, CouncilSeedsDifferByNameAndFollowTheRegionSeed) {
  EXPECT_NE(sim::council_seed(1, "north"), sim::council_seed(1, "south"));
  EXPECT_NE(sim::council_seed(1, "north"), sim::council_seed(2, "north"));
  EXPECT_EQ(sim::council_seed(1, "north"), sim::council_seed(1, "north"));
}

// Without a region seed each council runs with its scenario's own seed; --seed gives every
// council one derived from it, as shared.seed does.
TEST(RegionSeeds, EachCouncilKeepsItsScenarioSeedUnlessTheRegionSetsOne) {
  const fs::path dir = fresh_dir("seeds");
  fs::create_directories(dir);
  std::ofstream(dir / "region.yaml") << "region: r\ncouncils:\n  - name: s\n    scenario: " << council_file("small")
                                     << "\n  - name: m\n    scenario: " << council_file("medium") << "\n";
  auto council_seeds = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"run", (dir / "region.yaml").string(), "--reps", "2", "--horizon-months", "2",
                                  "--quiet", "--out", (dir / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    EXPECT_EQ(run(args), 0);
    std::ifstream in(dir / "out" / "summary.json");
    const auto summary = nlohmann::json::parse(in);
    return std::vector<std::uint64_t>{summary["councils"][0]["seed"], summary["councils"][1]["seed"]};
  };
  // scenarios/region-example/small.yaml and medium.yaml set these seeds.
  EXPECT_EQ(council_seeds({}), (std::vector<std::uint64_t>{20190402, 20190403}));
  EXPECT_EQ(council_seeds({"--seed", "7"}), (std::vector<std::uint64_t>{sim::council_seed(7, "s"), sim::council_seed(7, "m")}));
  fs::remove_all(dir);
}

// A bad region file: exit 2, an error naming FILE:LINE:COL, and no output folder.
class BadRegion : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  // The council files of the bundled example, by absolute path.
  static std::string council(const std::string& name) { return council_file(name); }
  // Runs and validates the region; both must refuse it with `expected` in the message.
  void expect_refused(const fs::path& region, const std::string& expected, std::vector<std::string> extra = {}) {
    const fs::path out = dir_ / "out";
    std::vector<std::string> args{"run", region.string(), "--reps", "2", "--horizon-months", "2", "--quiet", "--out",
                                  out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(run(args), 2);
    const std::string error = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(error.find(expected), std::string::npos) << error;
    EXPECT_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(dir_))
      EXPECT_EQ(entry.path().filename().string().rfind(".out", 0), std::string::npos) << entry.path();
    if (!extra.empty()) return;  // an option of run, not of the file
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(run({"validate", region.string()}), 2);
    const std::string validate_error = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(validate_error.find(expected), std::string::npos) << validate_error;
  }
  fs::path dir_;
};

TEST_F(BadRegion, MissingCouncilFile) {
  const fs::path f = write("region.yaml", "region: r\ncouncils:\n  - name: a\n    scenario: " + council("small") +
                                              "\n  - name: b\n    scenario: nowhere.yaml\n");
  expect_refused(f, f.string() + ":6:15:");
}

TEST_F(BadRegion, DuplicateCouncilNames) {
  const fs::path f = write("region.yaml", "region: r\ncouncils:\n  - name: a\n    scenario: " + council("small") +
                                              "\n  - name: a\n    scenario: " + council("large") + "\n");
  expect_refused(f, f.string() + ":5:11: councils[1].name: council 'a' is named twice");
}

TEST_F(BadRegion, RegionInsideARegion) {
  write("inner.yaml", "region: inner\ncouncils:\n  - name: a\n    scenario: " + council("small") + "\n");
  const fs::path f = write("region.yaml", "region: r\ncouncils:\n  - name: a\n    scenario: inner.yaml\n");
  expect_refused(f, f.string() + ":4:15: councils[0].scenario:");
  expect_refused(f, "is a region file");
}

TEST_F(BadRegion, EmptyCouncilList) {
  const fs::path f = write("region.yaml", "region: r\ncouncils: []\n");
  expect_refused(f, f.string() + ":2:11: councils: a region needs at least one council");
}

TEST_F(BadRegion, ConflictingStartDates) {
  write("later.yaml", "extends: " + council("small") + "\nname: later\nstart_date: 2019-05-01\nhorizon_months: 12\n");
  const fs::path f = write("region.yaml", "region: r\ncouncils:\n  - name: a\n    scenario: " + council("small") +
                                              "\n  - name: b\n    scenario: later.yaml\n");
  expect_refused(f, f.string() + ":6:15: council 'b'");
  expect_refused(f, "start_date 2019-05-01, council 'a'");
  expect_refused(f, "has 2019-04-01");
}

TEST_F(BadRegion, ConflictingHorizonsUnlessShared) {
  write("short.yaml", "extends: " + council("small") + "\nname: short\nhorizon_months: 12\n");
  const fs::path f = write("region.yaml", "region: r\ncouncils:\n  - name: a\n    scenario: " + council("small") +
                                              "\n  - name: b\n    scenario: short.yaml\n");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"validate", f.string()}), 2);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find(f.string() + ":6:15: council 'b'"), std::string::npos);
  const fs::path shared = write("shared.yaml", "region: r\nshared:\n  horizon_months: 12\ncouncils:\n  - name: a\n    scenario: " +
                                                   council("small") + "\n  - name: b\n    scenario: short.yaml\n");
  EXPECT_EQ(run({"validate", shared.string()}), 0);
}

TEST_F(BadRegion, UnknownKey) {
  const fs::path f = write("region.yaml", "region: r\nseed: 3\ncouncils:\n  - name: a\n    scenario: " + council("small") + "\n");
  expect_refused(f, f.string() + ":2:1: unknown key 'seed'");
}

TEST(RegionValidate, TheBundledExampleIsValid) { EXPECT_EQ(run({"validate", region_file()}), 0); }

}  // namespace
}  // namespace caseflow::app
