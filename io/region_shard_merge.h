#pragma once
// `caseflow merge` of a region's shards (`caseflow run REGION.yaml --shard K/N`): checks that
// they are of one region run (the same caseflow version and git revision, council list, region
// hash and shard count) and that every slice is there once, then merges each council's slices
// with the scenario merge (io/shard_merge.h), which checks the rest (each council's scenario
// hash, seed, replication count, horizon, start date, stage groups). Everything is checked
// before anything is written; a disagreement is a UserError naming the file and what differs,
// or the slices missing (docs/scale.md, "Regions in shards and under MPI").
#include <string>
#include <vector>

#include "io/region_shard_file.h"
#include "io/shard_merge.h"

namespace caseflow::io {

struct MergedRegionShards {
  RegionShardHeader run;              // shard 1's header: what every shard agreed on
  std::vector<MergedShards> councils;  // in run.council_names' order, each ids 0..N-1
};

// Each path is a region shard folder (holding region.cfshard) or a region shard file.
MergedRegionShards merge_region_shards(const std::vector<std::string>& paths);

// A region shard already read, and the name that stands for it in messages.
struct NamedRegionShard {
  std::string name;
  RegionShardFile shard;
};

// The same checks and merge, of region shards already read (in any order).
MergedRegionShards merge_region_shard_files(std::vector<NamedRegionShard> shards);

}  // namespace caseflow::io
