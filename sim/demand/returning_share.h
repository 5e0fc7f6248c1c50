#pragma once
// Returning children's share of all contacts, measured by simulating a scenario: 1 - expected
// first contacts / simulated contacts, both summed over the first `months` months of its
// horizon and over the replications. A council's history counts all contacts, a scenario's
// contacts_per_month only first contacts (the simulation adds the returning children's), so
// `caseflow forecast --base` scales the fitted levels by (1 - this share) of the base scenario.
#include <cstdint>

#include "sim/scenario.h"

namespace caseflow::sim {

struct ReturningShare {
  double share = 0;
  double first_contacts = 0, contacts = 0;  // per replication, over the months measured
  int months = 0;
  std::uint32_t replications = 0;
};

// Deterministic: replications 0..n-1 of `seed`, run one after another.
ReturningShare measure_returning_share(const Scenario& scenario, int months, std::uint32_t replications,
                                       std::uint64_t seed);

}  // namespace caseflow::sim
