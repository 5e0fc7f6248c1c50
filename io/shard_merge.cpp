#include "io/shard_merge.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "io/region_shard_file.h"
#include "io/shard_slots.h"
#include "io/user_error.h"
#include "sim/engine/civil_date.h"
#include "sim/shard_slice.h"

namespace caseflow::io {

namespace {

namespace fs = std::filesystem;

// Throws when `h` (of `file`) is not of the same run as `first` (of `first_file`), naming what differs.
void check_same_run(const ShardHeader& h, const std::string& file, const ShardHeader& first,
                    const std::string& first_file) {
  auto differs = [&](const std::string& what, const std::string& mine, const std::string& theirs) {
    throw UserError(file, 0, 0,
                    what + " " + mine + " differs from " + theirs + " in " + first_file +
                        ": shards of different runs cannot be merged (run every shard with the same caseflow, "
                        "scenario, seed, --reps, --horizon-months and shard count)");
  };
  if (h.caseflow_version != first.caseflow_version)
    differs("caseflow version", h.caseflow_version, first.caseflow_version);
  if (h.git_revision != first.git_revision) differs("git revision", h.git_revision, first.git_revision);
  if (h.scenario_hash != first.scenario_hash)
    differs("scenario hash", h.scenario_hash + " ('" + h.scenario_name + "')",
            first.scenario_hash + " ('" + first.scenario_name + "')");
  if (h.seed != first.seed) differs("seed", std::to_string(h.seed), std::to_string(first.seed));
  if (h.total_replications != first.total_replications)
    differs("replication count", std::to_string(h.total_replications), std::to_string(first.total_replications));
  if (h.shard_count != first.shard_count)
    differs("shard count", std::to_string(h.shard_count), std::to_string(first.shard_count));
  if (h.horizon_months != first.horizon_months)
    differs("horizon", std::to_string(h.horizon_months) + " months", std::to_string(first.horizon_months) + " months");
  if (h.start_date != first.start_date)
    differs("start date", engine::to_iso(h.start_date), engine::to_iso(first.start_date));
  if (h.stage_labels != first.stage_labels)
    differs("stage groups", listed(h.stage_labels), listed(first.stage_labels));
}

}  // namespace

ShardPath find_shard(const std::string& path) {
  std::error_code ec;
  ShardPath found{path, ShardKind::kScenario};
  if (fs::is_directory(path, ec)) {
    const fs::path scenario = fs::path(path) / kShardFileName, region = fs::path(path) / kRegionShardFileName;
    if (fs::exists(scenario, ec))
      found.file = scenario.string();
    else if (fs::exists(region, ec))
      found.file = region.string();
    else
      throw UserError(path, 0, 0, std::string("is a folder without ") + kShardFileName + " or " +
                                      kRegionShardFileName + ": not the output of `caseflow run --shard`");
  }
  char magic[sizeof kRegionShardMagic] = {};
  std::ifstream in(found.file, std::ios::binary);
  if (in.read(magic, sizeof magic) && std::memcmp(magic, kRegionShardMagic, sizeof magic) == 0)
    found.kind = ShardKind::kRegion;
  return found;
}

MergedShards merge_shards(const std::vector<std::string>& paths) {
  if (paths.empty()) throw UserError("merge: give the shard folders to merge");
  std::vector<NamedShard> shards;
  for (const auto& path : paths) {
    std::string file = find_shard(path).file;
    ShardFile shard = read_shard_file(file);
    shards.push_back({std::move(file), std::move(shard)});
  }
  return merge_shard_files(std::move(shards));
}

MergedShards merge_shard_files(std::vector<NamedShard> shards) {
  if (shards.empty()) throw UserError("merge: give the shard folders to merge");
  MergedShards merged;
  std::string first_file;
  std::vector<std::optional<ShardFile>> slots;  // by shard index - 1
  std::optional<ShardSlots> given;
  for (auto& [file, shard] : shards) {
    const ShardHeader& h = shard.header;
    if (first_file.empty()) {
      first_file = file;
      merged.run = h;
      slots.resize(h.shard_count);
      given.emplace(h.shard_count);
    } else {
      check_same_run(h, file, merged.run, first_file);
    }
    const sim::ShardSlice slice = sim::shard_slice(h.total_replications, h.shard_index, h.shard_count);
    if (slice.first != h.first_replication || slice.count != h.replications)
      throw UserError(file, 0, 0,
                      "holds replications " + std::to_string(h.first_replication) + " to " +
                          std::to_string(h.first_replication + h.replications) + " (exclusive), not slice " +
                          slice_name(h.shard_index, h.shard_count) + " of " + std::to_string(h.total_replications) +
                          " replications: the header is corrupt");
    given->place(h.shard_index, file);
    merged.wall_seconds += h.wall_seconds;
    slots[h.shard_index - 1] = std::move(shard);
  }
  given->check_complete(merged.run.total_replications, "run", first_file);

  // Shard 1's header, whichever was given first: its scenario file and threads are the outputs'
  // provenance (docs/scale.md).
  merged.run = slots.front()->header;
  merged.replications = sim::replications_frame(merged.run.horizon_months, merged.run.start_date, merged.run.seed,
                                                merged.run.stage_labels);
  merged.replications.monthly.reserve(merged.run.total_replications);
  for (auto& slot : slots) {
    sim::Replications& r = slot->replications;
    merged.replications.events += r.events;
    merged.replications.peak_child_records = std::max(merged.replications.peak_child_records, r.peak_child_records);
    for (auto& m : r.monthly) merged.replications.monthly.push_back(std::move(m));
    slot.reset();  // its memory goes as it is taken
  }
  return merged;
}

}  // namespace caseflow::io
