#include "sim/comparison.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"

namespace caseflow::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The two-sided 95% Student t multiplier for n values (n - 1 degrees of freedom). Boost's
// quantile inverts the incomplete beta function, costly next to the rest of a difference, and
// a comparison asks for the same few n (the replications, fewer for ratios) thousands of
// times: each thread keeps the ones it has computed.
double t_multiplier(std::size_t n) {
  thread_local std::vector<double> cache;
  if (n >= cache.size()) cache.resize(n + 1, kNaN);
  if (std::isnan(cache[n])) {
    const boost::math::students_t_distribution<double> t(static_cast<double>(n - 1));
    cache[n] = boost::math::quantile(t, 0.975);
  }
  return cache[n];
}

}  // namespace

Difference paired_difference(const std::vector<double>& base, const std::vector<double>& alt,
                             std::vector<double>& scratch) {
  scratch.clear();
  engine::RunningStats base_stats, alt_stats, diff_stats;
  for (std::size_t r = 0; r < base.size(); ++r) {
    if (std::isnan(base[r]) || std::isnan(alt[r])) continue;
    const double d = alt[r] - base[r] + 0.0;  // + 0.0: no "-0" in the outputs
    base_stats.add(base[r]);
    alt_stats.add(alt[r]);
    diff_stats.add(d);
    scratch.push_back(d);
  }
  Difference out;
  out.pairs = scratch.size();
  if (scratch.empty()) return {0, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  out.base_mean = base_stats.mean();
  out.alt_mean = alt_stats.mean();
  const engine::Spread spread = engine::spread_of(scratch);
  out.mean = diff_stats.mean() + 0.0;
  out.p10 = spread.p10 + 0.0;
  out.p50 = spread.p50 + 0.0;
  out.p90 = spread.p90 + 0.0;
  if (out.pairs < 2) {
    out.ci_low = out.ci_high = kNaN;
  } else {
    const double half = t_multiplier(out.pairs) * diff_stats.standard_error();
    out.ci_low = out.mean - half + 0.0;
    out.ci_high = out.mean + half + 0.0;
  }
  return out;
}

Comparison compare_replications(const Replications& base, const Replications& alt, unsigned threads) {
  if (base.months != alt.months || base.layout != alt.layout || base.count() != alt.count() ||
      base.seed != alt.seed || base.financial_years != alt.financial_years)
    throw std::logic_error("compare_replications: the two runs are not paired (months, layout, seed or replications)");
  const auto& layout = *base.layout;
  const auto months = static_cast<std::size_t>(base.months);
  const std::size_t reps = base.count();
  Comparison c;
  c.monthly.resize(layout.total());
  engine::parallel_for(static_cast<std::uint32_t>(layout.total()), threads, [&](std::uint32_t s) {
    std::vector<double> b(reps), a(reps), scratch;
    auto& out = c.monthly[s];
    out.reserve(months);
    for (std::size_t m = 0; m < months; ++m) {
      for (std::size_t r = 0; r < reps; ++r) {
        b[r] = base.series(r, s)[m];
        a[r] = alt.series(r, s)[m];
      }
      out.push_back(paired_difference(b, a, scratch));
    }
  });

  std::vector<double> b(reps), a(reps), scratch;
  auto difference_of = [&](auto figure) {
    for (std::size_t r = 0; r < reps; ++r) {
      b[r] = figure(base, r);
      a[r] = figure(alt, r);
    }
    return paired_difference(b, a, scratch);
  };
  c.annual.resize(layout.total());
  for (const auto& info : metric_catalogue()) {
    const std::size_t all = layout.series(info.metric, layout.all_group(info.metric));
    c.horizon_mean.push_back(difference_of([&](const Replications& x, std::size_t r) { return horizon_mean(x, all, r); }));
    c.final_month.push_back(difference_of([&](const Replications& x, std::size_t r) { return final_month(x, all, r); }));
    if (info.year == YearRule::kNone) continue;
    for (std::size_t g = 0; g < layout.groups(info.metric); ++g) {
      const std::size_t s = layout.series(info.metric, g);
      for (std::size_t y = 0; y < base.financial_years.size(); ++y)
        c.annual[s].push_back(
            difference_of([&](const Replications& x, std::size_t r) { return year_figure(x, info, s, y, r); }));
    }
  }
  return c;
}

}  // namespace caseflow::sim
