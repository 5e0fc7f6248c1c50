#pragma once
// Minimises a smooth function of a few parameters without derivatives (Nelder and Mead's
// simplex, with the standard reflection 1, expansion 2, contraction 0.5 and shrink 0.5).
// Used for likelihoods of a dozen parameters whose gradients would be long to write and
// easy to get wrong; a dozen parameters is well inside where the method is reliable.
#include <functional>
#include <vector>

namespace caseflow::calibrate {

struct Minimum {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
  bool converged = false;  // the simplex's values agree within the tolerance
};

// Starts from `start` with initial steps `step` (one per parameter); stops when the spread of
// the simplex's values falls below `tolerance` or after `max_evaluations`. Restarts once from
// the best point, the usual guard against a simplex that collapsed early.
Minimum minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                 const std::vector<double>& step, double tolerance = 1e-9, int max_evaluations = 20000);

}  // namespace caseflow::calibrate
