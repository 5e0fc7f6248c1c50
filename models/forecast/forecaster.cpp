#include "models/forecast/forecaster.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "models/forecast/quantile.h"

namespace caseflow::models::forecast {

namespace {

Eigen::VectorXd counts_vector(const MonthlySeries& series) {
  return Eigen::Map<const Eigen::VectorXd>(series.counts.data(), static_cast<Eigen::Index>(series.counts.size()));
}

}  // namespace

FittedSeries::FittedSeries(const MonthlySeries& series, const ModelSpec& spec, Family family)
    : design_(spec, series.first_month, static_cast<int>(series.counts.size())),
      first_month_(series.first_month),
      months_(static_cast<int>(series.counts.size())) {
  glm_ = fit_glm(design_.rows(first_month_, months_), counts_vector(series), family);
  double top = 0;
  for (double c : series.counts) top = std::max(top, c);
  largest_plausible_mean_ = 100.0 * (top + 10.0);
}

double FittedSeries::trend_pct_per_year() const {
  return 100.0 * (std::exp(glm_.beta(Design::trend_column)) - 1.0);
}

std::array<double, 12> FittedSeries::seasonal_profile() const {
  std::array<double, 12> profile{};
  double sum = 0.0;
  for (int m = 1; m <= 12; ++m) sum += profile[m - 1] = std::exp(design_.seasonal_effect(glm_.beta, m));
  for (double& p : profile) p *= 12.0 / sum;
  return profile;
}

double FittedSeries::deseasonalised_level(YearMonth month) const {
  double mean_seasonal = 0.0;
  for (int m = 1; m <= 12; ++m) mean_seasonal += std::exp(design_.seasonal_effect(glm_.beta, m)) / 12.0;
  const double trend_years = months_between(design_.trend_origin(), month) / 12.0;
  return std::exp(glm_.beta(Design::intercept_column) + glm_.beta(Design::trend_column) * trend_years) * mean_seasonal;
}

std::vector<InterventionEffect> FittedSeries::intervention_effects() const {
  std::vector<InterventionEffect> effects;
  const auto& ivs = design_.spec().interventions;
  for (std::size_t j = 0; j < ivs.size(); ++j) {
    const int col = design_.intervention_column(j);
    if (col < 0) continue;
    const double g = glm_.beta(col), se = glm_.standard_errors(col);
    effects.push_back({ivs[j].name, std::exp(g), std::exp(g - 1.645 * se), std::exp(g + 1.645 * se)});
  }
  return effects;
}

std::vector<double> point_forecast(const FittedSeries& fitted, int horizon_months) {
  const Eigen::MatrixXd x = fitted.design().rows(fitted.last_month().plus_months(1), horizon_months);
  const Eigen::VectorXd eta = x * fitted.glm().beta;
  const Eigen::VectorXd var_eta = (x * fitted.glm().covariance).cwiseProduct(x).rowwise().sum();
  std::vector<double> mean(static_cast<std::size_t>(horizon_months));
  for (int h = 0; h < horizon_months; ++h) mean[h] = std::exp(eta(h) + 0.5 * var_eta(h));
  return mean;
}

SeriesForecast forecast_series(const FittedSeries& fitted, int horizon_months, int simulations, std::uint64_t seed) {
  if (horizon_months < 1) throw std::invalid_argument("forecast horizon must be at least one month");
  if (simulations < 1) throw std::invalid_argument("forecast needs at least one simulation");
  const GlmFit& glm = fitted.glm();
  SeriesForecast out;
  out.first_month = fitted.last_month().plus_months(1);
  out.mean = point_forecast(fitted, horizon_months);
  const Eigen::MatrixXd x = fitted.design().rows(out.first_month, horizon_months);

  // A symmetric square root of the covariance via its eigen-decomposition: unlike Cholesky
  // it tolerates a covariance that rounding has left very slightly indefinite.
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(glm.covariance);
  const Eigen::MatrixXd root =
      eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal() * eig.eigenvectors().transpose();

  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  const double alpha = glm.nb_alpha;
  out.draws.resize(simulations, horizon_months);
  out.level_draws.resize(simulations, horizon_months);
  Eigen::VectorXd z(glm.beta.size());
  for (int s = 0; s < simulations; ++s) {
    for (Eigen::Index i = 0; i < z.size(); ++i) z(i) = normal(rng);
    const Eigen::VectorXd eta = x * (glm.beta + root * z);
    for (int h = 0; h < horizon_months; ++h) {
      const double cap = fitted.largest_plausible_mean();
      double lambda = std::exp(eta(h));
      if (!(lambda <= cap)) lambda = cap, ++out.capped_draws;
      if (alpha > 0) lambda = std::gamma_distribution<double>(1.0 / alpha, alpha * lambda)(rng);
      if (!(lambda <= cap)) lambda = cap, ++out.capped_draws;
      out.level_draws(s, h) = lambda;
      out.draws(s, h) = lambda > 0 ? static_cast<double>(std::poisson_distribution<long long>(lambda)(rng)) : 0.0;
    }
  }
  for (int h = 0; h < horizon_months; ++h) {
    const Eigen::VectorXd column = out.draws.col(h);
    std::vector<double> sample(column.data(), column.data() + column.size());
    out.p10.push_back(quantile(sample, 0.10));
    out.p50.push_back(quantile(sample, 0.50));
    out.p90.push_back(quantile(sample, 0.90));
  }
  return out;
}

SeriesForecast sum_forecasts(const std::vector<SeriesForecast>& parts) {
  if (parts.empty()) throw std::invalid_argument("sum_forecasts needs at least one forecast");
  SeriesForecast total;
  total.first_month = parts.front().first_month;
  total.draws = Eigen::MatrixXd::Zero(parts.front().draws.rows(), parts.front().draws.cols());
  total.mean.assign(parts.front().mean.size(), 0.0);
  for (const auto& part : parts) {
    if (part.first_month != total.first_month || part.draws.rows() != total.draws.rows() ||
        part.draws.cols() != total.draws.cols()) {
      throw std::invalid_argument("sum_forecasts: forecasts cover different months or draw counts");
    }
    total.draws += part.draws;
    for (std::size_t h = 0; h < total.mean.size(); ++h) total.mean[h] += part.mean[h];
  }
  for (Eigen::Index h = 0; h < total.draws.cols(); ++h) {
    const Eigen::VectorXd column = total.draws.col(h);
    std::vector<double> sample(column.data(), column.data() + column.size());
    total.p10.push_back(quantile(sample, 0.10));
    total.p50.push_back(quantile(sample, 0.50));
    total.p90.push_back(quantile(sample, 0.90));
  }
  return total;
}

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t z = seed + (index + 1) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace caseflow::models::forecast
