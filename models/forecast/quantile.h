#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace caseflow::models::forecast {

// Quantile of a sample by linear interpolation between order statistics (Hyndman-Fan type 7,
// R's default), so P50 of an even-sized sample is the midpoint of the middle pair.
inline double quantile(std::vector<double> values, double p) {
  if (values.empty()) throw std::invalid_argument("quantile of an empty sample");
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace caseflow::models::forecast
