#include "io/shard_slots.h"

#include "io/user_error.h"
#include "sim/shard_slice.h"

namespace caseflow::io {

std::string slice_name(std::uint32_t index, std::uint32_t count) {
  return std::to_string(index) + "/" + std::to_string(count);
}

std::string listed(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ",") + n;
  return s;
}

void ShardSlots::place(std::uint32_t index, const std::string& file) {
  std::string& slot = files_.at(index - 1);
  if (!slot.empty())
    throw UserError(file, 0, 0,
                    "is shard " + slice_name(index, static_cast<std::uint32_t>(files_.size())) + " again (also " + slot +
                        "): give each shard once");
  slot = file;
}

void ShardSlots::check_complete(std::uint32_t total_replications, const std::string& run, const std::string& first_file) const {
  const auto count = static_cast<std::uint32_t>(files_.size());
  std::string missing;
  std::size_t missing_count = 0;
  for (std::uint32_t index = 1; index <= count; ++index)
    if (files_[index - 1].empty()) {
      const sim::ShardSlice slice = sim::shard_slice(total_replications, index, count);
      missing += (missing.empty() ? "" : ", ") + slice_name(index, count) + " (replications " + std::to_string(slice.first) +
                 " to " + std::to_string(slice.first + slice.count - 1) + ")";
      ++missing_count;
    }
  if (missing_count)
    throw UserError("merge: " + std::to_string(missing_count) + " of the " + std::to_string(count) + " shards of this " + run +
                    " " + (missing_count == 1 ? "is" : "are") + " missing: " + missing + "; give every shard's folder (the run of " +
                    first_file + ")");
}

}  // namespace caseflow::io
