#include "models/forecast/design_matrix.h"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace caseflow::models::forecast {

std::vector<Intervention> covid_interventions() {
  return {
      {"lockdown_2020", {2020, 4}, {2020, 6}},
      {"reopening_2020", {2020, 9}, {2020, 10}},
      {"lockdown_2021", {2021, 1}, {2021, 2}},
  };
}

namespace {

bool inside(const Intervention& iv, YearMonth ym) {
  return iv.first_month <= ym && ym <= iv.last_month;
}

}  // namespace

Design::Design(ModelSpec spec, YearMonth fit_first, int n_months)
    : spec_(std::move(spec)), trend_origin_(fit_first) {
  if (spec_.fourier_pairs < 1 || spec_.fourier_pairs > 6) {
    throw std::invalid_argument("fourier_pairs must be 1..6, got " + std::to_string(spec_.fourier_pairs));
  }
  if (n_months < 1) throw std::invalid_argument("a fit needs at least one month");
  names_ = {"intercept", "trend_years"};
  for (int k = 1; k <= spec_.fourier_pairs; ++k) {
    if (k < 6) names_.push_back("sin" + std::to_string(k));
    names_.push_back("cos" + std::to_string(k));
  }
  seasonal_columns_ = static_cast<int>(names_.size()) - 2;
  for (const auto& iv : spec_.interventions) {
    int months_inside = 0;
    for (int t = 0; t < n_months; ++t) months_inside += inside(iv, fit_first.plus_months(t)) ? 1 : 0;
    if (months_inside == 0 || months_inside == n_months) {
      intervention_columns_.push_back(-1);
    } else {
      intervention_columns_.push_back(static_cast<int>(names_.size()));
      names_.push_back(iv.name);
    }
  }
}

Eigen::MatrixXd Design::rows(YearMonth first, int n_months) const {
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n_months, columns());
  for (int t = 0; t < n_months; ++t) {
    const YearMonth ym = first.plus_months(t);
    x(t, intercept_column) = 1.0;
    x(t, trend_column) = months_between(trend_origin_, ym) / 12.0;
    int col = first_seasonal_column();
    const double angle = 2.0 * std::numbers::pi * (ym.month - 1) / 12.0;
    for (int k = 1; k <= spec_.fourier_pairs; ++k) {
      if (k < 6) x(t, col++) = std::sin(k * angle);
      x(t, col++) = std::cos(k * angle);
    }
    for (std::size_t j = 0; j < spec_.interventions.size(); ++j) {
      if (intervention_columns_[j] >= 0 && inside(spec_.interventions[j], ym)) x(t, intervention_columns_[j]) = 1.0;
    }
  }
  return x;
}

double Design::seasonal_effect(const Eigen::VectorXd& beta, int month_of_year) const {
  const double angle = 2.0 * std::numbers::pi * (month_of_year - 1) / 12.0;
  double effect = 0.0;
  int col = first_seasonal_column();
  for (int k = 1; k <= spec_.fourier_pairs; ++k) {
    if (k < 6) effect += beta(col++) * std::sin(k * angle);
    effect += beta(col++) * std::cos(k * angle);
  }
  return effect;
}

}  // namespace caseflow::models::forecast
