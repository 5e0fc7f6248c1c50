#pragma once
// Rolling-origin back-test. For each origin the model is refitted on the months before it
// and forecasts the next horizon_months; the forecasts are compared with what happened and
// with a seasonal-naive forecast (the same month a year earlier, or two years earlier for
// horizons beyond 12, so the naive forecast never uses data after the origin).
// Origins are consecutive months ending so that the last one's horizon reaches the last
// observed month; consecutive origins put every calendar month at every horizon.
#include <vector>

#include "models/forecast/design_matrix.h"
#include "models/forecast/forecaster.h"
#include "models/forecast/glm_irls.h"
#include "models/forecast/year_month.h"

namespace caseflow::models::forecast {

struct BacktestOptions {
  int origins = 12;
  int horizon_months = 12;
  int min_fit_months = 24;  // two seasonal cycles before the first origin
};

// Forecasts and actuals, [origin][horizon - 1]. Paths of several series can be added to
// score their total.
struct BacktestPaths {
  std::vector<YearMonth> origins;  // first forecast month of each origin
  std::vector<std::vector<double>> model, naive, actual;
};

struct ForecastErrors {
  int horizon_months = 0;  // 0 in the summary over all horizons
  int forecasts = 0;
  double model_mae = 0.0;
  double model_mape_pct = 0.0;  // over months with a non-zero actual
  double naive_mae = 0.0;
  double naive_mape_pct = 0.0;
};

struct BacktestScore {
  std::vector<ForecastErrors> by_horizon;  // horizon 1..H
  ForecastErrors overall;
};

// Uses as many origins as the series allows, up to options.origins (possibly none).
BacktestPaths backtest_paths(const MonthlySeries& series, const ModelSpec& spec, Family family,
                             const BacktestOptions& options);

// Elementwise sum of paths with the same origins and horizon.
BacktestPaths add_paths(const BacktestPaths& a, const BacktestPaths& b);

BacktestScore score(const BacktestPaths& paths);

}  // namespace caseflow::models::forecast
