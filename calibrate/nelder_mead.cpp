#include "calibrate/nelder_mead.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace caseflow::calibrate {
namespace {

Minimum run(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& start,
            const std::vector<double>& step, double tolerance, int max_evaluations, int evaluations) {
  const std::size_t n = start.size();
  std::vector<std::vector<double>> p(n + 1, start);
  for (std::size_t i = 0; i < n; ++i) p[i + 1][i] += step[i];
  std::vector<double> v(n + 1);
  auto eval = [&](const std::vector<double>& x) {
    ++evaluations;
    const double y = f(x);
    return std::isfinite(y) ? y : std::numeric_limits<double>::infinity();
  };
  for (std::size_t i = 0; i <= n; ++i) v[i] = eval(p[i]);
  std::vector<std::size_t> order(n + 1);
  bool converged = false;
  while (evaluations < max_evaluations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    if (std::isfinite(v[worst]) && std::fabs(v[worst] - v[best]) <= tolerance * (std::fabs(v[best]) + tolerance)) {
      converged = true;
      break;
    }
    std::vector<double> centre(n, 0.0);
    for (std::size_t i = 0; i <= n; ++i)
      if (i != worst)
        for (std::size_t j = 0; j < n; ++j) centre[j] += p[i][j] / static_cast<double>(n);
    auto along = [&](double t) {
      std::vector<double> x(n);
      for (std::size_t j = 0; j < n; ++j) x[j] = centre[j] + t * (p[worst][j] - centre[j]);
      return x;
    };
    const auto reflected = along(-1.0);
    const double vr = eval(reflected);
    if (vr < v[best]) {
      const auto expanded = along(-2.0);
      const double ve = eval(expanded);
      if (ve < vr) p[worst] = expanded, v[worst] = ve;
      else p[worst] = reflected, v[worst] = vr;
    } else if (vr < v[second]) {
      p[worst] = reflected, v[worst] = vr;
    } else {
      const auto contracted = along(vr < v[worst] ? -0.5 : 0.5);
      const double vc = eval(contracted);
      if (vc < std::min(vr, v[worst])) {
        p[worst] = contracted, v[worst] = vc;
      } else {
        for (std::size_t i = 0; i <= n; ++i) {
          if (i == best) continue;
          for (std::size_t j = 0; j < n; ++j) p[i][j] = p[best][j] + 0.5 * (p[i][j] - p[best][j]);
          v[i] = eval(p[i]);
        }
      }
    }
  }
  const auto best = static_cast<std::size_t>(std::min_element(v.begin(), v.end()) - v.begin());
  return {p[best], v[best], evaluations, converged};
}

}  // namespace

Minimum minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                 const std::vector<double>& step, double tolerance, int max_evaluations) {
  if (start.empty() || step.size() != start.size()) throw std::invalid_argument("minimise: one step per parameter");
  Minimum first = run(f, start, step, tolerance, max_evaluations, 0);
  Minimum second = run(f, first.x, step, tolerance, max_evaluations, first.evaluations);
  return second.value <= first.value ? second : first;
}

}  // namespace caseflow::calibrate
