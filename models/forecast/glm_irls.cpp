#include "models/forecast/glm_irls.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace caseflow::models::forecast {

const char* to_string(Family family) {
  return family == Family::poisson ? "poisson" : "negbin";
}

namespace {

// Unit deviance contributions; y log(y/mu) is taken as 0 at y = 0.
double deviance(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double alpha) {
  double d = 0.0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double yi = y(i), mi = mu(i);
    const double ylog = yi > 0 ? yi * std::log(yi / mi) : 0.0;
    if (alpha <= 0) {
      d += 2.0 * (ylog - (yi - mi));
    } else {
      const double r = 1.0 / alpha;
      d += 2.0 * (ylog - (yi + r) * std::log((yi + r) / (mi + r)));
    }
  }
  return d;
}

double log_likelihood(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double alpha) {
  double ll = 0.0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double yi = y(i), mi = mu(i);
    if (alpha <= 0) {
      ll += yi * std::log(mi) - mi - std::lgamma(yi + 1.0);
    } else {
      const double r = 1.0 / alpha;
      ll += std::lgamma(yi + r) - std::lgamma(r) - std::lgamma(yi + 1.0) + yi * std::log(mi / (mi + r)) +
            r * std::log(r / (mi + r));
    }
  }
  return ll;
}

double pearson(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double alpha) {
  double chi2 = 0.0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double r = y(i) - mu(i);
    chi2 += r * r / (mu(i) * (1.0 + alpha * mu(i)));
  }
  return chi2;
}

// Pearson's statistic falls monotonically in alpha, so bisection on [0, hi] is safe.
double moment_alpha(const Eigen::VectorXd& y, const Eigen::VectorXd& mu, double residual_df) {
  if (residual_df <= 0 || pearson(y, mu, 0.0) <= residual_df) return 0.0;
  double lo = 0.0, hi = 1.0;
  while (pearson(y, mu, hi) > residual_df && hi < 1e8) hi *= 2.0;
  for (int i = 0; i < 200 && hi - lo > 1e-14 * (1.0 + hi); ++i) {
    const double mid = 0.5 * (lo + hi);
    (pearson(y, mu, mid) > residual_df ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

struct IrlsState {
  Eigen::VectorXd beta;
  Eigen::MatrixXd information;  // X' W X
  int iterations = 0;
  bool converged = false;
};

// The mean of a linear predictor, bounded: a fit that runs away (a month whose counts are
// all 0 pushes its effect toward minus infinity) stays finite, and its weights non-zero.
constexpr double kEtaLow = -30.0, kEtaHigh = 30.0;
Eigen::VectorXd mean_of(const Eigen::VectorXd& eta) { return eta.array().max(kEtaLow).min(kEtaHigh).exp().matrix(); }

IrlsState irls(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& offset, double alpha,
               Eigen::VectorXd beta, const GlmOptions& options) {
  IrlsState state;
  double previous = std::numeric_limits<double>::infinity();
  for (int iter = 1; iter <= options.max_iterations; ++iter) {
    const Eigen::VectorXd eta = x * beta + offset;
    const Eigen::VectorXd mu = mean_of(eta);
    // Log link: d mu / d eta = mu, so the working weight is mu^2 / Var(y) = mu / (1 + alpha mu).
    const Eigen::VectorXd w = (mu.array() / (1.0 + alpha * mu.array())).matrix();
    const Eigen::VectorXd z = eta - offset + ((y - mu).array() / mu.array()).matrix();
    const Eigen::MatrixXd xtw = x.transpose() * w.asDiagonal();
    Eigen::LDLT<Eigen::MatrixXd> solver(xtw * x);
    Eigen::VectorXd next = solver.solve(xtw * z);
    state.iterations = iter;
    // Step halving: a step that raises the deviance (or leaves it non-finite) is halved
    // toward the current coefficients until it does not; a fit that cannot move stops there,
    // not converged.
    double dev = deviance(y, mean_of(x * next + offset), alpha);
    int halvings = 0;
    while ((!std::isfinite(dev) || !next.allFinite() || dev > previous) && halvings < 40) {
      next = 0.5 * (beta + next);
      dev = deviance(y, mean_of(x * next + offset), alpha);
      ++halvings;
    }
    if (!std::isfinite(dev) || !next.allFinite() || dev > previous) break;
    beta = std::move(next);
    if (std::abs(dev - previous) <= options.tolerance * (std::abs(dev) + 0.1)) {
      state.converged = true;
      break;
    }
    previous = dev;
  }
  const Eigen::VectorXd mu = mean_of(x * beta + offset);
  const Eigen::VectorXd w = (mu.array() / (1.0 + alpha * mu.array())).matrix();
  state.information = x.transpose() * w.asDiagonal() * x;
  state.beta = std::move(beta);
  return state;
}

}  // namespace

GlmFit fit_glm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Family family, const GlmOptions& options) {
  return fit_glm(x, y, Eigen::VectorXd::Zero(y.size()), family, options);
}

GlmFit fit_glm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& offset, Family family,
               const GlmOptions& options) {
  const Eigen::Index n = x.rows(), p = x.cols();
  if (y.size() != n) throw std::invalid_argument("fit_glm: design rows and counts differ in number");
  if (offset.size() != n) throw std::invalid_argument("fit_glm: design rows and offsets differ in number");
  if (!offset.allFinite()) throw std::invalid_argument("fit_glm: offsets must be finite");
  if (n <= p) {
    throw std::invalid_argument("fit_glm: " + std::to_string(n) + " observations cannot fit " + std::to_string(p) +
                                " coefficients");
  }
  if ((y.array() < 0).any()) throw std::invalid_argument("fit_glm: counts must be non-negative");
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  if (qr.rank() < p) throw std::invalid_argument("fit_glm: design matrix is rank deficient");

  // Start from least squares on log(y + 0.5): close enough that IRLS converges in a few steps.
  const Eigen::VectorXd log_y = (y.array() + 0.5).log().matrix() - offset;
  Eigen::VectorXd beta = qr.solve(log_y);

  double alpha = 0.0;
  IrlsState state = irls(x, y, offset, alpha, beta, options);
  int total_iterations = state.iterations;
  if (family == Family::negative_binomial) {
    const double residual_df = static_cast<double>(n - p);
    for (int outer = 0; outer < 50; ++outer) {
      const double next = moment_alpha(y, mean_of(x * state.beta + offset), residual_df);
      const bool settled = std::abs(next - alpha) <= 1e-9 * (alpha + 1e-6);
      alpha = next;
      if (settled) break;
      state = irls(x, y, offset, alpha, state.beta, options);
      total_iterations += state.iterations;
    }
  }

  GlmFit fit;
  fit.family = family;
  fit.beta = state.beta;
  fit.covariance = state.information.ldlt().solve(Eigen::MatrixXd::Identity(p, p));
  fit.standard_errors = fit.covariance.diagonal().cwiseMax(0.0).cwiseSqrt();
  fit.fitted_mean = mean_of(x * fit.beta + offset);
  fit.nb_alpha = alpha;
  fit.pearson_chi2 = pearson(y, fit.fitted_mean, alpha);
  fit.deviance = deviance(y, fit.fitted_mean, alpha);
  fit.log_likelihood = log_likelihood(y, fit.fitted_mean, alpha);
  fit.observations = static_cast<int>(n);
  fit.iterations = total_iterations;
  fit.converged = state.converged;
  return fit;
}

}  // namespace caseflow::models::forecast
