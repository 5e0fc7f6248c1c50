#pragma once
// Paired differences between two scenarios simulated with the same seed and replication ids.
// Replication r of each uses the same keyed random numbers for the same child, stage visit
// and staff member (sim/keys.h), so alt[r] - base[r] removes most of the noise the two share:
// the difference's spread is that of the scenarios' effect, not of two independent samples.
#include <cstddef>
#include <vector>

#include "sim/replications.h"

namespace caseflow::sim {

struct Difference {
  std::size_t pairs = 0;               // replications where both scenarios have a value
  double base_mean = 0, alt_mean = 0;  // over those pairs
  double mean = 0;                     // mean of alt - base
  double ci_low = 0, ci_high = 0;      // 95% confidence interval of that mean (Student t)
  double p10 = 0, p50 = 0, p90 = 0;    // of the paired differences
};

// The difference of paired figures, by replication (NaN: no value, that pair left out).
// Every field is NaN when no pair has a value, and the interval is NaN with one pair. `scratch`
// is reused between calls.
Difference paired_difference(const std::vector<double>& base, const std::vector<double>& alt,
                             std::vector<double>& scratch);

// Whether the interval leaves zero out: the difference is distinguishable from none.
inline bool excludes_zero(const Difference& d) { return d.ci_low > 0 || d.ci_high < 0; }

struct Comparison {
  std::vector<std::vector<Difference>> monthly;  // by series, by month
  std::vector<std::vector<Difference>> annual;   // by series, by financial year (none without a year rule)
  std::vector<Difference> horizon_mean;          // by Metric, of its "all" series
  std::vector<Difference> final_month;           // by Metric, of its "all" series
};

// Every series of `alt` against `base`, which must share their months, stage layout, seed and
// replication count (the caller checks and says which scenario differs).
Comparison compare_replications(const Replications& base, const Replications& alt, unsigned threads);

}  // namespace caseflow::sim
