#pragma once
// Mergeable summaries across replications: running mean and variance (Welford, merged by
// Chan et al.'s parallel formula) and empirical quantiles.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace caseflow::engine {

class RunningStats {
 public:
  void add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }

  // Chan, Golub & LeVeque: combine two summaries as if every value had been added to one.
  void merge(const RunningStats& other) {
    if (other.n_ == 0) return;
    if (n_ == 0) {
      *this = other;
      return;
    }
    const double total = static_cast<double>(n_ + other.n_);
    const double delta = other.mean_ - mean_;
    mean_ += delta * static_cast<double>(other.n_) / total;
    m2_ += other.m2_ + delta * delta * static_cast<double>(n_) * static_cast<double>(other.n_) / total;
    n_ += other.n_;
  }

  std::uint64_t count() const { return n_; }
  double mean() const { return mean_; }
  double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }
  double standard_error() const { return n_ > 1 ? std::sqrt(variance() / static_cast<double>(n_)) : 0.0; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

// Quantile by linear interpolation between order statistics (type 7, as R and numpy
// default), of values already sorted.
inline double quantile_of_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

inline double quantile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return quantile_of_sorted(values, p);
}

// The nearest-rank p-quantile of `n` values counted by value in `counts` (counts[v] values
// equal to v): the smallest v with at least ceil(p n) values at or below it. NaN when n is 0.
// Timeliness quartiles (working days of completed assessments) come this way: exact
// whole days, and a year's figure from the months' counts pooled.
inline double quantile_of_histogram(const std::vector<std::uint32_t>& counts, std::uint64_t n, double p) {
  if (n == 0) return std::nan("");
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(p * static_cast<double>(n))));
  std::uint64_t seen = 0;
  for (std::size_t v = 0; v < counts.size(); ++v) {
    seen += counts[v];
    if (seen >= rank) return static_cast<double>(v);
  }
  return std::nan("");
}

struct Spread {
  double mean = 0.0, p10 = 0.0, p50 = 0.0, p90 = 0.0;
};

// Mean and the three quantiles. Reorders the values: each quantile needs only its two order
// statistics, found by selection in the part of the range above the previous quantile, so
// the cost is linear rather than a full sort (the results are the same as after a sort).
inline Spread spread_of(std::vector<double>& values) {
  if (values.empty()) return {std::nan(""), std::nan(""), std::nan(""), std::nan("")};
  RunningStats s;
  for (double v : values) s.add(v);
  const std::size_t n = values.size();
  auto from = values.begin();
  auto quantile_after = [&](double p) {
    const double h = p * static_cast<double>(n - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto at_lo = values.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(from, at_lo, values.end());
    from = at_lo;  // everything before it is no larger: later quantiles look only beyond
    const double low = *at_lo;
    const double high = lo + 1 < n ? *std::min_element(at_lo + 1, values.end()) : low;
    return low + (h - static_cast<double>(lo)) * (high - low);
  };
  const double p10 = quantile_after(0.1);
  const double p50 = quantile_after(0.5);
  const double p90 = quantile_after(0.9);
  return {s.mean(), p10, p50, p90};
}

}  // namespace caseflow::engine
