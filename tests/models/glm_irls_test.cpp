#include "models/forecast/glm_irls.h"

#include <cmath>

#include <gtest/gtest.h>

#include "models/forecast/design_matrix.h"
#include "models/forecast/forecaster.h"
#include "synthetic_series.h"

namespace caseflow::models::forecast {
namespace {

using testing::simulate_series;

// intercept log(300), trend +5%/year (log 0.0488), two Fourier pairs of realistic size
// (a +/-10-15% seasonal swing).
Eigen::VectorXd true_beta() {
  Eigen::VectorXd beta(6);
  beta << std::log(300.0), std::log(1.05), 0.10, -0.05, 0.08, 0.03;
  return beta;
}

// Seed 20240501. Each coefficient must lie within 3 of its own IRLS standard errors of the
// truth: for a correct model and covariance that fails with probability 0.27% per
// coefficient, so a miss points at a biased fit or a wrong covariance.
TEST(GlmIrls, PoissonRecoversTrendAndSeasonalCoefficients) {
  const ModelSpec spec{2, {}};
  const auto series = simulate_series(spec, {2014, 4}, 120, true_beta(), 0.0, 20240501);
  const Design design(spec, series.first_month, 120);
  const Eigen::VectorXd y = Eigen::Map<const Eigen::VectorXd>(series.counts.data(), 120);
  const GlmFit fit = fit_glm(design.rows(series.first_month, 120), y, Family::poisson);
  ASSERT_TRUE(fit.converged);
  for (Eigen::Index i = 0; i < fit.beta.size(); ++i) {
    EXPECT_NEAR(fit.beta(i), true_beta()(i), 3.0 * fit.standard_errors(i)) << design.column_names()[i];
  }
  // A fitted Poisson model leaves a Pearson statistic near its degrees of freedom
  // (chi2 on 114 df: mean 114, SD 15).
  EXPECT_NEAR(fit.pearson_chi2, 114.0, 3.0 * 15.1);
}

// Seeds 1..200. The standard errors are only useful if they match the real scatter of
// the estimates: the SD of 200 trend estimates estimates the true SE with a relative SE of
// 1/sqrt(2 * 199) = 5%, so the mean reported SE must lie within 15% of it.
TEST(GlmIrls, StandardErrorsMatchScatterOverReplicates) {
  const ModelSpec spec{2, {}};
  double sum = 0, sum_sq = 0, se_sum = 0;
  const int reps = 200;
  for (int r = 1; r <= reps; ++r) {
    const auto series = simulate_series(spec, {2014, 4}, 120, true_beta(), 0.0, static_cast<std::uint64_t>(r));
    const FittedSeries fitted(series, spec, Family::poisson);
    const double b = fitted.glm().beta(Design::trend_column);
    sum += b;
    sum_sq += b * b;
    se_sum += fitted.glm().standard_errors(Design::trend_column);
  }
  const double mean = sum / reps;
  const double sd = std::sqrt((sum_sq - reps * mean * mean) / (reps - 1));
  EXPECT_NEAR(se_sum / reps / sd, 1.0, 0.15);
  // Unbiased: the mean of 200 estimates is within 3 SE / sqrt(200) of the truth.
  EXPECT_NEAR(mean, std::log(1.05), 3.0 * sd / std::sqrt(reps));
}

// Seed 7. NB2 with alpha = 0.05 at mu about 300 over 240 months. The Pearson moment
// estimator's relative SE here is about 10%: with alpha * mu = 15 the squared Pearson
// residuals behave like (G - 1)^2 / alpha for G ~ Gamma(20, 1/20), variance about 2.3, so
// their mean over 240 months has SE 0.1. Tolerance 3 SE = 30% of alpha.
TEST(GlmIrls, NegativeBinomialRecoversDispersion) {
  const ModelSpec spec{2, {}};
  const double alpha = 0.05;
  const auto series = simulate_series(spec, {2004, 4}, 240, true_beta(), alpha, 7);
  const FittedSeries fitted(series, spec, Family::negative_binomial);
  ASSERT_TRUE(fitted.glm().converged);
  EXPECT_NEAR(fitted.glm().nb_alpha, alpha, 0.30 * alpha);
  // Still recovers the trend, within 3 of its (now NB) standard errors.
  EXPECT_NEAR(fitted.glm().beta(Design::trend_column), std::log(1.05), 3.0 * fitted.glm().standard_errors(1));
}

// Seed 11. On Poisson data the NB fit should find (almost) no extra dispersion: the mean
// squared Pearson residual has SE sqrt(2 / 114) = 0.13, and alpha_hat * mu is about that
// excess, so alpha_hat < 3 * 0.13 / 300 = 0.0013.
TEST(GlmIrls, NegativeBinomialOnPoissonDataFindsLittleDispersion) {
  const ModelSpec spec{2, {}};
  const auto series = simulate_series(spec, {2014, 4}, 120, true_beta(), 0.0, 11);
  const FittedSeries fitted(series, spec, Family::negative_binomial);
  EXPECT_LT(fitted.glm().nb_alpha, 0.0013);
}

TEST(GlmIrls, RejectsRankDeficientDesign) {
  Eigen::MatrixXd x(5, 2);
  x << 1, 2, 1, 2, 1, 2, 1, 2, 1, 2;
  Eigen::VectorXd y(5);
  y << 1, 2, 3, 4, 5;
  EXPECT_THROW(fit_glm(x, y, Family::poisson), std::invalid_argument);
}

}  // namespace
}  // namespace caseflow::models::forecast
