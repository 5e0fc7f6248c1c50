#pragma once
// An explicit duration distribution from a scenario, e.g. {dist: lognormal, median_days: 180,
// p90_days: 540}. Sampling is by inversion (one uniform per draw) so draws stay aligned
// across scenarios under common random numbers.
#include <string>
#include <vector>

namespace caseflow::sim {

enum class TimeUnit { kDays, kWorkingDays, kWeeks, kMonths };

struct Distribution {
  enum class Kind { kFixed, kExponential, kLognormal, kEmpirical };
  Kind kind = Kind::kFixed;
  TimeUnit unit = TimeUnit::kDays;
  double value = 0.0;       // fixed value, exponential mean, or lognormal median
  double p90 = 0.0;         // lognormal 90th percentile
  double sigma = 0.0;       // lognormal log-scale spread, ln(p90 / median) / z90; 0 = work it out
  std::vector<double> upper;  // empirical: upper edge of each bin (first bin starts at 0)
  std::vector<double> probs;  // empirical: probability of each bin, then the tail's when it has one
  // empirical: > 0 when the distribution goes on beyond its last edge in an exponential tail
  // of this mean (beyond the edge), holding probs.back(): a duration whose longest cases were
  // still open when the data stopped (calibrate/duration_fit.h). 0: the last edge ends it.
  double tail_mean = 0.0;

  double mean() const;
  // The value at cumulative probability u (0 < u < 1), in this distribution's unit.
  double quantile(double u) const;
  // A draw from the length-biased (equilibrium) distribution, for a stage's stock at a warm
  // start: a case in progress at a random instant is more likely a long one. Returns
  // {total duration, elapsed part} from two uniforms.
  struct InProgress {
    double total = 0.0, elapsed = 0.0;
  };
  InProgress in_progress(double u_length, double u_elapsed) const;
  // P(duration <= x), x in this distribution's unit.
  double cdf(double x) const;
  // The total duration of a case known to have lasted `elapsed` already (its residual life):
  // the draw at u from the distribution conditioned on exceeding `elapsed` (>= elapsed).
  // Where the distribution holds no mass beyond `elapsed`, the case ends at once (elapsed);
  // past the last edge of an exponential tail the time left is the tail's (memoryless).
  double total_given_elapsed(double elapsed, double u) const;
};

std::string unit_suffix(TimeUnit unit);  // "days", "wd", "weeks", "months"

}  // namespace caseflow::sim
