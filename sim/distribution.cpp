#include "sim/distribution.h"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>

namespace caseflow::sim {

namespace {

constexpr double kZ90 = 1.2815515655446004;  // standard normal 90th percentile

// Double precision throughout: the default policy promotes to long double, which is slow
// and buys nothing for a sampled duration.
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
double normal_quantile(double u) { return std::sqrt(2.0) * boost::math::erf_inv(2.0 * u - 1.0, DoublePolicy()); }

double lognormal_sigma(const Distribution& d) { return std::log(d.p90 / d.value) / kZ90; }

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
      double cumulative = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        if (u <= cumulative + probs[i] || i + 1 == upper.size()) {
          const double within = probs[i] > 0 ? (u - cumulative) / probs[i] : 0.0;
          return lo + std::clamp(within, 0.0, 1.0) * (upper[i] - lo);
        }
        cumulative += probs[i];
        lo = upper[i];
      }
      return lo;
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
      // Bin weights proportional to probability x midpoint; density within a bin proportional to x.
      std::vector<double> weights(upper.size());
      double sum = 0.0, lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        weights[i] = probs[i] * 0.5 * (lo + upper[i]);
        sum += weights[i];
        lo = upper[i];
      }
      double cumulative = 0.0;
      lo = 0.0;
      for (std::size_t i = 0; i < upper.size(); ++i) {
        const double w = weights[i] / sum;
        if (u_length <= cumulative + w || i + 1 == upper.size()) {
          const double v = std::clamp((u_length - cumulative) / w, 0.0, 1.0);
          total = std::sqrt(lo * lo + v * (upper[i] * upper[i] - lo * lo));
          break;
        }
        cumulative += w;
        lo = upper[i];
      }
      break;
    }
  }
  return {total, total * u_elapsed};
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
