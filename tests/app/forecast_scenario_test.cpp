// `caseflow forecast --base`: forecast.yaml is a complete scenario, and running it carries the
// forecast's uncertainty: the simulated contacts' P10-P90 band is as wide as the forecast's.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/forecast_command.h"
#include "app/simulation_options.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "models/forecast/quantile.h"
#include "sim/demand/level_paths.h"
#include "sim/runner.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + relative; }

std::string text_of(const fs::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One forecast of the example history on the baseline, shared by the tests of a process (it
// simulates the base three times to measure the returning share, about a second). The folder
// is named after the first test to ask, since ctest runs each test in a process of its own.
const fs::path& forecast_dir() {
  static const fs::path dir = [] {
    const fs::path out = fs::path(CASEFLOW_BINARY_DIR) / "test-output" /
                         ("forecast-scenario-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(out);
    CLI::App app;
    add_forecast_command(app);
    std::ostringstream summary;
    app.parse("forecast " + source_path("scenarios/history/example-referrals.csv") +
                  " --horizon-months 24 --backtest-origins 0 --seed 1 --base " + source_path("scenarios/baseline.yaml") +
                  " --out " + out.string(),
              false);
    return out;
  }();
  return dir;
}

TEST(ForecastScenario, ExtendsTheBaseFromTheMonthAfterTheHistory) {
  const std::string yaml = text_of(forecast_dir() / "forecast.yaml");
  // The path to the base is relative to forecast.yaml's folder, so the folder can move with the repository.
  const std::string extends =
      fs::proximate(source_path("scenarios/baseline.yaml"), fs::weakly_canonical(forecast_dir())).generic_string();
  EXPECT_NE(yaml.find("\nextends: " + extends + "\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\nstart_date: 2024-04-01"), std::string::npos);  // the history ends 2024-03
  EXPECT_NE(yaml.find("\nhorizon_months: 24"), std::string::npos);
  EXPECT_NE(yaml.find("  level_paths: demand_paths.csv"), std::string::npos);

  const sim::Scenario s = io::load_scenario((forecast_dir() / "forecast.yaml").string());
  EXPECT_EQ(s.start_date, (engine::CivilDate{2024, 4, 1}));
  EXPECT_EQ(s.initial.cla, io::load_scenario(source_path("scenarios/baseline.yaml")).initial.cla);  // the base's
  ASSERT_TRUE(s.demand_level_paths);
  EXPECT_EQ(s.demand_level_paths->paths, 500);
  EXPECT_EQ(s.demand_level_paths->months, 24);
  for (bool covered : s.demand_level_paths->covers) EXPECT_TRUE(covered);  // the example names all six sources
  // The returning share is measured, not the old default of 0.2: the base measures 0.19-0.23
  // depending on its demand (docs/forecast.md).
  const std::string demand = text_of(forecast_dir() / "demand.yaml");
  EXPECT_EQ(demand.find("(1 - 0.20)"), std::string::npos);
}

// The test the issue asks for. 200 replications of forecast.yaml, seed 20190401 (the base's);
// the forecast's band is from its 2,000 draws (seed 1). Compared: the P10-P90 width of
// `contacts` `all` against forecast.csv's `all`, averaged over the 24 months. Averaged because
// one month's width from 200 replications has a sampling SD of about 6% of itself (normal
// approximation to the P10 and P90 order statistics), too close to the 10% tolerance; over
// 24 months, which share their paths' parameter draws, it is about 2-3%. Measured: 0.974
// (per month 0.87-1.06). Without the paths (Poisson noise only) it was about 0.62 (issue 14).
TEST(ForecastScenario, SimulatedContactBandMatchesTheForecastBand) {
  sim::Scenario s = io::load_scenario((forecast_dir() / "forecast.yaml").string());
  const sim::Replications r = sim::simulate_replications(s, {200, 20190401, 2});

  std::map<std::string, double> forecast_width;
  std::ifstream csv(forecast_dir() / "forecast.csv");
  std::string line;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) f.push_back(cell);
    if (f.size() == 6 && f[1] == "all") forecast_width[f[0]] = std::stod(f[5]) - std::stod(f[3]);
  }
  ASSERT_EQ(forecast_width.size(), 24u);

  double simulated_sum = 0, forecast_sum = 0;
  int month = 0;
  const std::size_t all_contacts = r.layout->series(sim::Metric::kContacts, r.layout->all_group(sim::Metric::kContacts));
  for (const auto& [label, width] : forecast_width) {  // map order is month order (YYYY-MM)
    std::vector<double> contacts;
    for (std::size_t rep = 0; rep < r.count(); ++rep) contacts.push_back(r.series(rep, all_contacts)[month]);
    simulated_sum += models::forecast::quantile(contacts, 0.9) - models::forecast::quantile(contacts, 0.1);
    forecast_sum += width;
    ++month;
  }
  const double ratio = simulated_sum / forecast_sum;
  RecordProperty("width_ratio", std::to_string(ratio));
  EXPECT_NEAR(ratio, 1.0, 0.10) << "simulated P10-P90 width / forecast's, averaged over the horizon";
}

// Replication r follows path r mod paths, and its draws depend only on its id and the seed:
// with three paths or with only the first, replication 3 follows path 0 and gives the same
// figures exactly; replication 1 follows path 1 or path 0, and differs.
TEST(ForecastScenario, ReplicationFollowsPathByIdModuloPaths) {
  sim::Scenario s = io::load_scenario((forecast_dir() / "forecast.yaml").string());
  s.horizon_months = 3;
  auto first_paths = [&](int n) {
    auto paths = std::make_shared<sim::DemandLevelPaths>(*s.demand_level_paths);
    paths->paths = n;
    paths->contacts.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(paths->months) * sim::kSources);
    return paths;
  };
  sim::Scenario three = s, one = s;
  three.demand_level_paths = first_paths(3);
  one.demand_level_paths = first_paths(1);
  const sim::Replications a = sim::simulate_replications(three, {4, 7, 2});
  const sim::Replications b = sim::simulate_replications(one, {4, 7, 2});
  // NaN marks a month with no value (no NaN equals another), so compare the bits.
  auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
  };
  EXPECT_TRUE(same(a.monthly[3].values(), b.monthly[3].values()));
  EXPECT_TRUE(same(a.monthly[0].values(), b.monthly[0].values()));
  EXPECT_FALSE(same(a.monthly[1].values(), b.monthly[1].values()));
}

TEST(ForecastScenario, HorizonPastThePathsNamesTheLastMonthCovered) {
  sim::Scenario s = io::load_scenario((forecast_dir() / "forecast.yaml").string());
  SimulationOptions o;
  o.horizon_months = 25;
  try {
    o.apply_horizon(s);
    ADD_FAILURE() << "a horizon past the paths was accepted";
  } catch (const io::UserError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("--horizon-months"), std::string::npos) << message;
    EXPECT_NE(message.find("the last month covered is 2026-03"), std::string::npos) << message;
  }
  const fs::path dir = fs::path(CASEFLOW_BINARY_DIR) / "test-output" / "forecast-scenario-long";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(forecast_dir() / "demand_paths.csv", dir / "demand_paths.csv");
  std::string yaml = text_of(forecast_dir() / "forecast.yaml");
  yaml.replace(yaml.find("horizon_months: 24"), 18, "horizon_months: 30");
  const std::string base = "extends: ";
  const std::size_t at = yaml.find("\n" + base) + 1;
  yaml.replace(at, yaml.find('\n', at) - at, base + source_path("scenarios/baseline.yaml"));
  std::ofstream(dir / "forecast.yaml") << yaml;
  try {
    (void)io::load_scenario((dir / "forecast.yaml").string());
    ADD_FAILURE() << "a horizon past the paths was accepted";
  } catch (const io::UserError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("forecast.yaml"), std::string::npos) << message;
    EXPECT_NE(message.find("the last month covered is 2026-03"), std::string::npos) << message;
  }
}

TEST(ForecastScenario, BaseAndReturningShareTogetherAreRefused) {
  CLI::App app;
  add_forecast_command(app);
  EXPECT_THROW(app.parse("forecast " + source_path("scenarios/history/example-referrals.csv") + " --base " +
                             source_path("scenarios/baseline.yaml") + " --returning-share 0.2 --out " +
                             (fs::path(CASEFLOW_BINARY_DIR) / "test-output" / "forecast-scenario-both").string(),
                         false),
               CLI::ExcludesError);
}

}  // namespace
}  // namespace caseflow::app
