#pragma once
// `caseflow forecast --base`: the forecast as a complete scenario (forecast.yaml, extending the
// base) and the sampled demand paths it follows (demand_paths.csv). docs/forecast.md, "One
// step to a scenario".
#include <string>
#include <utility>
#include <vector>

#include "io/forecast_outputs.h"
#include "models/forecast/demand_summary.h"
#include "models/forecast/forecaster.h"
#include "sim/demand/level_paths.h"
#include "sim/demand/returning_share.h"
#include "sim/scenario.h"

namespace caseflow::app {

struct ForecastScenarioFiles {
  io::ForecastScenario scenario;   // forecast.yaml's header facts
  double returning_share = 0;      // the measured share
  std::vector<sim::ReturningShare> measurements;  // in the base, then in each pilot
  sim::DemandLevelPaths paths;     // demand_paths.csv
};

// Measures the returning share and samples the paths. The share is first measured in the base
// over the forecast's horizon, then (twice) in the scenario forecast.yaml would be without its
// paths, written to a temporary folder with the share so far: the returning children's
// contacts depend on the demand and on the base's initial stock, both of which that scenario
// holds. `sources` names the forecast parts, in the same order.
ForecastScenarioFiles make_forecast_scenario(const sim::Scenario& base, const std::string& base_path,
                                             const std::string& out_dir, const std::vector<std::string>& sources,
                                             const std::vector<models::forecast::SeriesForecast>& parts,
                                             const models::forecast::DemandSummary& demand,
                                             io::DemandProvenance provenance, int horizon_months, int paths,
                                             std::uint32_t share_replications);

// Path p, month m, source s: draw p's expected count before count noise (parameter and level
// uncertainty) less the returning children's expected contacts, share x the draws' mean for
// the month: returning children's contacts follow past closures, not this month's level, so
// the first contacts carry the forecast's whole spread (docs/forecast.md). Never below 0.
sim::DemandLevelPaths sample_level_paths(const std::vector<std::string>& sources,
                                         const std::vector<models::forecast::SeriesForecast>& parts,
                                         models::forecast::YearMonth first_month, int months, int paths,
                                         double returning_share);

}  // namespace caseflow::app
