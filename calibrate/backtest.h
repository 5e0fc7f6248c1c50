#pragma once
// The back-test: calibrate on the returns up to a date, simulate from it, and compare with
// what the returns show afterwards, month by month. For each compared metric: the mean
// absolute percentage error of the simulated mean, and the share of actual months inside the
// simulated P10-P90 band (about 80% when the bands are honest).
#include <string>
#include <vector>

#include "calibrate/markov_projection.h"
#include "io/returns/history.h"
#include "sim/runner.h"

namespace caseflow::calibrate {

// Metrics the returns carry and the model forecasts, compared month by month.
const std::vector<std::string>& backtest_metrics();

struct BacktestRow {
  int month = 0;  // 0 = the month after the training date
  std::string metric;
  double actual = 0;
  double mean = 0, p10 = 0, p50 = 0, p90 = 0;
  double markov = 0;  // the Markov projection's expectation; NaN where it has none (referrals)
};

struct BacktestScore {
  std::string metric;
  int months = 0;
  double mape_pct = 0;      // mean |mean - actual| / actual, over months with actual > 0
  double coverage_pct = 0;  // months with P10 <= actual <= P90
  double markov_mape_pct = 0;  // the Markov projection's MAPE; NaN where it has none
};

struct Backtest {
  std::vector<BacktestRow> rows;
  std::vector<BacktestScore> scores;
};

// `summary` is the run from the calibrated scenario (its month 0 starts the day after
// train_to); the actuals are the History's from that day for summary.months months, cut to
// the months the returns cover.
// `markov` is the projection of the same calibrated scenario (no capacity limits), scored
// beside the simulation's mean on the stocks and care flows it carries.
Backtest compare_with_returns(const sim::RunSummary& summary, const MarkovProjection& markov, const returns::History& history,
                              returns::Day first_day, returns::Day data_end);

}  // namespace caseflow::calibrate
