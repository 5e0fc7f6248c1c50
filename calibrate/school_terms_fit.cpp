#include "calibrate/school_terms_fit.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "calibrate/nelder_mead.h"
#include "sim/demand/demand.h"
#include "sim/demand/school_term_rule.h"
#include "sim/engine/calendar.h"

namespace caseflow::calibrate {

namespace fc = models::forecast;

namespace {

engine::CivilDate first_day(fc::YearMonth m) { return {m.year, m.month, 1}; }

// Bounds on log h and log e: a multiplier from 1/1000 to 50 (a holiday with no referrals at
// all, or an end of term that holds a month's, stays finite).
constexpr double kLogLow = -6.9, kLogHigh = 3.9;
double bounded(double x) { return std::clamp(x, kLogLow, kLogHigh); }

struct CalendarModel {
  const Eigen::MatrixXd& x;
  const Eigen::VectorXd& y;
  const std::vector<TermExposure>& exposure;

  Eigen::VectorXd offset(double log_h, double log_e) const {
    Eigen::VectorXd o(y.size());
    for (Eigen::Index k = 0; k < y.size(); ++k) {
      const TermExposure& t = exposure[static_cast<std::size_t>(k)];
      o(k) = std::log(t.term + std::exp(log_h) * t.holiday + std::exp(log_e) * t.end_of_term);
    }
    return o;
  }
  fc::GlmFit fit(double log_h, double log_e) const { return fc::fit_glm(x, y, offset(log_h, log_e), fc::Family::poisson); }
};

}  // namespace

sim::SchoolTerms calendar_for_window(const sim::SchoolTerms& defaults, fc::YearMonth first, int months) {
  sim::SchoolTerms terms = defaults;
  terms.outside_listed = "typical_english_rule";
  const engine::CivilDate from = first_day(first.plus_months(-1)), to = first_day(first.plus_months(months + 1));
  terms.holidays = defaults.holidays.empty() ? sim::typical_english_holidays(from.year - 1, to.year + 1)
                                             : sim::holidays_in_force(terms, from, to);
  std::vector<sim::SchoolHoliday> window;
  for (const auto& h : terms.holidays)
    if (!(h.to < from) && !(to < h.from)) window.push_back(h);
  terms.holidays = std::move(window);
  return terms;
}

std::vector<TermExposure> term_exposures(const sim::SchoolTerms& terms, const std::array<double, 5>& weekday_profile,
                                         fc::YearMonth first, int months) {
  const engine::Calendar calendar(first_day(first), 1, months / 12 + 2);
  const sim::DemandModel model(calendar, months);
  // The term factor with multipliers 0 and 2 tells the three kinds of day apart.
  sim::SchoolTerms kinds = terms;
  kinds.holiday_multiplier = 0;
  kinds.end_of_term_multiplier = 2;
  std::vector<TermExposure> out(static_cast<std::size_t>(months));
  for (int m = 0; m < months; ++m) {
    TermExposure& e = out[static_cast<std::size_t>(m)];
    double sum = 0;
    for (int d = calendar.day_of(calendar.month_start(m)); d < calendar.day_of(calendar.month_start(m + 1)); ++d) {
      if (!calendar.is_working_day(d)) continue;
      const double w = weekday_profile[static_cast<std::size_t>(calendar.weekday(d))];
      const double factor = model.school_term_factor(kinds, d);
      (factor == 0 ? e.holiday : factor == 2 ? e.end_of_term : e.term) += w;
      sum += w;
    }
    if (sum <= 0) throw std::logic_error("term_exposures: a month with no working days");
    e.term /= sum, e.holiday /= sum, e.end_of_term /= sum;
  }
  return out;
}

SchoolTermsFit fit_school_terms(const fc::MonthlySeries& schools, const std::vector<TermExposure>& exposure,
                                const fc::ModelSpec& spec) {
  const int months = static_cast<int>(schools.counts.size());
  if (exposure.size() != schools.counts.size())
    throw std::invalid_argument("fit_school_terms: " + std::to_string(months) + " months of referrals but " +
                                std::to_string(exposure.size()) + " of exposures");
  const fc::Design design(spec, schools.first_month, months);
  const Eigen::MatrixXd full = design.rows(schools.first_month, months);
  const Eigen::VectorXd y = Eigen::Map<const Eigen::VectorXd>(schools.counts.data(), months);
  const double n = months;

  // The rival: a free effect for each calendar month, no calendar.
  const fc::GlmFit free = fc::fit_glm(full, y, fc::Family::poisson);
  SchoolTermsFit out;
  out.dispersion = std::max(1.0, free.pearson_chi2 / std::max(1.0, n - static_cast<double>(full.cols())));

  // The calendar model: the same trend and interventions, no month effects.
  std::vector<int> kept = {fc::Design::intercept_column, fc::Design::trend_column};
  for (std::size_t j = 0; j < spec.interventions.size(); ++j)
    if (design.intervention_column(j) >= 0) kept.push_back(design.intervention_column(j));
  Eigen::MatrixXd x(months, static_cast<Eigen::Index>(kept.size()));
  for (std::size_t c = 0; c < kept.size(); ++c) x.col(static_cast<Eigen::Index>(c)) = full.col(kept[c]);
  const CalendarModel model{x, y, exposure};

  double end_of_term_days = 0;
  for (const auto& e : exposure) end_of_term_days += e.end_of_term;
  out.end_of_term_estimated = end_of_term_days > 0;
  // The profile likelihood of (log h, log e): the rest of the model fitted at each point.
  auto minus_ll = [&](double log_h, double log_e) { return -model.fit(bounded(log_h), bounded(log_e)).log_likelihood; };
  double log_h = 0, log_e = 0;
  if (out.end_of_term_estimated) {
    const Minimum m = minimise([&](const std::vector<double>& p) { return minus_ll(p[0], p[1]); }, {std::log(0.5), std::log(1.5)},
                               {0.5, 0.5}, 1e-9, 2000);
    log_h = bounded(m.x[0]), log_e = bounded(m.x[1]);
  } else {
    const Minimum m = minimise([&](const std::vector<double>& p) { return minus_ll(p[0], 0.0); }, {std::log(0.5)}, {0.5}, 1e-9, 1000);
    log_h = bounded(m.x[0]);
  }
  const fc::GlmFit fit = model.fit(log_h, log_e);

  // Wald intervals on the log scale from the profile likelihood's curvature (central
  // differences), widened by the dispersion.
  const double step = 0.02;
  auto curvature_interval = [&](double at, double other, bool is_holiday) {
    auto f = [&](double v) { return is_holiday ? minus_ll(v, other) : minus_ll(other, v); };
    const double second = (f(at + step) - 2 * f(at) + f(at - step)) / (step * step);
    const double se = second > 0 ? std::sqrt(out.dispersion / second) : std::numeric_limits<double>::infinity();
    const double half = 1.959964 * se;
    return Multiplier{std::exp(at), std::isfinite(half) ? std::exp(at - half) : 0.0,
                      std::isfinite(half) ? std::exp(std::min(at + half, 50.0)) : std::exp(kLogHigh)};
  };
  out.holiday = curvature_interval(log_h, log_e, true);
  if (out.end_of_term_estimated) out.end_of_term = curvature_interval(log_e, log_h, false);

  const Eigen::VectorXd line = (x.col(0) * fit.beta(0) + x.col(1) * fit.beta(1)).array().exp().matrix();
  out.term_time_level = line.mean();
  double factor = 0;
  for (const auto& e : exposure) factor += e.term + out.holiday.value * e.holiday + out.end_of_term.value * e.end_of_term;
  out.mean_term_factor = factor / n;

  const double parameters_calendar = static_cast<double>(x.cols()) + 1 + (out.end_of_term_estimated ? 1 : 0);
  out.bic_calendar = -2 * fit.log_likelihood / out.dispersion + parameters_calendar * std::log(n);
  out.bic_free_season = -2 * free.log_likelihood / out.dispersion + static_cast<double>(full.cols()) * std::log(n);
  return out;
}

}  // namespace caseflow::calibrate
