#pragma once
// Log-link count regression fitted by iteratively reweighted least squares (IRLS).
//   Poisson:                     Var(y) = mu
//   negative binomial (NB2):     Var(y) = mu + alpha * mu^2
// NB2's alpha is estimated by the Pearson moment method, alternating with IRLS: alpha solves
//   sum_t (y_t - mu_t)^2 / (mu_t (1 + alpha mu_t)) = n - p,
// the same equation quasi-likelihood uses for a dispersion scale. If the data are no more
// variable than Poisson the root is at or below zero and alpha is set to 0 (Poisson).
#include <Eigen/Dense>

namespace caseflow::models::forecast {

enum class Family { poisson, negative_binomial };

const char* to_string(Family family);

struct GlmOptions {
  int max_iterations = 100;
  double tolerance = 1e-10;  // relative change in deviance that counts as converged
};

struct GlmFit {
  Eigen::VectorXd beta;
  Eigen::MatrixXd covariance;  // inverse Fisher information at beta, alpha held fixed
  Eigen::VectorXd standard_errors;
  Eigen::VectorXd fitted_mean;  // mu_t
  Family family = Family::poisson;
  double nb_alpha = 0.0;  // NB2 dispersion; 0 for Poisson
  double pearson_chi2 = 0.0;
  double deviance = 0.0;
  double log_likelihood = 0.0;
  int observations = 0;
  int iterations = 0;
  bool converged = false;
};

// Throws std::invalid_argument for mismatched sizes, negative counts or a design matrix
// that does not have full column rank.
GlmFit fit_glm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Family family, const GlmOptions& options = {});
// The same with a known term in each linear predictor, log mu_t = offset_t + x_t' beta: an
// exposure (log mu = log E + x' beta) or a fixed part of the model.
GlmFit fit_glm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& offset, Family family,
               const GlmOptions& options = {});

}  // namespace caseflow::models::forecast
