// The season of leaving (workforce.leaving_by_month): each staff type's leaving rate by
// calendar month, the rate's yearly average unchanged. The baseline, 60 months from April
// 2019, 20 replications, seed 77, with a summer peak against none.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "sim/runner.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

constexpr std::array<double, 12> kSeason = {0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 1.4, 2.4, 1.8, 0.7, 0.7, 0.7};
constexpr std::array<double, 12> kDays = {31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

struct ByMonth {
  std::array<double, 12> leavers{};  // FTE leaving in each calendar month, all replications and years
  double total = 0;
};

ByMonth leavers_by_calendar_month(const std::array<double, 12>& season) {
  Scenario s = testing::baseline_scenario(60);
  for (auto& epoch : s.epochs) epoch.parameters.workforce.leaving_by_month = season;
  const RunSummary run = run_scenario(s, {20, 77, 0});
  const auto& mean = run.series[run.layout->series(Metric::kLeaversFte, run.layout->all_group(Metric::kLeaversFte))].mean;
  ByMonth out;
  for (int m = 0; m < 60; ++m) {
    const std::size_t calendar_month = static_cast<std::size_t>((3 + m) % 12);  // month 0 is April
    out.leavers[calendar_month] += mean[static_cast<std::size_t>(m)];
    out.total += mean[static_cast<std::size_t>(m)];
  }
  return out;
}

// A month's leavers per day over the mean of the twelve: the season as the run shows it.
std::array<double, 12> shown(const ByMonth& b) {
  double mean_rate = 0;
  for (std::size_t m = 0; m < 12; ++m) mean_rate += b.leavers[m] / kDays[m] / 12;
  std::array<double, 12> out{};
  for (std::size_t m = 0; m < 12; ++m) out[m] = b.leavers[m] / kDays[m] / mean_rate;
  return out;
}

// Each calendar month holds about 20 x 5 x 3 = 300 FTE leavers at a flat rate (the baseline's
// ~36 a year), so a month's share has a Poisson error near 6% (more in August: 2.4 times the
// leavers, 4%); 0.2 on a multiplier is over three of them at 0.7 and two and a half at 2.4. The
// yearly total moves only with the staffing it changes: within 5%.
TEST(LeavingSeason, LeaversFollowTheSeasonAndKeepTheYearsTotal) {
  const ByMonth flat = leavers_by_calendar_month({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
  const ByMonth seasonal = leavers_by_calendar_month(kSeason);
  const auto flat_shown = shown(flat), seasonal_shown = shown(seasonal);
  for (std::size_t m = 0; m < 12; ++m) {
    std::printf("month %zu: flat %.3f, seasonal %.3f (asked %.2f)\n", m + 1, flat_shown[m], seasonal_shown[m], kSeason[m]);
    EXPECT_NEAR(flat_shown[m], 1.0, 0.2) << "month " << m + 1;
    EXPECT_NEAR(seasonal_shown[m], kSeason[m], 0.2) << "month " << m + 1;
  }
  std::printf("leavers over 5 years, mean of 20 replications: flat %.1f, seasonal %.1f\n", flat.total, seasonal.total);
  EXPECT_NEAR(seasonal.total / flat.total, 1.0, 0.05);
}

}  // namespace
}  // namespace caseflow::sim
