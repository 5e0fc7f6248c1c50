#include "sim/distribution.h"

#include <algorithm>
#include <cmath>

namespace caseflow::sim {

namespace {

constexpr double kZ90 = 1.2815515655446004;  // standard normal 90th percentile

// Standard normal quantile by Acklam's rational approximation (relative error below
// 1.2e-9, far finer than any duration needs), which is several times cheaper than an exact
// inverse error function and is evaluated for every lognormal draw.
double normal_quantile(double u) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01,  -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  if (u < kLow) {
    const double q = std::sqrt(-2.0 * std::log(u));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  if (u > 1.0 - kLow) {
    const double q = std::sqrt(-2.0 * std::log1p(-u));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double q = u - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

double lognormal_sigma(const Distribution& d) { return d.sigma > 0 ? d.sigma : std::log(d.p90 / d.value) / kZ90; }

// The largest double below 1: a tail's share of a uniform never reaches 1 (an infinite draw).
constexpr double kBelowOne = 1.0 - 0x1.0p-53;

// The length-biased exponential tail beyond `a` (density of the excess x proportional to
// (a + x) e^(-x/m)): the x at which its distribution function 1 - e^(-x/m) (a + m + x) / (a + m)
// reaches v, by bisection (the warm start's draws only; the function rises from 0 to 1).
double length_biased_exponential_quantile(double a, double m, double v) {
  auto below = [&](double x) { return 1.0 - std::exp(-x / m) * (a + m + x) / (a + m) < v; };
  double lo = 0.0, hi = m;
  while (below(hi)) hi *= 2;
  for (int i = 0; i < 100 && hi - lo > 1e-9 * (1 + hi); ++i) {
    const double mid = 0.5 * (lo + hi);
    (below(mid) ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double Distribution::mean() const {
  switch (kind) {
    case Kind::kFixed:
    case Kind::kExponential:
      return value;
    case Kind::kLognormal: {
      const double s = lognormal_sigma(*this);
      return value * std::exp(0.5 * s * s);
    }
    case Kind::kEmpirical: {
      double m = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        m += probs[i] * 0.5 * (lo + upper[i]);
        lo = upper[i];
      }
      if (tail_mean > 0) m += probs.back() * (lo + tail_mean);
      return m;
    }
  }
  return 0.0;
}

double Distribution::quantile(double u) const {
  switch (kind) {
    case Kind::kFixed:
      return value;
    case Kind::kExponential:
      return -value * std::log1p(-u);
    case Kind::kLognormal:
      return value * std::exp(lognormal_sigma(*this) * normal_quantile(u));
    case Kind::kEmpirical: {
      const bool tail = tail_mean > 0;
      double cumulative = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        if (u <= cumulative + probs[i] || (!tail && i + 1 == upper.size())) {
          const double within = probs[i] > 0 ? (u - cumulative) / probs[i] : 0.0;
          return lo + std::clamp(within, 0.0, 1.0) * (upper[i] - lo);
        }
        cumulative += probs[i];
        lo = upper[i];
      }
      if (!tail) return lo;
      const double within = probs.back() > 0 ? (u - cumulative) / probs.back() : 0.0;
      return lo - tail_mean * std::log1p(-std::clamp(within, 0.0, kBelowOne));
    }
  }
  return value;
}

Distribution::InProgress Distribution::in_progress(double u_length, double u_elapsed) const {
  double total = value;
  switch (kind) {
    case Kind::kFixed:
      break;
    case Kind::kExponential:
      // Length-biased exponential is Gamma(2, mean): the sum of two exponentials.
      total = -value * (std::log1p(-u_length) + std::log1p(-u_elapsed));
      return {total, total * u_elapsed};  // memoryless: elapsed part is uniform too
    case Kind::kLognormal: {
      // Length-biasing a lognormal shifts log-mean by sigma^2: LN(mu + s^2, s).
      const double s = lognormal_sigma(*this);
      total = value * std::exp(s * s + s * normal_quantile(u_length));
      break;
    }
    case Kind::kEmpirical: {
      // Bin weights proportional to probability x midpoint; density within a bin proportional
      // to x. The tail's weight is its probability x its mean, a + tail_mean.
      const bool tail = tail_mean > 0;
      std::vector<double> weights(upper.size() + (tail ? 1 : 0));
      double sum = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        weights[i] = probs[i] * 0.5 * (lo + upper[i]);
        sum += weights[i];
        lo = upper[i];
      }
      if (tail) sum += weights.back() = probs.back() * (lo + tail_mean);
      double cumulative = 0.0;
      lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        const double w = weights[i] / sum;
        if (u_length <= cumulative + w || (!tail && i + 1 == upper.size())) {
          const double v = w > 0 ? std::clamp((u_length - cumulative) / w, 0.0, 1.0) : 0.0;
          total = std::sqrt(lo * lo + v * (upper[i] * upper[i] - lo * lo));
          return {total, total * u_elapsed};
        }
        cumulative += w;
        lo = upper[i];
      }
      const double w = weights.back() / sum;  // 0 for a tail of no probability, reached only by rounding
      total = w > 0 ? lo + length_biased_exponential_quantile(lo, tail_mean, std::clamp((u_length - cumulative) / w, 0.0, kBelowOne)) : lo;
      break;
    }
  }
  return {total, total * u_elapsed};
}

double Distribution::cdf(double x) const {
  if (x <= 0) return 0.0;
  switch (kind) {
    case Kind::kFixed:
      return x >= value ? 1.0 : 0.0;
    case Kind::kExponential:
      return -std::expm1(-x / value);
    case Kind::kLognormal:
      return 0.5 * std::erfc(-std::log(x / value) / (lognormal_sigma(*this) * std::sqrt(2.0)));
    case Kind::kEmpirical: {
      double cumulative = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        if (x < upper[i]) return cumulative + probs[i] * (x - lo) / (upper[i] - lo);
        cumulative += probs[i];
        lo = upper[i];
      }
      if (tail_mean > 0) return std::min(1.0, cumulative - probs.back() * std::expm1(-(x - lo) / tail_mean));
      return 1.0;
    }
  }
  return 1.0;
}

double Distribution::total_given_elapsed(double elapsed, double u) const {
  // In an exponential tail the time left is the tail's own, whatever has passed (memoryless):
  // taken directly, since far out cdf() rounds to 1 and the conditional draw would lose it.
  if (kind == Kind::kEmpirical && tail_mean > 0 && elapsed >= upper.back()) return elapsed - tail_mean * std::log1p(-u);
  const double done = cdf(elapsed);
  if (done >= 1.0 - 1e-12) return elapsed;
  return std::max(elapsed, quantile(done + u * (1.0 - done)));
}

std::string unit_suffix(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return "days";
    case TimeUnit::kWorkingDays:
      return "wd";
    case TimeUnit::kWeeks:
      return "weeks";
    case TimeUnit::kMonths:
      return "months";
  }
  return "days";
}

}  // namespace caseflow::sim
