#pragma once
// Fitting a council's series whatever it holds. Real histories have months that are wrong (a
// system migration's 0, a typing error of 1,000,000) and patterns the full model cannot fit
// (a source that is 0 in the same calendar months every year, whose seasonal effects run off
// to minus infinity). Neither may wreck the forecast or make it hang:
// - an outlying month (its log count more than 4 from the series' median of log counts, a
//   factor of 55, and more than 6 robust deviations; at most one month in twenty) is fitted
//   as a one-month shock of its own, so it moves nothing else, and named in a note;
// - a fit that does not converge, cannot be laid out, or whose forecast is not finite or more
//   than 100 times the history's largest month, falls back to a simpler model (Poisson; then Poisson with one
//   Fourier pair), with a note;
// - when no model fits, std::invalid_argument says why.
#include <string>
#include <vector>

#include "models/forecast/forecaster.h"

namespace caseflow::models::forecast {

// Months of the series that look wrong, outside the windows already in `known` (the user's shocks).
std::vector<YearMonth> outlying_months(const MonthlySeries& series, const std::vector<Intervention>& known);

struct RobustFit {
  FittedSeries fit;
  std::vector<std::string> notes;  // each outlier and each fallback, in plain words
};

RobustFit fit_robust(const MonthlySeries& series, const ModelSpec& spec, Family family, int horizon_months);

}  // namespace caseflow::models::forecast
