#pragma once
// The region shard file: one slice of a region's replications (`caseflow run REGION.yaml
// --shard K/N`), the same slice of every council, with the region's identity, so that
// `caseflow merge` can check that the shards are of one region run and write the region's
// outputs (docs/scale.md, "Regions in shards and under MPI"). Each council's slice is a whole
// scenario shard (io/shard_file.h) inside it, so a council is checked and merged exactly as a
// scenario's shards are.
//
// Format version 1, every number little-endian (io/shard_bytes.h):
//   "CFREGION"                        8 bytes, the magic
//   u32 format version                1
//   strings (u32 byte length, bytes): caseflow version, git revision, region name, region file
//                                     (as given to run), region hash, resolved region file
//   u32 shard index (1-based), shard count
//   u32 councils, then for each, in the region file's order:
//       string council name; u64 byte length; a scenario shard file of that length (its own
//       magic, header and checksum: the council's scenario hash, seed, replication count ...)
//   u64 checksum: FNV-1a (64-bit) of every byte before it
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "io/shard_file.h"

namespace caseflow::io {

constexpr std::uint32_t kRegionShardFormatVersion = 1;
constexpr const char* kRegionShardFileName = "region.cfshard";  // in a region shard's output folder
inline constexpr char kRegionShardMagic[8] = {'C', 'F', 'R', 'E', 'G', 'I', 'O', 'N'};

struct RegionShardHeader {
  std::string caseflow_version, git_revision;
  std::string region_name, region_file, region_hash, resolved_yaml;
  std::uint32_t shard_index = 0, shard_count = 0;
  std::vector<std::string> council_names;  // in the region file's order
};

struct RegionShardFile {
  RegionShardHeader header;
  std::vector<ShardFile> councils;  // by council_names, each slice `shard_index` of `shard_count`
};

void write_region_shard_file(std::ostream& out, const RegionShardFile& shard);

// Reads a region shard; anything wrong with the file or with a council's shard inside it
// (another format version, truncated, bytes after its end, a checksum that fails, a council
// whose slice is not the region's) is a UserError naming the file (and the council).
RegionShardFile read_region_shard_file(const std::string& path);

// The same from `size` bytes of a stream (what an MPI rank sends to rank 0); `name` stands for
// the file in messages.
RegionShardFile read_region_shard(std::istream& bytes, std::uintmax_t size, const std::string& name);

}  // namespace caseflow::io
