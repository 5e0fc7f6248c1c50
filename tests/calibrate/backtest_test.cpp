// The back-test on caseflow's own synthetic returns: five years of the baseline (its seed,
// 20190401), calibrated on the three years to 31 March 2022 and run 40 replications for the
// 24 months after. The returns then hold one replication of the same scenario the calibration
// tries to recover, so a sound calibration forecasts it closely and its P10-P90 band holds
// most actual months.
#include "calibrate/backtest.h"

#include <gtest/gtest.h>


#include "calibrate/calibration.h"
#include "calibrate/markov_projection.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"

namespace caseflow::calibrate {
namespace {

TEST(Backtest, ForecastsTheSyntheticCouncilsOwnFuture) {
  const std::string baseline = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const sim::Scenario defaults = io::load_scenario(baseline);
  const synth::SynthRun run = synth::synthesize(defaults, 5, std::nullopt);
  const returns::Day train_to = engine::days_from_civil({2022, 3, 31});
  const Calibration c = calibrate_council(run.history, defaults, {"synthetic", train_to, 3, baseline, "council.children.csv"});
  sim::Scenario scenario = load_calibrated(c);
  ASSERT_FALSE(scenario.initial.children.empty());
  scenario.horizon_months = 24;
  const sim::RunSummary summary = sim::run_scenario(scenario, {40, scenario.seed, 0});
  const Backtest bt = compare_with_returns(summary, project_markov(scenario), run.history, train_to + 1, returns_span(run.history).second);
  ASSERT_EQ(bt.scores.size(), backtest_metrics().size());
  for (const auto& s : bt.scores) {
    EXPECT_EQ(s.months, 24) << s.metric;
    // Stocks and referrals: monthly noise is a few percent of the level; the two calibration
    // errors this test was written against (a seasonal profile off by three months, first
    // contacts 19% high) gave referrals 13% and 11%. CLA starts and ceased are about 15 a
    // month, whose Poisson noise alone makes a MAPE near 20%.
    const bool small_flow = s.metric == "cla_started" || s.metric == "cla_ceased";
    EXPECT_LT(s.mape_pct, small_flow ? 30.0 : 6.0) << s.metric;
    // Coverage: about 80% for honest bands. A stock's months are not independent draws (a
    // replication that wanders below its mean stays there for months), so 24 months hold the
    // information of a few; the floor is half the months. Measured: children looked after
    // 54% (13 of 24): the replication's stock fell to 405-415 in the second year, the mean
    // of the scenario is 419, and the calibration's care entries came out 2-15% high within
    // their intervals (CIN plans to care 0.0439 for 0.039, CP plans 0.0374 for 0.03), 226 a
    // year for the scenario's 217 and the replication's 210. It was 58% before the emergency
    // proceedings were read in full (0.0046 for the scenario's 0.0045, was 0.0030): a bias
    // that happened to offset that noise.
    EXPECT_GE(s.coverage_pct, 50.0) << s.metric;
  }
}

}  // namespace
}  // namespace caseflow::calibrate
