// Engine throughput. Run: build/bench/engine_bench --benchmark_repetitions=7 --benchmark_report_aggregates_only=true
// (the machine is shared and noisy: compare medians, and A/B in one run where possible).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <deque>
#include <string>

#include "io/scenario_yaml.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/fifo.h"
#include "sim/engine/queueing_model.h"
#include "sim/engine/random.h"
#include "sim/model.h"

namespace caseflow::engine {
namespace {

// A tiny xorshift: increments cost a few cycles, so the hold figures measure the event list,
// not the random number generator (Philox is measured separately).
struct XorShift {
  std::uint64_t x = 88172645463325252ULL;
  std::uint64_t next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  }
  double exponential_ish() { return 2.0 * (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }  // mean 1
};

// The classic "hold" model: a queue of N pending events; each step pops the earliest and
// schedules one at now + a uniform(0, 2) increment (mean 1), all in one priority class.
void BM_EventQueueHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  EventQueue q;
  q.reserve(pending + 1);
  XorShift rng;
  for (std::size_t i = 0; i < pending; ++i) q.schedule(rng.exponential_ish(), 0, 1, static_cast<std::uint32_t>(i));
  for (auto _ : state) {
    const Event e = q.pop();
    q.schedule(e.time_days + rng.exponential_ish(), 0, e.kind, e.entity);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHold)->Arg(64)->Arg(1024)->Arg(16384);

// Hold with the model's mix: priority classes 0-5, and a quarter of events landing on whole
// days (day ticks, working-day delays), so many events tie on time and the class and
// sequence tie-breaks are exercised. N pending events as above.
void BM_EventQueueHoldMix(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  EventQueue q;
  q.reserve(pending + 1);
  XorShift rng;
  auto next_time = [&](double now) {
    const std::uint64_t r = rng.next();
    const double inc = 2.0 * (static_cast<double>(r >> 11) + 0.5) * 0x1.0p-53;
    return (r & 3) == 0 ? std::floor(now) + 1.0 + std::floor(inc) : now + inc;
  };
  auto next_class = [&] { return static_cast<std::uint8_t>(rng.next() % 6); };
  for (std::size_t i = 0; i < pending; ++i) q.schedule(next_time(0.0), next_class(), 1, static_cast<std::uint32_t>(i));
  for (auto _ : state) {
    const Event e = q.pop();
    q.schedule(next_time(e.time_days), next_class(), e.kind, e.entity, e.tag);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHoldMix)->Arg(64)->Arg(1024)->Arg(16384);

void BM_PhiloxUniform(benchmark::State& state) {
  const RandomStream s({1, 2, 3});
  std::uint64_t entity = 0;
  double sum = 0;
  for (auto _ : state) sum += s.uniform(entity++, 0);
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhiloxUniform);

// One whole M/M/3 replication (lambda 0.2, mu 0.1, about 20,000 customers, about 40,000 events).
void BM_QueueingModelReplication(benchmark::State& state) {
  const QueueingModelConfig config{0.2, 0.1, 3, 500.0, 500.0 + 100'000.0};
  std::uint32_t rep = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    const auto r = run_queueing_model(config, 1, rep++);
    events += r.events;
    benchmark::DoNotOptimize(r.mean_wait_days);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_QueueingModelReplication)->Unit(benchmark::kMillisecond);

// A first-in-first-out line held near `length` elements of the front door's contact size
// (48 bytes): push one, pop one. engine::Fifo (the ring that replaced std::deque on the
// simulation's queues) against std::deque, which allocates a node every 10 contacts.
struct ContactSized {
  double day;
  std::uint32_t child;
  std::uint32_t source;
  std::uint64_t entity;
  double draws[2];
  double spare;
};
template <typename Queue>
void fifo_hold(benchmark::State& state) {
  Queue q;
  const auto length = static_cast<std::size_t>(state.range(0));
  for (std::size_t i = 0; i < length; ++i) q.push_back(ContactSized{static_cast<double>(i), 0, 0, i, {0, 0}, 0});
  std::uint64_t n = length;
  for (auto _ : state) {
    q.push_back(ContactSized{static_cast<double>(n), 0, 0, n, {0, 0}, 0});
    ++n;
    benchmark::DoNotOptimize(q.front().entity);
    q.pop_front();
  }
  state.SetItemsProcessed(state.iterations());
}
void BM_FifoHold(benchmark::State& state) { fifo_hold<Fifo<ContactSized>>(state); }
void BM_DequeHold(benchmark::State& state) { fifo_hold<std::deque<ContactSized>>(state); }
BENCHMARK(BM_FifoHold)->Arg(16)->Arg(256);
BENCHMARK(BM_DequeHold)->Arg(16)->Arg(256);

}  // namespace
}  // namespace caseflow::engine

namespace caseflow::sim {
namespace {

// One whole baseline replication (60 months, about 60,000 events): the figure issue 15
// point 5 is about, without the process's start, the summary and the outputs.
void BM_BaselineReplication(benchmark::State& state) {
  const Scenario scenario = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(scenario, calendar);
  std::uint32_t rep = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    const ReplicationResult r = run_replication(scenario, calendar, demand, 1, rep++);
    events += r.events;
    benchmark::DoNotOptimize(r.fingerprint);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_BaselineReplication)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace caseflow::sim
