#pragma once
// --shard K/N of `caseflow run`: run only slice K of N of the replications (sim/shard_slice.h)
// and write them for `caseflow merge` (docs/scale.md).
#include <cstdint>
#include <optional>
#include <string_view>

namespace caseflow::app {

struct ShardOption {
  std::uint32_t index = 0;  // 1..count
  std::uint32_t count = 0;
};

// "3/8": K and N whole numbers with 1 <= K <= N; nothing when malformed.
std::optional<ShardOption> parse_shard(std::string_view text);

}  // namespace caseflow::app
