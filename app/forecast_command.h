#pragma once
// `caseflow forecast HISTORY.csv --horizon-months 24 --out DIR`: fits the referral model to a
// monthly contact history, forecasts it, back-tests it and writes forecast.csv, backtest.csv
// and demand.yaml atomically; with --base also forecast.yaml and demand_paths.csv (docs/forecast.md).
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "models/forecast/design_matrix.h"

namespace caseflow::app {

struct ForecastCommandOptions {
  std::string history_path;
  std::string out_dir;
  int horizon_months = 24;
  std::uint64_t seed = 1;
  std::string family = "negbin";  // poisson | negbin
  int fourier_pairs = 6;  // month-of-year effects; see ModelSpec
  int simulations = 2000;
  int backtest_origins = 12;  // 0 skips the back-test
  int backtest_horizon_months = 12;
  // Measured in the baseline run: returning children's share of contacts. The history counts
  // all contacts, the scenario's contacts_per_month only first contacts (the model adds the
  // returning children's), so demand.yaml's levels are scaled by (1 - returning_share).
  double returning_share = 0.2;
  // With a base scenario: forecast.yaml (extends it) and demand_paths.csv are written too, and
  // the returning share is measured in the base (sim/demand/returning_share.h), not taken
  // from returning_share.
  std::string base_path;
  int level_paths = 500;  // sampled paths in demand_paths.csv (at most `simulations`)
  std::uint32_t share_replications = 20;
  std::vector<models::forecast::Intervention> interventions = models::forecast::covid_interventions();
};

// Parses `NAME:YYYY-MM:YYYY-MM` (a window) or `NAME:YYYY-MM` (one month); throws UserError.
models::forecast::Intervention parse_intervention(const std::string& text);

// Does the work of the subcommand and prints its summary to `out`; throws io::UserError for
// bad input.
void run_forecast(const ForecastCommandOptions& options, std::ostream& out);

}  // namespace caseflow::app
