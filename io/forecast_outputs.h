#pragma once
// Files written by `caseflow forecast` (formats in docs/forecast.md):
//   forecast.csv  month,source,mean,p10,p50,p90          (tidy; source `all` is the total)
//   backtest.csv  source,horizon_months,forecasts,model_mae,model_mape_pct,naive_mae,naive_mape_pct
//                 (horizon_months `all` summarises horizons 1..H)
//   demand.yaml   a `demand:` block a scenario can include
//   forecast.yaml with --base: a complete scenario extending the base (and demand_paths.csv,
//                 io/demand_paths_csv.h)
#include <cstdint>
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
  std::string share_measured_in;  // the base scenario it was measured in; empty: --returning-share
};

void write_demand_yaml(std::ostream& out, const models::forecast::DemandSummary& demand,
                       const DemandProvenance& provenance);

// What forecast.yaml says beyond the demand block: the base it extends and how the returning
// share was measured there (sim/demand/returning_share.h), and the level paths file.
struct ForecastScenario {
  std::string name, description;
  std::string extends;  // the base, relative to forecast.yaml's folder
  int horizon_months = 0;
  int share_months = 0, share_replications = 0;
  std::uint64_t share_seed = 0;
  double share_first_contacts = 0, share_contacts = 0;  // per replication
  std::string paths_file;  // relative to forecast.yaml's folder
  int paths = 0;
};

// A complete scenario: `extends:` the base, starts the month after the history, carries the
// demand block (levels x (1 - the measured share)) and demand.level_paths.
void write_forecast_scenario_yaml(std::ostream& out, const models::forecast::DemandSummary& demand,
                                  const DemandProvenance& provenance, const ForecastScenario& scenario);

}  // namespace caseflow::io
