#pragma once
// An M/M/c queue on the engine: the reference model that validates the event queue, the
// random streams and the replication runner against queueing theory, and the engine's demo.
#include <cstdint>

#include "sim/engine/random.h"

namespace caseflow::engine {

struct QueueingModelConfig {
  double arrival_rate_per_day = 1.0;
  double service_rate_per_day = 1.25;
  std::uint32_t servers = 1;
  double warmup_days = 1'000.0;   // statistics start after this
  double horizon_days = 50'000.0;  // arrivals stop; customers in system remain
};

struct QueueingModelResult {
  std::uint64_t arrivals = 0;         // after warm-up
  std::uint64_t departures = 0;       // of customers who arrived after warm-up
  std::uint64_t in_system_at_end = 0; // of customers who arrived after warm-up
  std::uint64_t waited = 0;           // customers who found every server busy
  double mean_wait_days = 0.0;        // in queue, over departures
  double mean_sojourn_days = 0.0;     // in system, over departures
  double time_average_in_system = 0.0;  // L, from the area under the in-system curve
  double observed_days = 0.0;
  std::uint64_t events = 0;
  std::uint64_t fingerprint = 0;      // hash of the (time, kind, entity) event sequence
  std::uint64_t arrival_fingerprint = 0;  // hash of the arrival times alone
};

// Arrivals draw from purpose 1 (entity = customer, draw 0), services from purpose 2, so two
// configurations with the same seed and replication see the same arrival stream.
QueueingModelResult run_queueing_model(const QueueingModelConfig& config, std::uint64_t seed,
                                       std::uint32_t replication);

}  // namespace caseflow::engine
