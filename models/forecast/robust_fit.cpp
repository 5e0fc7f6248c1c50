#include "models/forecast/robust_fit.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace caseflow::models::forecast {

namespace {

constexpr double kOutlierLogDistance = 4.0;  // a factor of e^4 = 55 from the median month
constexpr double kOutlierDeviations = 6.0;   // and this many robust standard deviations

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2) return *mid;
  return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", v);
  return text;
}

// Why a fit cannot be used, or "" when it can.
std::string unusable(const FittedSeries& f, int horizon_months) {
  const GlmFit& g = f.glm();
  if (!g.converged) return "the fit did not converge";
  if (!g.beta.allFinite() || !g.standard_errors.allFinite()) return "the fit's coefficients are not finite";
  for (double m : point_forecast(f, horizon_months))
    if (!std::isfinite(m) || m > f.largest_plausible_mean()) return "its forecast runs past 100 times the largest month";
  return "";
}

}  // namespace

std::vector<YearMonth> outlying_months(const MonthlySeries& series, const std::vector<Intervention>& known) {
  std::vector<double> logs;
  for (double c : series.counts) logs.push_back(std::log(c + 1.0));
  if (logs.size() < 3) return {};
  const double centre = median(logs);
  std::vector<double> spread;
  for (double l : logs) spread.push_back(std::abs(l - centre));
  const double robust_sd = 1.4826 * median(spread);
  std::vector<YearMonth> out;
  // An outlier is rare: when more than one month in twenty stands that far out, the series is
  // not "usual months and a wrong one" (it may be 0 every other month), and none is singled out.
  const std::size_t most = logs.size() / 20;
  for (std::size_t t = 0; t < logs.size(); ++t) {
    const double distance = std::abs(logs[t] - centre);
    if (distance <= kOutlierLogDistance || distance <= kOutlierDeviations * robust_sd) continue;
    const YearMonth month = series.first_month.plus_months(static_cast<int>(t));
    const bool covered = std::any_of(known.begin(), known.end(),
                                     [&](const Intervention& iv) { return !(month < iv.first_month) && !(iv.last_month < month); });
    if (!covered) out.push_back(month);
  }
  if (out.size() > most) out.clear();
  return out;
}

RobustFit fit_robust(const MonthlySeries& series, const ModelSpec& spec, Family family, int horizon_months) {
  std::vector<std::string> notes;
  ModelSpec with_outliers = spec;
  std::vector<double> logs;
  for (double c : series.counts) logs.push_back(std::log(c + 1.0));
  const double usual = std::exp(median(logs)) - 1.0;
  for (const YearMonth& m : outlying_months(series, spec.interventions)) {
    const double count = series.counts[static_cast<std::size_t>(months_between(series.first_month, m))];
    with_outliers.interventions.push_back({"outlier_" + to_string(m), m, m});
    notes.push_back(to_string(m) + " has " + number(count) + " against a usual month of " + number(usual) +
                    ": fitted as a one-month shock of its own (an outlier; correct it, or name it with --intervention)");
  }
  struct Attempt {
    Family family;
    int fourier_pairs;
    const char* name;
  };
  const std::vector<Attempt> attempts = {{family, with_outliers.fourier_pairs, family == Family::poisson ? "Poisson" : "negative binomial"},
                                         {Family::poisson, with_outliers.fourier_pairs, "Poisson"},
                                         {Family::poisson, 1, "Poisson with one Fourier pair"}};
  std::string why;
  for (std::size_t a = 0; a < attempts.size(); ++a) {
    if (a > 0 && attempts[a].family == attempts[a - 1].family && attempts[a].fourier_pairs == attempts[a - 1].fourier_pairs) continue;
    ModelSpec s = with_outliers;
    s.fourier_pairs = attempts[a].fourier_pairs;
    std::optional<FittedSeries> tried;
    std::string fault;
    try {
      tried.emplace(series, s, attempts[a].family);
      fault = unusable(*tried, horizon_months);
    } catch (const std::invalid_argument& e) {  // a design this series cannot support
      fault = e.what();
    }
    if (fault.empty()) {
      if (a > 0) notes.push_back("the " + std::string(attempts[0].name) + " model could not be used (" + why + "): fell back to " + attempts[a].name);
      return {std::move(*tried), std::move(notes)};
    }
    if (why.empty()) why = fault;
  }
  throw std::invalid_argument("no model fits this series (" + why + ", and the simpler models too)");
}

}  // namespace caseflow::models::forecast
