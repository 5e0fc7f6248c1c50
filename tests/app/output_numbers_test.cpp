// Numbers in the outputs (docs/outputs.md, "Numbers"): in every file a baseline run and a
// compare write (per-replication files included), no number is in scientific notation and
// none is infinite or NaN; every money field is written with exactly 2 decimals. And the
// budget: budget.csv is annual.csv's cost rows, its total's quantiles those of each
// replication's total (per_replication_annual.csv), and the parts add up to the total
// replication by replication, to the penny.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "cli_in_process.h"
#include "csv_table.h"
#include "io/output_text.h"
#include "sim/engine/statistics.h"
#include "sim/metrics.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

using testing::read_csv;
using testing::run;
using testing::source;

const std::regex kExponent(R"((^|[^A-Za-z_])[-+]?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+)");
const std::regex kMoney(R"(-?[0-9]+\.[0-9]{2})");
const std::regex kNotFinite(R"((^|[^A-Za-z_])[-+]?(inf|nan|infinity)([^A-Za-z_]|$))", std::regex::icase);

bool money_metric(const std::string& name) {
  for (const auto& info : sim::metric_catalogue())
    if (name == info.name) return io::is_money(info);
  return false;  // not a metric column's value (a category, say)
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every text output of `folder`: no exponent form, nothing infinite; in every CSV the money
// fields have exactly 2 decimals. Returns the number of money fields checked.
std::size_t check_folder(const fs::path& folder) {
  std::size_t money_fields = 0, files = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const fs::path file = entry.path();
    if (file.extension() == ".xlsx" || !entry.is_regular_file()) continue;
    ++files;
    std::istringstream text(slurp(file));
    std::string line;
    int number = 0;
    while (std::getline(text, line)) {
      ++number;
      if (file.extension() == ".yaml" && line.rfind('#', 0) == 0) continue;
      // JSON strings (a hash, a revision) are text, not numbers: "9e3779b9" is no exponent.
      if (file.extension() == ".json") line = std::regex_replace(line, std::regex(R"("([^"\\]|\\.)*")"), "\"\"");
      EXPECT_FALSE(std::regex_search(line, kExponent)) << file.filename() << ':' << number << ": " << line;
      if (file.extension() != ".md") {
        EXPECT_FALSE(std::regex_search(line, kNotFinite)) << file.filename() << ':' << number << ": " << line;
      }
    }
    if (file.extension() != ".csv") continue;
    const auto t = read_csv(file);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::set<std::string> money_columns;
      const bool money_row = t.column.count("metric") && money_metric(t.at(r, "metric"));
      for (const auto& [name, c] : t.column) {
        const bool gbp_column = name.size() > 4 && name.compare(name.size() - 4, 4, "_gbp") == 0;
        const bool figure = name != "months" && name != "pairs" && name != "replication" && name != "financial_year" &&
                            name != "metric" && name != "group" && name != "alternative" && name != "month" &&
                            name != "category" && name != "figure";
        if (!(gbp_column || (money_row && figure))) continue;
        const std::string& field = t.rows[r][c];
        if (field.empty()) continue;
        EXPECT_TRUE(std::regex_match(field, kMoney)) << file.filename() << " row " << r << ' ' << name << ": " << field;
        ++money_fields;
      }
    }
  }
  EXPECT_GE(files, 5u) << folder;
  return money_fields;
}

TEST(OutputNumbers, RunAndCompareWriteNoExponentsAndMoneyToThePenny) {
  const fs::path run_out = testing::fresh_dir("output_numbers_test", "run");
  ASSERT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", "5", "--horizon-months", "15", "--threads", "2",
                 "--per-replication", "--out", run_out.string()}),
            0);
  EXPECT_GT(check_folder(run_out), 3000u);
  const fs::path compare_out = testing::fresh_dir("output_numbers_test", "compare");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/agency-reduction.yaml"), "--reps",
                 "5", "--horizon-months", "15", "--threads", "2", "--per-replication", "--out", compare_out.string()}),
            0);
  EXPECT_GT(check_folder(compare_out), 6000u);
  fs::remove_all(run_out);
  fs::remove_all(compare_out);
}

TEST(OutputNumbers, TheRuleOnEdgeValues) {
  EXPECT_EQ(io::summary_number(5.00773e7), "50077300");
  EXPECT_EQ(io::summary_number(50077312.6), "50077313");  // whole digits are never rounded away
  EXPECT_EQ(io::summary_number(0.1234567), "0.123457");
  EXPECT_EQ(io::summary_number(1e-5), "0.00001");
  EXPECT_EQ(io::summary_number(-2.5), "-2.5");
  EXPECT_EQ(io::summary_number(0.0), "0");
  EXPECT_EQ(io::summary_number(std::nan("")), "");
  EXPECT_EQ(io::summary_number(INFINITY), "");
  EXPECT_EQ(io::money_number(50077312.6049), "50077312.60");
  EXPECT_EQ(io::money_number(-0.001), "0.00");
  EXPECT_EQ(io::money_number(-12.5), "-12.50");
  EXPECT_EQ(io::money_number(-INFINITY), "");
  EXPECT_EQ(io::exact_number(1e-7), "0.0000001");
  EXPECT_EQ(io::without_exponents(R"({"a": 1e-05, "b": "1e-05", "c": [5.00773e+07, -2E3, 12]})"),
            R"({"a": 0.00001, "b": "1e-05", "c": [50077300, -2000, 12]})");
}

std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> per_replication(const fs::path& out) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>> v;
  const auto per = read_csv(out / "per_replication_annual.csv");
  for (std::size_t r = 0; r < per.rows.size(); ++r)
    if (!per.at(r, "value").empty())
      v[{per.at(r, "financial_year"), per.at(r, "metric"), per.at(r, "group")}].push_back(std::stod(per.at(r, "value")));
  return v;
}

TEST(Budget, LinesAreAnnualCostsAndTheTotalIsEachReplicationsTotal) {
  const fs::path out = testing::fresh_dir("output_numbers_test", "budget");
  ASSERT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", "9", "--horizon-months", "15", "--threads", "2",
                 "--per-replication", "--out", out.string()}),
            0);
  const auto budget = read_csv(out / "budget.csv");
  const auto annual = read_csv(out / "annual.csv");
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> annual_rows;
  for (std::size_t r = 0; r < annual.rows.size(); ++r)
    annual_rows[{annual.at(r, "financial_year"), annual.at(r, "metric"), annual.at(r, "group")}] = {
        annual.at(r, "mean"), annual.at(r, "p10"), annual.at(r, "p50"), annual.at(r, "p90")};
  const auto values = per_replication(out);
  // 2 financial years x (5 staff lines + 6 placement types + placements + total)
  ASSERT_EQ(budget.rows.size(), 2u * 13u);
  std::set<std::string> categories;
  for (std::size_t r = 0; r < budget.rows.size(); ++r) {
    const std::tuple<std::string, std::string, std::string> key{budget.at(r, "financial_year"), budget.at(r, "metric"),
                                                                budget.at(r, "group")};
    categories.insert(budget.at(r, "category"));
    const auto& a = annual_rows.at(key);
    EXPECT_EQ(budget.at(r, "mean_gbp"), a[0]) << r;
    EXPECT_EQ(budget.at(r, "p10_gbp"), a[1]) << r;
    EXPECT_EQ(budget.at(r, "p50_gbp"), a[2]) << r;
    EXPECT_EQ(budget.at(r, "p90_gbp"), a[3]) << r;
    auto v = values.at(key);
    const engine::Spread s = engine::spread_of(v);
    EXPECT_EQ(budget.at(r, "p90_gbp"), io::money_number(s.p90)) << r;
  }
  for (const char* c : {"permanent", "asye", "agency", "managers", "recruitment", "placements_residential", "placements",
                        "total"})
    EXPECT_TRUE(categories.count(c)) << c;
  // Replication by replication, the parts add up to the total to the penny.
  for (const std::string year : {"2019-20", "2020-21"}) {
    const auto& total = values.at({year, "total_cost_gbp", "all"});
    for (std::size_t rep = 0; rep < total.size(); ++rep) {
      double parts = 0;
      for (const char* m : {"permanent_cost_gbp", "asye_cost_gbp", "agency_cost_gbp", "manager_cost_gbp",
                            "recruitment_cost_gbp", "placement_cost_gbp"})
        parts += values.at({year, m, "all"})[rep];
      EXPECT_NEAR(total[rep], parts, 0.001) << year << " replication " << rep;
    }
  }
  fs::remove_all(out);
}

TEST(Budget, CompareBudgetOfAScenarioWithItselfIsZero) {
  const fs::path out = testing::fresh_dir("output_numbers_test", "budget_self");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/baseline.yaml"), "--reps", "3",
                 "--horizon-months", "13", "--threads", "2", "--out", out.string()}),
            0);
  const auto t = read_csv(out / "compare_budget.csv");
  ASSERT_EQ(t.rows.size(), 2u * 13u);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (const char* figure : {"mean", "p10", "p50", "p90"})
      EXPECT_EQ(t.at(r, std::string("base_") + figure + "_gbp"), t.at(r, std::string("alternative_") + figure + "_gbp")) << r;
    EXPECT_NE(t.at(r, "base_p90_gbp"), "") << r;
    for (const char* c : {"difference_mean_gbp", "difference_ci95_low_gbp", "difference_ci95_high_gbp",
                          "difference_p10_gbp", "difference_p50_gbp", "difference_p90_gbp"})
      EXPECT_EQ(t.at(r, c), "0.00") << r << ' ' << c;
  }
  fs::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
