#pragma once
// A region of several councils (issue 15 point 1, docs/scale.md "Regions"): the regional
// total of each replication, and the seed each council runs with when the region sets one.
//
// Replication r of the region is replication r of every council, summed month by month. Only
// counts, flows, stocks, FTE and costs are summed; a ratio (a unit of % or per FTE: timeliness
// shares, caseload per FTE, agency %) or a duration's mean or quartile (days, working days) of
// the region would need its numerator and denominator, or every duration, which a replication
// does not keep, so its series is NaN (no value) in the total and the region's outputs leave
// it out. The total's quantiles are then
// computed from these per-replication sums by sim::summarise, never by adding quantiles.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/replications.h"

namespace caseflow::sim {

// Whether a metric is summed into the regional total: additive across its groups, and its unit
// neither a ratio (%, per FTE) nor a duration (days, working days).
bool summed_in_region(const MetricInfo& info);

// The councils' replications summed, replication by replication, in the order given (so the
// sums are the same doubles on every run). Every council must have the same replication ids,
// months, start and stage groups (the region reader checks this first); the total's events
// are the councils' added up, its peak child records the largest council's.
Replications region_total(const std::vector<const Replications*>& councils);

// The seed of a council in a region that sets `seed:` (or is run with --seed): the region's
// seed mixed with the council's name (FNV-1a, then SplitMix64's finaliser), so councils never
// share random numbers by accident and a council keeps its seed when others are added,
// removed or reordered. Running the council's scenario alone with this seed reproduces its
// outputs in the region exactly.
std::uint64_t council_seed(std::uint64_t region_seed, const std::string& council_name);

}  // namespace caseflow::sim
