#pragma once
// Gamma variates with scale 1, for the gamma-mixed Poisson of daily demand.
//
// For shape >= 1, Marsaglia and Tsang's method (ACM TOMS 26(3), 2000): one normal and one
// uniform per try, accepted at least 95% of the time (over 99% at the shapes demand uses),
// and a log only when the cheap squeeze fails. Boost's gamma_distribution rejects from a
// Cauchy instead (a tan, a log and an exp on every try), which cost more than the day's
// Poisson draw it feeds. Shapes below 1 go to Boost unchanged.
#include <cmath>

#include <boost/random/gamma_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace caseflow::engine {

template <class Rng>
double gamma_variate(double shape, Rng& rng) {
  if (shape < 1.0) return boost::random::gamma_distribution<double>(shape, 1.0)(rng);
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  boost::random::normal_distribution<double> normal;
  boost::random::uniform_01<double> uniform;
  for (;;) {
    const double x = normal(rng);
    const double t = 1.0 + c * x;
    if (t <= 0.0) continue;
    const double v = t * t * t;
    const double u = uniform(rng);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (u > 0.0 && std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

}  // namespace caseflow::engine
