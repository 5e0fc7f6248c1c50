#include "models/forecast/backtest.h"

#include <cmath>
#include <stdexcept>

#include "models/forecast/robust_fit.h"

namespace caseflow::models::forecast {

BacktestPaths backtest_paths(const MonthlySeries& series, const ModelSpec& spec, Family family,
                             const BacktestOptions& options) {
  if (options.horizon_months < 1) throw std::invalid_argument("back-test horizon must be at least one month");
  // The seasonal-naive forecast looks back whole years, so it needs a year before the origin.
  if (options.min_fit_months < 12) throw std::invalid_argument("back-test needs min_fit_months >= 12");
  const int n = static_cast<int>(series.counts.size());
  const int last_origin = n - options.horizon_months;  // months fitted before the last origin
  const int first_origin = std::max(options.min_fit_months, last_origin - options.origins + 1);
  BacktestPaths paths;
  for (int fit_months = first_origin; fit_months <= last_origin; ++fit_months) {
    MonthlySeries history{series.first_month,
                          std::vector<double>(series.counts.begin(), series.counts.begin() + fit_months)};
    const FittedSeries fitted = fit_robust(history, spec, family, options.horizon_months).fit;
    paths.origins.push_back(series.first_month.plus_months(fit_months));
    paths.model.push_back(point_forecast(fitted, options.horizon_months));
    std::vector<double> naive, actual;
    for (int h = 1; h <= options.horizon_months; ++h) {
      const int target = fit_months + h - 1;
      const int years_back = (h + 11) / 12;
      naive.push_back(series.counts[static_cast<std::size_t>(target - 12 * years_back)]);
      actual.push_back(series.counts[static_cast<std::size_t>(target)]);
    }
    paths.naive.push_back(std::move(naive));
    paths.actual.push_back(std::move(actual));
  }
  return paths;
}

BacktestPaths add_paths(const BacktestPaths& a, const BacktestPaths& b) {
  if (a.origins != b.origins || (!a.model.empty() && a.model.front().size() != b.model.front().size())) {
    throw std::invalid_argument("add_paths: back-tests have different origins or horizons");
  }
  BacktestPaths sum = a;
  for (std::size_t o = 0; o < a.origins.size(); ++o) {
    for (std::size_t h = 0; h < a.model[o].size(); ++h) {
      sum.model[o][h] += b.model[o][h];
      sum.naive[o][h] += b.naive[o][h];
      sum.actual[o][h] += b.actual[o][h];
    }
  }
  return sum;
}

namespace {

struct Accumulator {
  int forecasts = 0, nonzero = 0;
  double model_abs = 0, naive_abs = 0, model_pct = 0, naive_pct = 0;

  void add(double model, double naive, double actual) {
    ++forecasts;
    model_abs += std::abs(model - actual);
    naive_abs += std::abs(naive - actual);
    if (actual != 0) {
      ++nonzero;
      model_pct += 100.0 * std::abs(model - actual) / std::abs(actual);
      naive_pct += 100.0 * std::abs(naive - actual) / std::abs(actual);
    }
  }
  ForecastErrors result(int horizon) const {
    ForecastErrors e;
    e.horizon_months = horizon;
    e.forecasts = forecasts;
    if (forecasts > 0) {
      e.model_mae = model_abs / forecasts;
      e.naive_mae = naive_abs / forecasts;
    }
    if (nonzero > 0) {
      e.model_mape_pct = model_pct / nonzero;
      e.naive_mape_pct = naive_pct / nonzero;
    } else {
      e.model_mape_pct = e.naive_mape_pct = std::nan("");
    }
    return e;
  }
};

}  // namespace

BacktestScore score(const BacktestPaths& paths) {
  BacktestScore out;
  const std::size_t horizon = paths.model.empty() ? 0 : paths.model.front().size();
  Accumulator all;
  for (std::size_t h = 0; h < horizon; ++h) {
    Accumulator at_h;
    for (std::size_t o = 0; o < paths.origins.size(); ++o) {
      at_h.add(paths.model[o][h], paths.naive[o][h], paths.actual[o][h]);
      all.add(paths.model[o][h], paths.naive[o][h], paths.actual[o][h]);
    }
    out.by_horizon.push_back(at_h.result(static_cast<int>(h + 1)));
  }
  out.overall = all.result(0);
  return out;
}

}  // namespace caseflow::models::forecast
