#pragma once
// Fits the count model to one monthly series and forecasts it with prediction intervals.
//
// Intervals are simulated, so they carry both kinds of uncertainty: each draw takes
// beta ~ N(beta_hat, Cov(beta_hat)) (parameter uncertainty, normal approximation to the
// sampling distribution), then a count ~ Poisson(mu) or NB2(mu, alpha) (count noise,
// as a gamma-Poisson mixture). alpha is held at its estimate. The reported mean is
// analytic: E[exp(x'beta)] = exp(x'beta_hat + x'Cov x / 2) under that normal approximation.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "models/forecast/design_matrix.h"
#include "models/forecast/glm_irls.h"
#include "models/forecast/year_month.h"

namespace caseflow::models::forecast {

struct MonthlySeries {
  YearMonth first_month;
  std::vector<double> counts;  // one per consecutive month from first_month
};

struct InterventionEffect {
  std::string name;
  double multiplier = 1.0;  // exp(g)
  double multiplier_p05 = 1.0;  // exp(g -/+ 1.645 SE): 90% Wald interval
  double multiplier_p95 = 1.0;
};

class FittedSeries {
 public:
  FittedSeries(const MonthlySeries& series, const ModelSpec& spec, Family family);

  const Design& design() const { return design_; }
  const GlmFit& glm() const { return glm_; }
  YearMonth first_month() const { return first_month_; }
  YearMonth last_month() const { return first_month_.plus_months(months_ - 1); }
  int months() const { return months_; }

  // exp(b1) - 1, as a percentage.
  double trend_pct_per_year() const;
  // Month-of-year multipliers, Jan..Dec, arithmetic mean 1.
  std::array<double, 12> seasonal_profile() const;
  // Expected count in a month with seasonality and interventions removed: the trend line
  // times the mean seasonal multiplier, so level * profile[m] is the usual count in month m.
  double deseasonalised_level(YearMonth month) const;
  // Effects of the interventions that had data in the fit window.
  std::vector<InterventionEffect> intervention_effects() const;
  // The largest monthly mean a forecast of this series may take: 100 times the history's
  // largest month (plus 10, for series of small counts). A simulated draw's mean is capped
  // there, so a wide parameter interval cannot make a draw absurd or non-finite.
  double largest_plausible_mean() const { return largest_plausible_mean_; }

 private:
  Design design_;
  GlmFit glm_;
  YearMonth first_month_;
  int months_ = 0;
  double largest_plausible_mean_ = 0;
};

struct SeriesForecast {
  YearMonth first_month;
  std::vector<double> mean, p10, p50, p90;
  Eigen::MatrixXd draws;  // simulations x months; kept so sources can be summed per draw
  // The same draws' expected counts before the count noise (simulations x months): parameter
  // and, for NB2, gamma level uncertainty. A simulation that adds its own Poisson noise to
  // these reproduces the draws' spread (`caseflow forecast --base` writes them as level paths).
  Eigen::MatrixXd level_draws;
  long long capped_draws = 0;  // draws whose mean was capped at the largest plausible mean
};

// Mean forecast only (no simulation): what the back-test scores.
std::vector<double> point_forecast(const FittedSeries& fitted, int horizon_months);

SeriesForecast forecast_series(const FittedSeries& fitted, int horizon_months, int simulations, std::uint64_t seed);

// Sums forecasts of independent series draw by draw (all must share months and draw count).
SeriesForecast sum_forecasts(const std::vector<SeriesForecast>& parts);

// A well-mixed seed for stream `index` of a run seeded with `seed` (SplitMix64), so sources
// get independent streams that stay the same whatever else the run does.
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index);

}  // namespace caseflow::models::forecast
