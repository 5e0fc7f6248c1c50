#pragma once
// Files written by `caseflow forecast` (formats in docs/forecast.md):
//   forecast.csv  month,source,mean,p10,p50,p90          (tidy; source `all` is the total)
//   backtest.csv  source,horizon_months,forecasts,model_mae,model_mape_pct,naive_mae,naive_mape_pct
//                 (horizon_months `all` summarises horizons 1..H)
//   demand.yaml   a `demand:` block a scenario can include
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "models/forecast/backtest.h"
#include "models/forecast/demand_summary.h"
#include "models/forecast/forecaster.h"

namespace caseflow::io {

void write_forecast_csv(std::ostream& out,
                        const std::vector<std::pair<std::string, models::forecast::SeriesForecast>>& forecasts);

void write_backtest_csv(std::ostream& out,
                        const std::vector<std::pair<std::string, models::forecast::BacktestScore>>& scores);

struct DemandProvenance {
  std::string history_file;
  models::forecast::YearMonth first_month, last_month;
  std::string family;  // poisson | negbin
  int fourier_pairs = 0;
  // Returning children's share of all contacts: the levels written are first contacts,
  // fitted level x (1 - returning_share), because the model adds returning children's contacts.
  double returning_share = 0.0;
};

void write_demand_yaml(std::ostream& out, const models::forecast::DemandSummary& demand,
                       const DemandProvenance& provenance);

}  // namespace caseflow::io
