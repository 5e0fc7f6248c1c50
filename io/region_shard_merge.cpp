#include "io/region_shard_merge.h"

#include <optional>

#include "io/shard_slots.h"
#include "io/user_error.h"

namespace caseflow::io {

namespace {

// Throws when `h` (of `file`) is not of the same region run as `first` (of `first_file`),
// naming what differs. The councils' own fields are checked by the scenario merge.
void check_same_region(const RegionShardHeader& h, const std::string& file, const RegionShardHeader& first,
                       const std::string& first_file) {
  auto differs = [&](const std::string& what, const std::string& mine, const std::string& theirs) {
    throw UserError(file, 0, 0,
                    what + " " + mine + " differs from " + theirs + " in " + first_file +
                        ": shards of different region runs cannot be merged (run every shard with the same "
                        "caseflow, region file, seed, --reps, --horizon-months and shard count)");
  };
  if (h.caseflow_version != first.caseflow_version)
    differs("caseflow version", h.caseflow_version, first.caseflow_version);
  if (h.git_revision != first.git_revision) differs("git revision", h.git_revision, first.git_revision);
  if (h.council_names != first.council_names)
    differs("council list", listed(h.council_names), listed(first.council_names));
  if (h.region_hash != first.region_hash)
    differs("region hash", h.region_hash + " ('" + h.region_name + "')",
            first.region_hash + " ('" + first.region_name + "'; the region file or a council's scenario changed)");
  if (h.shard_count != first.shard_count)
    differs("shard count", std::to_string(h.shard_count), std::to_string(first.shard_count));
}

}  // namespace

MergedRegionShards merge_region_shards(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UserError("merge: give the shard folders to merge");
  std::vector<NamedRegionShard> shards;
  for (const auto& path : paths) {
    std::string file = find_shard(path).file;
    RegionShardFile shard = read_region_shard_file(file);
    shards.push_back({std::move(file), std::move(shard)});
  }
  return merge_region_shard_files(std::move(shards));
}

MergedRegionShards merge_region_shard_files(std::vector<NamedRegionShard> shards) {
  if (shards.empty()) throw UserError("merge: give the shard folders to merge");
  MergedRegionShards merged;
  std::string first_file;
  std::vector<std::optional<NamedRegionShard>> slots;  // by shard index - 1
  std::optional<ShardSlots> given;
  for (auto& shard : shards) {
    const RegionShardHeader& h = shard.shard.header;
    if (first_file.empty()) {
      first_file = shard.name;
      merged.run = h;
      slots.resize(h.shard_count);
      given.emplace(h.shard_count);
    } else {
      check_same_region(h, shard.name, merged.run, first_file);
    }
    given->place(h.shard_index, shard.name);
    slots[h.shard_index - 1] = std::move(shard);
  }

  // Every council has the same replication count (io/region_yaml.h); the first shard's says which.
  std::uint32_t total = 0;
  for (const auto& slot : slots)
    if (slot && total == 0) total = slot->shard.councils.front().header.total_replications;
  given->check_complete(total, "region run", first_file);

  // Shard 1's header, whichever was given first: the region file as its run named it.
  merged.run = slots.front()->shard.header;
  // Each council's slices, merged by the scenario merge: its checks name the file and council.
  for (std::size_t c = 0; c < merged.run.council_names.size(); ++c) {
    std::vector<NamedShard> council;
    for (auto& slot : slots)
      council.push_back({slot->name + " (council '" + merged.run.council_names[c] + "')",
                         std::move(slot->shard.councils[c])});
    merged.councils.push_back(merge_shard_files(std::move(council)));
  }
  return merged;
}

}  // namespace caseflow::io
