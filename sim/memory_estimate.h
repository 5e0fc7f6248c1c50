#pragma once
// What a run will need in memory, worked out before it starts, so that a scenario or an
// option too large for the machine is refused at once with the estimate (exit 2) instead of
// failing with bad_alloc after minutes (docs/reliability.md, "Resource limits").
//
// Two parts grow: every replication's monthly figures, kept until the end because exact
// quantiles and paired differences need them, compactly (sim/compact_series.h); and each running replication's children, one
// record per open case, recycled as cases close. The second is an estimate: the open
// caseload at the start, plus a month of contacts, scaled by how far demand rises over the
// horizon, plus every contact beyond what the front door can decide, which piles up.
#include <cstddef>
#include <cstdint>

#include "sim/scenario.h"

namespace caseflow::sim {

struct MemoryEstimate {
  double monthly_figures_bytes = 0;  // all replications
  double children_bytes = 0;         // all threads
  double fixed_bytes = 0;            // the program, the scenario, the tables shared by threads
  double child_records = 0;          // per running replication
  double total() const { return monthly_figures_bytes + children_bytes + fixed_bytes; }
};

// Measured bytes per open child record, everything a replication holds per case included
// (England, 1 replication x 60 months: 540,823 records in 210 MB over the baseline's
// footprint, docs/performance.md).
constexpr double kBytesPerChildRecord = 400;

// The bytes one replication's compact monthly figures take, by the form each metric's values
// usually fit: counts in two bytes a month, money (whole pence) in four, ratios and FTE in
// eight. Measured on the baseline (tests/sim/memory_estimate_test.cpp): within 1-2x of what
// its replications take.
constexpr double kCountBytesPerMonth = 2;
constexpr double kMoneyBytesPerMonth = 4;
double compact_bytes_per_replication(std::size_t stage_groups, int months);

// `scenarios_kept`: how many scenarios' replications are held together (compare holds each).
MemoryEstimate estimate_memory(const Scenario& scenario, std::uint32_t replications, unsigned threads,
                               std::size_t scenarios_kept = 1);

}  // namespace caseflow::sim
