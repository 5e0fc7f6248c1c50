#pragma once
// A duration on a projection's step grid, as the probability of leaving k steps after entering
// (k = 1, 2, ...; pmf[0] is always 0: nobody leaves at the instant they enter, so the exits
// of an instant depend only on earlier entries and need no ordering within the instant).
// Probability missing from the pmf (it sums to less than 1) never leaves within the
// projection: a truncated tail, or a stay longer than any horizon.
//
// Helpers for the durations a cohort projection needs: a continuous duration put on the grid,
// the sum of two independent durations, the longer of two, a fixed length, and the residual
// (time left) of a stage in progress at a random instant in a steady state.
#include <functional>
#include <vector>

namespace caseflow::models::markov {

using StepPmf = std::vector<double>;

// P(duration > k steps), k = 0..pmf.size() - 1 (survival[0] = 1 less pmf[0]).
std::vector<double> survival_of(const StepPmf& pmf);
// The mean in steps of the part that leaves within the pmf.
double mean_steps(const StepPmf& pmf);

// A continuous duration with cumulative distribution `cdf` (in steps) rounded to the nearest
// step, at least 1: pmf[k] = cdf(k + 1/2) - cdf(k - 1/2), the mass below 1.5 at k = 1. Rounding
// to the nearest keeps the mean (and so a stage's stock) within the rounding's symmetric error
// when entries fall anywhere within a step. Up to `max_steps`; the rest stays unresolved.
StepPmf rounded_pmf(const std::function<double(double)>& cdf, int max_steps);
// Exactly `steps` steps (at least 1).
StepPmf fixed_pmf(int steps);
// X + Y for independent X and Y, truncated to `max_steps`.
StepPmf sum_pmf(const StepPmf& x, const StepPmf& y, int max_steps);
// max(X, Y) for independent X and Y.
StepPmf max_pmf(const StepPmf& x, const StepPmf& y);
// The time left of a stay in progress at the start of a steady state (the equilibrium
// residual): those present at the start of instant 0, having entered before it, leave at
// instant j >= 1 with P(left = j) proportional to P(duration > j). With count = entries per
// step x (mean - 1), they and a constant stream of entries from instant 0 keep the stock at
// its steady level from the start, which is what a warm start needs.
StepPmf equilibrium_residual(const StepPmf& pmf);

}  // namespace caseflow::models::markov
