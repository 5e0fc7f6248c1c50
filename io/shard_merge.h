#pragma once
// `caseflow merge`: reads the shards of one run, checks that they are of the same run (the
// same caseflow version and git revision, scenario hash, seed, replication count, shard count,
// horizon, start date and stage groups) and that every slice is there exactly once, and puts
// their replications back together in id order: exactly the replications of a single run.
// Everything is checked before anything is written; any disagreement is a UserError naming
// the file and what differs, or the slices missing.
#include <string>
#include <vector>

#include "io/shard_file.h"
#include "sim/replications.h"

namespace caseflow::io {

struct MergedShards {
  ShardHeader run;                 // shard 1's header: what every shard agreed on
  double wall_seconds = 0;         // the shards' wall times added up
  sim::Replications replications;  // ids 0..N-1
};

// A shard as given to merge: a folder (holding shard.cfshard, or a region's region.cfshard) or
// the file itself, and which kind it is by its first bytes (a file of neither kind counts as a
// scenario's, whose reader then reports it).
enum class ShardKind { kScenario, kRegion };
struct ShardPath {
  std::string file;
  ShardKind kind = ShardKind::kScenario;
};
ShardPath find_shard(const std::string& path);

// Each path is a scenario's shard folder (holding shard.cfshard) or a shard file.
MergedShards merge_shards(const std::vector<std::string>& paths);

// A shard already read, and the name that stands for it in messages (its file, or the MPI rank
// that sent it).
struct NamedShard {
  std::string name;
  ShardFile shard;
};

// The same checks and merge, of shards already read (in any order).
MergedShards merge_shard_files(std::vector<NamedShard> shards);

}  // namespace caseflow::io
