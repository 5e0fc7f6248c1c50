// The season of leaving from the workforce census (calibrate/leaving_season.h).
#include "calibrate/leaving_season.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "calibrate/calibration.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "sanitizer_build.h"
#include "sim/engine/civil_date.h"

namespace caseflow::calibrate {
namespace {

std::vector<returns::Day> days_in_months(const std::array<int, 12>& counts, int year) {
  std::vector<returns::Day> days;
  for (int m = 0; m < 12; ++m)
    for (int i = 0; i < counts[static_cast<std::size_t>(m)]; ++i) days.push_back(engine::days_from_civil({year, m + 1, 1 + i % 28}));
  return days;
}

TEST(LeavingSeason, ByHand) {
  // 10 leavers in every month: February's per-day rate is the highest. Each multiplier is
  // 10 / the month's days over the mean of the twelve; against counts in proportion to the
  // days, the likelihood ratio is small.
  const LeavingSeason even = leaving_season(days_in_months({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 2022));
  EXPECT_EQ(even.total, 120);
  double mean_rate = 0;
  const std::array<double, 12> days = {31, 28.2425, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (double d : days) mean_rate += 10 / d / 12;
  for (std::size_t m = 0; m < 12; ++m) EXPECT_NEAR(even.multipliers[m], 10 / days[m] / mean_rate, 1e-12);
  EXPECT_LT(even.likelihood_ratio, 1.0);
  EXPECT_FALSE(even.beats_flat());
  EXPECT_NEAR(even.penalty, 11 * std::log(120.0), 1e-12);
  // Every multiplier inside its own interval, and the means of the twelve 1.
  double sum = 0;
  for (std::size_t m = 0; m < 12; ++m) {
    EXPECT_LT(even.low[m], even.multipliers[m]);
    EXPECT_GT(even.high[m], even.multipliers[m]);
    sum += even.multipliers[m];
  }
  EXPECT_NEAR(sum / 12, 1.0, 1e-12);
  // Half of 240 leavers in August: far beyond the penalty.
  const LeavingSeason august = leaving_season(days_in_months({11, 11, 11, 11, 11, 11, 10, 120, 11, 11, 11, 11}, 2022));
  EXPECT_TRUE(august.beats_flat());
  EXPECT_GT(august.multipliers[7], 5.0);
  EXPECT_EQ(leaving_season({}).total, 0);
  EXPECT_FALSE(leaving_season({}).beats_flat());
}

// Round trip: the large council with a summer peak of leaving (tests/data/calibrate-leaving-
// season.yaml), one replication written as five years of returns (synth, seed 20190401), and
// calibrated as of 31 March 2024: the season is written, and each month's 95% interval covers
// the true multiplier in about 95% of months (at least 10 of 12: 12 months at 95% leave 1 or
// more outside with probability 0.46, 3 or more 0.02). The baseline's flat rate: not written.
TEST(LeavingSeason, TheCensusGivesBackASeasonAndNoneWhereThereIsNone) {
  if (caseflow::testing::sanitizer_build()) GTEST_SKIP() << "five years of the large council: slow under the sanitizers";
  const std::string path = std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/calibrate-leaving-season.yaml";
  const sim::Scenario truth = io::load_scenario(path);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  CalibrationRequest request{"synthetic", engine::days_from_civil({2024, 3, 31}), 3, path, "leaving_season_test.children.csv"};
  request.at_normal_pace = false;  // not what this test is about, and it costs a simulated year or two
  const Calibration c = calibrate_council(run.history, truth, request);
  ASSERT_TRUE(c.estimates.keys.count("workforce.leaving_by_month")) << "the season was not written";
  std::printf("%s\n", c.estimates.keys.at("workforce.leaving_by_month").comment.c_str());
  const sim::Scenario council = load_calibrated(c);
  const auto& estimated = council.epochs.front().parameters.workforce.leaving_by_month;
  const auto& asked = truth.epochs.front().parameters.workforce.leaving_by_month;
  // The intervals, recomputed from the returns as calibrate reads them.
  std::vector<returns::Day> leaving;
  for (const auto& w : run.history.workers)
    if (!w.agency && !w.reason_leave.empty() && w.role_end && w.census_year >= 2021 && w.census_year <= 2023) leaving.push_back(*w.role_end);
  const LeavingSeason season = leaving_season(leaving);
  int covered = 0;
  for (std::size_t m = 0; m < 12; ++m) {
    std::printf("month %zu: true %.2f, estimated %.3f (95%% %.2f-%.2f)\n", m + 1, asked[m], estimated[m], season.low[m], season.high[m]);
    EXPECT_NEAR(estimated[m], season.multipliers[m], 0.005);
    covered += season.low[m] <= asked[m] && asked[m] <= season.high[m];
  }
  EXPECT_GE(covered, 10);

  const sim::Scenario baseline = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const synth::SynthRun flat_run = synth::synthesize(baseline, 5, std::nullopt);
  const Calibration flat = calibrate_council(flat_run.history, baseline, request);
  EXPECT_FALSE(flat.estimates.keys.count("workforce.leaving_by_month"));
}

}  // namespace
}  // namespace caseflow::calibrate
