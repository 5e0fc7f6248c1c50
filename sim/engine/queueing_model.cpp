#include "sim/engine/queueing_model.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "sim/engine/event_queue.h"
#include "sim/engine/resource.h"

namespace caseflow::engine {

namespace {

enum Kind : std::uint32_t { kArrival = 1, kDeparture = 2 };
enum Purpose : std::uint32_t { kArrivals = 1, kServices = 2 };

double exponential(const RandomStream& stream, std::uint64_t entity, double rate) {
  return -std::log(stream.uniform(entity, 0)) / rate;  // inversion: one uniform per variate
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

}  // namespace

QueueingModelResult run_queueing_model(const QueueingModelConfig& config, std::uint64_t seed,
                                       std::uint32_t replication) {
  const RandomStream arrivals({seed, replication, kArrivals});
  const RandomStream services({seed, replication, kServices});
  // Windows of about 64 arrivals: the queue sorts each window's events once (see EventQueue);
  // with a handful of customers pending, narrower windows would mostly be empty.
  EventQueue queue(64.0 / config.arrival_rate_per_day);
  Resource servers(config.servers, QueueDiscipline::kFifo);
  std::vector<double> arrived_at;  // by customer id
  std::vector<double> started_at;

  QueueingModelResult r;
  double wait_sum = 0.0, sojourn_sum = 0.0, area = 0.0, last_change = config.warmup_days;
  std::int64_t counted_in_system = 0;  // customers who arrived after warm-up, still present

  auto begin_service = [&](std::uint32_t customer, double now) {
    started_at[customer] = now;
    queue.schedule(now + exponential(services, customer, config.service_rate_per_day), 0, kDeparture, customer);
  };

  queue.schedule(exponential(arrivals, 0, config.arrival_rate_per_day), 1, kArrival, 0);
  arrived_at.push_back(0.0);
  started_at.push_back(0.0);
  double now = 0.0;
  while (!queue.empty()) {
    const Event e = queue.pop();
    now = e.time_days;
    ++r.events;
    std::uint64_t bits;
    std::memcpy(&bits, &now, sizeof bits);
    r.fingerprint = mix(mix(mix(r.fingerprint, bits), e.kind), e.entity);
    if (now > config.warmup_days) {
      area += static_cast<double>(counted_in_system) * (now - last_change);
      last_change = now;
    }
    const std::uint32_t customer = e.entity;
    const bool counted = arrived_at[customer] > config.warmup_days;
    if (e.kind == kArrival) {
      arrived_at[customer] = now;
      r.arrival_fingerprint = mix(r.arrival_fingerprint, bits);
      const bool counts = now > config.warmup_days;
      if (counts) {
        ++r.arrivals;
        ++counted_in_system;
      }
      if (servers.request(customer))
        begin_service(customer, now);
      else if (counts)
        ++r.waited;
      const double next = now + exponential(arrivals, customer + 1, config.arrival_rate_per_day);
      if (next < config.horizon_days) {
        arrived_at.push_back(next);
        started_at.push_back(0.0);
        queue.schedule(next, 1, kArrival, customer + 1);
      }
    } else {
      if (counted) {
        ++r.departures;
        --counted_in_system;
        wait_sum += started_at[customer] - arrived_at[customer];
        sojourn_sum += now - arrived_at[customer];
      }
      if (auto next = servers.release()) begin_service(*next, now);
    }
    if (now >= config.horizon_days) break;
  }
  r.in_system_at_end = static_cast<std::uint64_t>(counted_in_system);
  r.observed_days = std::max(0.0, std::min(now, config.horizon_days) - config.warmup_days);
  if (r.departures > 0) {
    r.mean_wait_days = wait_sum / static_cast<double>(r.departures);
    r.mean_sojourn_days = sojourn_sum / static_cast<double>(r.departures);
  }
  if (r.observed_days > 0) r.time_average_in_system = area / r.observed_days;
  return r;
}

}  // namespace caseflow::engine
