#pragma once
// A share estimated from counts (k of n events), with its 95% interval. The Wilson score
// interval: unlike the normal approximation it stays inside [0, 1] and keeps close to its
// nominal coverage for small n and shares near 0 or 1, which routing shares often are
// (an ICPC share of 0.3 from 40 s47s, a care share of 0.015).
namespace caseflow::calibrate {

struct ShareEstimate {
  double share = 0;   // k / n; 0 when n == 0
  double low = 0;     // 95% Wilson interval
  double high = 1;
  long long k = 0, n = 0;
};

ShareEstimate estimate_share(long long k, long long n);

}  // namespace caseflow::calibrate
