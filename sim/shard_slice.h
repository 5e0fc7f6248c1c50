#pragma once
// Which replications a shard runs. Shard k of n (1-based) of a run of N replications runs the
// contiguous block of ids [floor(N(k-1)/n), floor(Nk/n)): blocks differ in size by at most one
// and together cover 0..N-1 once each. Replication r's random numbers are keyed by (seed, r)
// alone (sim/keys.h), so it is the same replication whichever shard, process or machine runs
// it, and the shards merge into exactly the single run (docs/scale.md).
#include <cstdint>

namespace caseflow::sim {

struct ShardSlice {
  std::uint32_t first = 0;  // id of the slice's first replication
  std::uint32_t count = 0;  // replications in the slice
};

// `index` in 1..shards, shards in 1..total (so that no slice is empty); the caller checks.
inline ShardSlice shard_slice(std::uint32_t total, std::uint32_t index, std::uint32_t shards) {
  const auto begin = static_cast<std::uint32_t>(std::uint64_t{total} * (index - 1) / shards);
  const auto end = static_cast<std::uint32_t>(std::uint64_t{total} * index / shards);
  return {begin, end - begin};
}

}  // namespace caseflow::sim
