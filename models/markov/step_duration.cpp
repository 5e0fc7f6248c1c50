#include "models/markov/step_duration.h"

#include <algorithm>
#include <stdexcept>

namespace caseflow::models::markov {

std::vector<double> survival_of(const StepPmf& pmf) {
  std::vector<double> s(pmf.size());
  double left = 1.0;
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    left -= pmf[k];
    s[k] = std::max(0.0, left);
  }
  return s;
}

double mean_steps(const StepPmf& pmf) {
  double m = 0;
  for (std::size_t k = 0; k < pmf.size(); ++k) m += static_cast<double>(k) * pmf[k];
  return m;
}

StepPmf rounded_pmf(const std::function<double(double)>& cdf, int max_steps) {
  if (max_steps < 1) throw std::invalid_argument("rounded_pmf: max_steps must be at least 1");
  StepPmf pmf(static_cast<std::size_t>(max_steps) + 1, 0.0);
  double below = 0.0;  // the mass already placed
  for (int k = 1; k <= max_steps; ++k) {
    const double upto = std::clamp(cdf(k + 0.5), below, 1.0);
    pmf[static_cast<std::size_t>(k)] = upto - below;
    below = upto;
  }
  return pmf;
}

StepPmf fixed_pmf(int steps) {
  StepPmf pmf(static_cast<std::size_t>(std::max(1, steps)) + 1, 0.0);
  pmf.back() = 1.0;
  return pmf;
}

StepPmf sum_pmf(const StepPmf& x, const StepPmf& y, int max_steps) {
  const std::size_t n = std::min(x.size() + y.size() - 1, static_cast<std::size_t>(max_steps) + 1);
  StepPmf pmf(n, 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] == 0) continue;
    for (std::size_t j = 0; j < y.size() && i + j < n; ++j) pmf[i + j] += x[i] * y[j];
  }
  return pmf;
}

StepPmf max_pmf(const StepPmf& x, const StepPmf& y) {
  // P(max <= k) = P(X <= k) P(Y <= k).
  const std::size_t n = std::max(x.size(), y.size());
  StepPmf pmf(n, 0.0);
  double cx = 0, cy = 0, previous = 0;
  for (std::size_t k = 0; k < n; ++k) {
    cx += k < x.size() ? x[k] : 0.0;
    cy += k < y.size() ? y[k] : 0.0;
    pmf[k] = cx * cy - previous;
    previous = cx * cy;
  }
  return pmf;
}

StepPmf equilibrium_residual(const StepPmf& pmf) {
  // Present at the start of instant 0 having entered k >= 1 instants before (an entry rate
  // constant over time): it leaves at instant j = d - k >= 1 with weight sum over k >= 1 of
  // P(d = k + j) = P(d > j).
  const std::vector<double> s = survival_of(pmf);
  StepPmf residual(pmf.size(), 0.0);
  double total = 0;
  for (std::size_t j = 1; j < pmf.size(); ++j) total += residual[j] = s[j];
  if (total <= 0) throw std::invalid_argument("equilibrium_residual: a duration that nobody leaves");
  for (double& r : residual) r /= total;
  return residual;
}

}  // namespace caseflow::models::markov
