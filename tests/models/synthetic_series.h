#pragma once
// Synthetic monthly count series with known parameters, for checking that fits recover them.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "models/forecast/design_matrix.h"
#include "models/forecast/forecaster.h"

namespace caseflow::models::forecast::testing {

// Draws counts from Poisson (alpha = 0) or NB2 (alpha > 0) with log mean x * beta, where x
// is the design built by `spec` over the series' own months.
inline MonthlySeries simulate_series(const ModelSpec& spec, YearMonth first, int months, const Eigen::VectorXd& beta,
                                     double alpha, std::uint64_t seed) {
  const Design design(spec, first, months);
  const Eigen::VectorXd mu = (design.rows(first, months) * beta).array().exp();
  std::mt19937_64 rng(seed);
  MonthlySeries series{first, {}};
  for (int t = 0; t < months; ++t) {
    double lambda = mu(t);
    if (alpha > 0) lambda = std::gamma_distribution<double>(1.0 / alpha, alpha * lambda)(rng);
    series.counts.push_back(static_cast<double>(std::poisson_distribution<long long>(lambda)(rng)));
  }
  return series;
}

}  // namespace caseflow::models::forecast::testing
