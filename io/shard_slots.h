#pragma once
// The shards of one run, placed by their index: each given once and none missing, with the
// messages that say which. Shared by the merge of a scenario's shards and of a region's.
#include <cstdint>
#include <string>
#include <vector>

namespace caseflow::io {

// "K/N": shard K of N, as --shard takes it.
std::string slice_name(std::uint32_t index, std::uint32_t count);

// A header's list (stage groups, councils) as the messages show it: comma-separated.
std::string listed(const std::vector<std::string>& names);

class ShardSlots {
 public:
  explicit ShardSlots(std::uint32_t count) : files_(count) {}

  // Shard `index` (1..count, as its header, already checked, gives it) is `file`; a UserError
  // naming both files when that shard was given already.
  void place(std::uint32_t index, const std::string& file);

  // A UserError naming every slice not given and its replications (of `total_replications`),
  // for `run` ("run", "region run") whose first shard given was `first_file`.
  void check_complete(std::uint32_t total_replications, const std::string& run, const std::string& first_file) const;

 private:
  std::vector<std::string> files_;  // by index - 1; empty until given
};

}  // namespace caseflow::io
