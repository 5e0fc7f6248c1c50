#include "app/forecast_command.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "app/commands.h"
#include "io/user_error.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(CASEFLOW_BINARY_DIR) / "test-output" / name;
  fs::remove_all(dir);
  return dir;
}

std::string example_history() { return std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/history/example-referrals.csv"; }

// Runs through CLI11 exactly as `caseflow forecast ...` would, on the bundled example
// (about 1,100-1,500 contacts a month; see scripts/make_example_history.py).
TEST(ForecastCommand, WritesPlausibleForecastOfTheExampleHistory) {
  const fs::path out = fresh_dir("forecast-example");
  CLI::App app;
  add_forecast_command(app);
  app.parse("forecast " + example_history() + " --horizon-months 24 --out " + out.string() + " --seed 7 --backtest-origins 6",
            false);
  ASSERT_TRUE(fs::exists(out / "forecast.csv"));
  ASSERT_TRUE(fs::exists(out / "backtest.csv"));
  ASSERT_TRUE(fs::exists(out / "demand.yaml"));

  std::ifstream csv(out / "forecast.csv");
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "month,source,mean,p10,p50,p90");
  int rows = 0, total_rows = 0;
  std::string last_row;
  while (std::getline(csv, line)) {
    ++rows;
    last_row = line;
    std::istringstream fields(line);
    std::string month, source, mean, p10, p50, p90;
    std::getline(fields, month, ',');
    std::getline(fields, source, ',');
    std::getline(fields, mean, ',');
    std::getline(fields, p10, ',');
    std::getline(fields, p50, ',');
    std::getline(fields, p90, ',');
    EXPECT_GT(std::stod(p10), 0.0) << line;
    EXPECT_LE(std::stod(p10), std::stod(p50)) << line;
    EXPECT_LE(std::stod(p50), std::stod(p90)) << line;
    if (source == "all") {
      ++total_rows;
      // The example runs 950-1,600 a month with +2-3% a year; two years on, a total outside
      // 900-2,000 would mean a broken trend or seasonal extrapolation.
      EXPECT_GT(std::stod(mean), 900.0) << line;
      EXPECT_LT(std::stod(mean), 2000.0) << line;
    }
  }
  EXPECT_EQ(rows, 24 * 7);  // six sources and the total
  EXPECT_EQ(total_rows, 24);
  EXPECT_EQ(last_row.substr(0, 7), "2026-03");  // history ends 2024-03

  std::ifstream yaml(out / "demand.yaml");
  const std::string text((std::istreambuf_iterator<char>(yaml)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("demand:\n  contacts_per_month:"), std::string::npos);
  EXPECT_NE(text.find("    police: "), std::string::npos);
  EXPECT_NE(text.find("monthly_profile: ["), std::string::npos);
  EXPECT_NE(text.find("2015-04..2024-03"), std::string::npos);
  // Nothing staged is left behind.
  for (const auto& entry : fs::directory_iterator(out)) EXPECT_EQ(entry.path().filename().string().rfind(".staging", 0), std::string::npos);
}

// The police level written to demand.yaml ("    police: 123.4  # fitted 154.3").
double written_police(const fs::path& demand_yaml, double* fitted) {
  std::ifstream in(demand_yaml);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("    police: ", 0) != 0) continue;
    const std::size_t hash = line.find("# fitted ");
    if (fitted && hash != std::string::npos) *fitted = std::stod(line.substr(hash + 9));
    return std::stod(line.substr(12));
  }
  ADD_FAILURE() << "no police level in " << demand_yaml;
  return 0;
}

// demand.yaml carries first contacts: the fitted level (all contacts in the history) x
// (1 - returning share), because the simulation adds returning children's contacts itself.
TEST(ForecastCommand, DemandYamlScalesLevelsToFirstContacts) {
  const fs::path none = fresh_dir("forecast-share-0");
  const fs::path quarter = fresh_dir("forecast-share-25");
  const fs::path fallback = fresh_dir("forecast-share-default");
  for (const auto& [dir, option] : {std::pair{none, std::string(" --returning-share 0")},
                                    std::pair{quarter, std::string(" --returning-share 0.25")},
                                    std::pair{fallback, std::string()}}) {
    CLI::App app;
    add_forecast_command(app);
    app.parse("forecast " + example_history() + " --out " + dir.string() + " --backtest-origins 0 --simulations 100" + option,
              false);
  }
  double fitted = 0;
  const double all_contacts = written_police(none / "demand.yaml", &fitted);
  EXPECT_NEAR(all_contacts, fitted, 0.05);
  EXPECT_GT(all_contacts, 300.0);  // the example's police run about 40% of 1,100-1,500
  EXPECT_NEAR(written_police(quarter / "demand.yaml", nullptr), 0.75 * fitted, 0.05);
  EXPECT_NEAR(written_police(fallback / "demand.yaml", nullptr), 0.80 * fitted, 0.05);  // default 0.2

  std::ifstream yaml(fallback / "demand.yaml");
  const std::string text((std::istreambuf_iterator<char>(yaml)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("FIRST contacts"), std::string::npos);
  EXPECT_NE(text.find("(1 - 0.20)"), std::string::npos);
  EXPECT_NE(text.find("school_terms: {holidays: []}"), std::string::npos);  // the fitted schools profile holds the terms
}

TEST(ForecastCommand, ReturningShareOutOfRangeIsRefused) {
  CLI::App app;
  add_forecast_command(app);
  EXPECT_THROW(app.parse("forecast " + example_history() + " --out " + fresh_dir("forecast-share-bad").string() +
                             " --returning-share 1.5",
                         false),
               CLI::ValidationError);
}

TEST(ForecastCommand, BadHistoryIsAUserErrorAndWritesNothing) {
  const fs::path dir = fresh_dir("forecast-bad");
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.csv";
  std::ofstream(bad) << "month,source,count\n2020-01,police,-1\n";
  CLI::App app;
  add_forecast_command(app);
  EXPECT_THROW(app.parse("forecast " + bad.string() + " --out " + (dir / "out").string(), false), io::UserError);
  EXPECT_FALSE(fs::exists(dir / "out" / "forecast.csv"));
}

TEST(ForecastCommand, InterventionOptionParses) {
  const auto iv = parse_intervention("strike:2022-11:2023-01");
  EXPECT_EQ(iv.name, "strike");
  EXPECT_EQ(iv.last_month, (models::forecast::YearMonth{2023, 1}));
  EXPECT_EQ(parse_intervention("pulse:2022-11").last_month, (models::forecast::YearMonth{2022, 11}));
  EXPECT_THROW(parse_intervention("x:2022-13"), io::UserError);
  EXPECT_THROW(parse_intervention("x:2023-02:2023-01"), io::UserError);
}

}  // namespace
}  // namespace caseflow::app
