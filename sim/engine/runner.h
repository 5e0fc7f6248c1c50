#pragma once
// Runs N replications on a pool of threads. Each replication is a pure function of its id,
// and its result goes into the slot of that id, so the merged results are identical for any
// thread count.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace caseflow::engine {

// The threads a run asked for with `requested` uses: 0 means one per core (at least one).
inline unsigned threads_for(unsigned requested) {
  return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// Calls body(i) for every i in [0, count) on a pool of threads (0 = one per core). Items are
// handed out one at a time, so uneven items balance. The first exception stops the handing
// out and is rethrown here once every thread has finished its current item.
template <typename Body>
void parallel_for(std::uint32_t count, unsigned threads, const Body& body) {
  threads = std::min<unsigned>(threads_for(threads), std::max<std::uint32_t>(count, 1));
  std::atomic<std::uint32_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::uint32_t id = next++; id < count; id = next++) {
      try {
        body(id);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;  // stop handing out work
      }
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  pool.clear();  // joins
  if (failure) std::rethrow_exception(failure);
}

template <typename Result>
std::vector<Result> run_replications(std::uint32_t replications, unsigned threads,
                                     const std::function<Result(std::uint32_t)>& replicate) {
  std::vector<Result> results(replications);
  parallel_for(replications, threads, [&](std::uint32_t id) { results[id] = replicate(id); });
  return results;
}

}  // namespace caseflow::engine
