#include "calibrate/care_placements_by_age.h"

#include <cmath>

#include "calibrate/yaml_text.h"

namespace caseflow::calibrate {

namespace {

std::size_t band_of(const std::vector<double>& edges, double age) {
  std::size_t b = 0;
  while (b + 2 < edges.size() && age >= edges[b + 1]) ++b;
  return b;
}

double x_log_x_over(double x, double total) { return x > 0 ? x * std::log(x / total) : 0.0; }

std::string criterion_text(double statistic, double df, double penalty) {
  return "likelihood ratio " + number_text(statistic, 3) + " for " + number_text(df, 3) + " more parameters, BIC penalty " +
         number_text(penalty, 3);
}

// The multinomial of first placements: one set of shares for the bands that qualify, against
// one set per band.
void test_shares(PlacementsByAge& r, long long min_count) {
  std::array<long long, sim::kPlacements> all{};
  long long n = 0;
  std::size_t qualifying = 0;
  double banded = 0;
  for (const auto& b : r.bands) {
    if (b.n < min_count) continue;
    ++qualifying;
    n += b.n;
    for (std::size_t k = 0; k < sim::kPlacements; ++k) {
      all[k] += b.starts[k];
      banded += x_log_x_over(static_cast<double>(b.starts[k]), static_cast<double>(b.n));
    }
  }
  if (qualifying < 2) return;
  double pooled = 0;
  std::size_t types = 0;
  for (long long c : all) {
    pooled += x_log_x_over(static_cast<double>(c), static_cast<double>(n));
    types += c > 0;
  }
  const double statistic = 2 * (banded - pooled);
  const double df = static_cast<double>((qualifying - 1) * (types > 0 ? types - 1 : 0));
  const double penalty = df * std::log(static_cast<double>(n));
  r.shares_test = criterion_text(statistic, df, penalty);
  r.shares_by_band = df >= 1 && statistic > penalty;
  for (auto& b : r.bands) b.shares_written = r.shares_by_band && b.n >= min_count;
}

// Poisson moves with exposure: one rate for the bands that qualify, against one per band.
void test_moves(PlacementsByAge& r, long long min_count, std::size_t periods) {
  double years = 0, banded = 0;
  long long moves = 0;
  std::size_t qualifying = 0;
  for (const auto& b : r.bands) {
    if (b.years < static_cast<double>(min_count)) continue;
    ++qualifying;
    years += b.years;
    moves += b.moves;
    banded += x_log_x_over(static_cast<double>(b.moves), b.years) - static_cast<double>(b.moves);
  }
  if (qualifying < 2 || periods == 0) return;
  const double pooled = x_log_x_over(static_cast<double>(moves), years) - static_cast<double>(moves);
  const double statistic = 2 * (banded - pooled);
  const double df = static_cast<double>(qualifying - 1);
  const double penalty = df * std::log(static_cast<double>(periods));
  r.moves_test = criterion_text(statistic, df, penalty);
  r.moves_by_band = statistic > penalty;
  for (auto& b : r.bands) b.moves_written = r.moves_by_band && b.years >= static_cast<double>(min_count);
}

std::vector<PlacementBandEstimate> count(const Observations& o, const std::vector<double>& edges, std::size_t& periods) {
  std::vector<PlacementBandEstimate> bands;
  for (std::size_t b = 0; b + 1 < edges.size(); ++b) bands.push_back({.from_age = edges[b], .to_age = edges[b + 1]});
  for (const auto& p : o.care_periods) {
    if (p.uasc || p.age_years < 0 || p.placement < 0) continue;
    auto& b = bands[band_of(edges, p.age_years)];
    b.starts[static_cast<std::size_t>(p.placement)] += 1;
    b.n += 1;
  }
  periods = 0;
  for (const auto& e : o.care_exposures) {
    if (e.age_years < 0) continue;
    auto& b = bands[band_of(edges, e.age_years)];
    b.years += e.years;
    b.moves += e.moves;
    ++periods;
  }
  return bands;
}

}  // namespace

PlacementsByAge placements_by_age(const Observations& o, std::vector<double> edges, long long min_count, bool pool,
                                  std::vector<std::string>& pooled) {
  PlacementsByAge r;
  std::size_t periods = 0;
  r.bands = count(o, edges, periods);
  while (pool && r.bands.size() > 1) {
    std::size_t short_band = r.bands.size();
    for (std::size_t b = 0; b < r.bands.size() && short_band == r.bands.size(); ++b)
      if (r.bands[b].n < min_count || r.bands[b].years < static_cast<double>(min_count)) short_band = b;
    if (short_band == r.bands.size()) break;
    const std::size_t b = short_band;
    const bool up = b == 0 || (b + 1 < r.bands.size() && r.bands[b + 1].n < r.bands[b - 1].n);
    pooled.push_back(number_text(r.bands[b].from_age, 3) + "-" + number_text(r.bands[b].to_age, 3) + " pooled with " +
                     number_text(r.bands[up ? b + 1 : b - 1].from_age, 3) + "-" + number_text(r.bands[up ? b + 1 : b - 1].to_age, 3) +
                     " (" + count_text(r.bands[b].n) + " first placements, " + number_text(r.bands[b].years, 3) + " years in care)");
    edges.erase(edges.begin() + static_cast<std::ptrdiff_t>(up ? b + 1 : b));
    r.bands = count(o, edges, periods);
  }
  for (auto& b : r.bands) {
    for (std::size_t k = 0; k < sim::kPlacements; ++k) b.shares[k] = estimate_share(b.starts[k], b.n);
    if (b.years > 0) {
      // The score interval of a Poisson rate: like Wilson's for a share, it stays above 0 and
      // keeps near its nominal coverage for few events.
      const double z = 1.959964, m = static_cast<double>(b.moves);
      b.moves_per_year = m / b.years;
      b.moves_low = (m + z * z / 2 - z * std::sqrt(m + z * z / 4)) / b.years;
      b.moves_high = (m + z * z / 2 + z * std::sqrt(m + z * z / 4)) / b.years;
    }
  }
  test_shares(r, min_count);
  test_moves(r, min_count, periods);
  return r;
}

}  // namespace caseflow::calibrate
