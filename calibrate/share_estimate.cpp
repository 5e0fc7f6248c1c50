#include "calibrate/share_estimate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace caseflow::calibrate {

ShareEstimate estimate_share(long long k, long long n) {
  if (n < 0 || k < 0 || k > n) throw std::invalid_argument("estimate_share: need 0 <= k <= n");
  ShareEstimate e;
  e.k = k;
  e.n = n;
  if (n == 0) return e;  // nothing observed: the interval is all of [0, 1]
  constexpr double z = 1.959963984540054;  // the normal distribution's 97.5% point
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2n = z * z / nn;
  const double centre = (p + z2n / 2) / (1 + z2n);
  const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / nn + z2n / (4 * nn));
  e.share = p;
  // At k = 0 or k = n the bound is exactly 0 or 1; rounding would leave it a hair inside.
  e.low = k == 0 ? 0.0 : std::max(0.0, centre - half);
  e.high = k == n ? 1.0 : std::min(1.0, centre + half);
  return e;
}

}  // namespace caseflow::calibrate
