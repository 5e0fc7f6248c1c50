// Engine throughput. Run: build/bench/engine_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cmath>

#include "sim/engine/event_queue.h"
#include "sim/engine/queueing_model.h"
#include "sim/engine/random.h"

namespace caseflow::engine {
namespace {

// The classic "hold" model: a queue of N pending events; each step pops the earliest and
// schedules one at now + an exponential increment. Increments come from a tiny xorshift so
// the figure measures the event list, not the random number generator (measured separately).
void BM_EventQueueHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  EventQueue q;
  q.reserve(pending + 1);
  std::uint64_t x = 88172645463325252ULL;
  auto next_increment = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return 2.0 * (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53;
  };
  for (std::size_t i = 0; i < pending; ++i) q.schedule(next_increment(), 0, 1, static_cast<std::uint32_t>(i));
  for (auto _ : state) {
    const Event e = q.pop();
    q.schedule(e.time_days + next_increment(), 0, e.kind, e.entity);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventQueueHold)->Arg(64)->Arg(1024)->Arg(16384);

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

}  // namespace
}  // namespace caseflow::engine
