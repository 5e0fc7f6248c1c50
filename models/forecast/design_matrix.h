#pragma once
// Covariates of the log-linear count model for one monthly series:
//   log mu_t = b0 + b1 * trend_years_t + sum_k (a_k sin(2 pi k m_t / 12) + c_k cos(2 pi k m_t / 12))
//              + sum_j g_j * [t inside intervention window j]
// where m_t is the month of year (0 = January). Six Fourier pairs span every month-of-year
// pattern (the sixth sine is zero at whole months, so it is left out), which makes
// `fourier_pairs = 6` the same model as month-of-year dummies.
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "models/forecast/year_month.h"

namespace caseflow::models::forecast {

// A known shock: the series runs at exp(g) times its usual level in the months
// first_month..last_month inclusive (a step that switches on and off, or a one-month pulse).
struct Intervention {
  std::string name;
  YearMonth first_month;
  YearMonth last_month;
};

struct ModelSpec {
  // 6 (a free effect for each month of year) by default: school-sourced contacts have a
  // sharp August dip that 2-4 pairs smooth away (docs/forecast.md has the back-test).
  int fourier_pairs = 6;  // 1..6
  std::vector<Intervention> interventions;
};

// Default shocks for English referral series: the first national lockdown (schools closed
// to most pupils), the surge when schools reopened, and the third lockdown
// (public-figures.md section 5).
std::vector<Intervention> covid_interventions();

class Design {
 public:
  // Lays out the columns for a fit on n_months starting at fit_first. An intervention with
  // no month inside the fit window cannot be estimated, and one covering every month is
  // confounded with the intercept; both are left out rather than making the fit singular.
  Design(ModelSpec spec, YearMonth fit_first, int n_months);

  // Rows for any months (fitted or future); trend is in years since the fit's first month.
  Eigen::MatrixXd rows(YearMonth first, int n_months) const;

  int columns() const { return static_cast<int>(names_.size()); }
  const std::vector<std::string>& column_names() const { return names_; }
  static constexpr int intercept_column = 0;
  static constexpr int trend_column = 1;
  int first_seasonal_column() const { return 2; }
  int seasonal_columns() const { return seasonal_columns_; }
  // Column of intervention j of the spec, or -1 if it was left out of this fit.
  int intervention_column(std::size_t j) const { return intervention_columns_[j]; }
  const ModelSpec& spec() const { return spec_; }
  YearMonth trend_origin() const { return trend_origin_; }

  // Seasonal part of the linear predictor for a month of year (1..12), given coefficients.
  double seasonal_effect(const Eigen::VectorXd& beta, int month_of_year) const;

 private:
  ModelSpec spec_;
  YearMonth trend_origin_;
  int seasonal_columns_ = 0;
  std::vector<int> intervention_columns_;
  std::vector<std::string> names_;
};

}  // namespace caseflow::models::forecast
