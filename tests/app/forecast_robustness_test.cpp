// The forecast on histories a council could really send: months of 0 that recur, a typing
// error of a million, and random damage. Each run must either refuse with io::UserError (exit
// status 2) or write only finite numbers with P10 <= P50 <= P90, and finish (a hang fails the
// test by its ctest timeout). Seeds are fixed: the same mutants every run.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/commands.h"
#include "app/forecast_command.h"
#include "io/user_error.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string month, source;
  double count;
};

std::vector<Row> example_rows() {
  std::ifstream in(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/history/example-referrals.csv");
  std::string line;
  std::getline(in, line);
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Row r;
    std::string count;
    std::getline(f, r.month, ',');
    std::getline(f, r.source, ',');
    std::getline(f, count, ',');
    r.count = std::stod(count);
    rows.push_back(r);
  }
  return rows;
}

fs::path write_history(const std::string& name, const std::vector<Row>& rows) {
  const fs::path dir = fs::path(CASEFLOW_BINARY_DIR) / "test-output" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream out(dir / "history.csv");
  out << "month,source,count\n";
  char number[64];
  for (const auto& r : rows) {
    std::snprintf(number, sizeof number, "%.0f", r.count);
    out << r.month << ',' << r.source << ',' << number << '\n';
  }
  return dir;
}

// Runs the forecast; "" when it refused with a UserError, else the outputs' faults ("" if none, "ok").
std::string forecast_faults(const fs::path& dir) {
  CLI::App app;
  add_forecast_command(app);
  try {
    app.parse("forecast " + (dir / "history.csv").string() + " --out " + (dir / "out").string() +
                  " --horizon-months 12 --simulations 200 --backtest-origins 2",
              false);
  } catch (const io::UserError&) {
    return "";
  }
  std::ifstream csv(dir / "out" / "forecast.csv");
  std::string line;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::istringstream f(line);
    std::string month, source, cell;
    std::getline(f, month, ',');
    std::getline(f, source, ',');
    std::vector<double> v;
    while (std::getline(f, cell, ',')) {
      if (cell.empty()) return "an empty number: " + line;
      v.push_back(std::stod(cell));
    }
    if (v.size() != 4) return "not four numbers: " + line;
    for (double x : v)
      if (!std::isfinite(x) || x < 0) return "not a finite count: " + line;
    if (!(v[1] <= v[2] && v[2] <= v[3])) return "quantiles out of order: " + line;
  }
  std::ifstream yaml(dir / "out" / "demand.yaml");
  const std::string text((std::istreambuf_iterator<char>(yaml)), std::istreambuf_iterator<char>());
  for (const char* bad : {"nan", "inf", "[,", ", ,"})
    if (text.find(bad) != std::string::npos) return std::string("demand.yaml holds '") + bad + "'";
  return "ok";
}

TEST(ForecastRobustness, ZerosEverySecondMonthFinishWithFiniteNumbers) {
  auto rows = example_rows();
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].source == "la_services" && (i / 6) % 2 == 0) rows[i].count = 0;  // six sources a month
  testing::internal::CaptureStderr();
  const std::string faults = forecast_faults(write_history("robust-zeros", rows));
  const std::string warnings = testing::internal::GetCapturedStderr();
  EXPECT_EQ(faults, "ok");
  EXPECT_NE(warnings.find("la_services"), std::string::npos) << warnings;  // the fallback is named
}

TEST(ForecastRobustness, AMillionInOneMonthIsFlaggedAndDoesNotWreckTheForecast) {
  auto rows = example_rows();
  for (auto& r : rows)
    if (r.source == "police" && r.month == "2023-08") r.count = 1'000'000;
  const fs::path dir = write_history("robust-outlier", rows);
  testing::internal::CaptureStderr();
  EXPECT_EQ(forecast_faults(dir), "ok");
  const std::string warnings = testing::internal::GetCapturedStderr();
  EXPECT_NE(warnings.find("2023-08 has 1000000"), std::string::npos) << warnings;
  // Police run about 400-650 a month in the example: the forecast stays there.
  std::ifstream csv(dir / "out" / "forecast.csv");
  std::string line;
  while (std::getline(csv, line))
    if (line.rfind("2024-08,police,", 0) == 0) {
      const double mean = std::stod(line.substr(15));
      EXPECT_GT(mean, 300);
      EXPECT_LT(mean, 1500);
    }
}

TEST(ForecastRobustness, RandomDamageIsRefusedOrGivesFiniteOrderedForecasts) {
  const auto original = example_rows();
  std::mt19937 rng(20261206);  // fixed: the same 40 damaged histories every run
  int refused = 0;
  for (int k = 0; k < 40; ++k) {
    auto rows = original;
    const int damage = 1 + static_cast<int>(rng() % 3);
    for (int d = 0; d < damage; ++d) {
      const std::size_t at = rng() % rows.size();
      switch (rng() % 6) {
        case 0: rows[at].count = 0; break;                                   // a lost month
        case 1: rows[at].count *= 1e4; break;                                // a typing error
        case 2:                                                              // a source gone quiet
          for (auto& r : rows)
            if (r.source == rows[at].source && r.month >= rows[at].month) r.count = 0;
          break;
        case 3:                                                              // zeros every k-th month
          for (std::size_t i = at % 6; i < rows.size(); i += 6 * (2 + rng() % 3)) rows[i].count = 0;
          break;
        case 4: rows.resize(std::max<std::size_t>(6, at - at % 6)); break;   // a short history
        default:                                                             // tiny counts
          for (auto& r : rows)
            if (r.source == rows[at].source) r.count = std::floor(r.count / 100);
      }
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string faults = forecast_faults(write_history("robust-random", rows));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (faults.empty()) ++refused;
    else EXPECT_EQ(faults, "ok") << "mutant " << k;
    EXPECT_LT(seconds, 30) << "mutant " << k;  // each takes well under a second unloaded
  }
  EXPECT_LT(refused, 40);  // most damaged histories are still forecast
}

}  // namespace
}  // namespace caseflow::app
