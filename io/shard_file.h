#pragma once
// The shard file: one shard's replications (`caseflow run --shard K/N`), exactly as the
// runner produced them, with what a merge must check before it may add them to the others.
// docs/scale.md describes the format for anyone who reads it without caseflow.
//
// Format version 2, every number little-endian:
//   "CFSHARD\0"                       8 bytes, the magic
//   u32 format version                2
//   strings (u32 byte length, bytes): caseflow version, git revision, scenario name, scenario
//                                     file (as given to run), scenario hash, resolved scenario
//   u64 seed
//   u32 total replications, shard index (1-based), shard count, first replication id,
//       replications in this file
//   i32 horizon months, start year, start month, start day
//   u32 stage groups, then each group's label as a string
//   u32 series per replication (the layout's total; checked against this caseflow's)
//   u32 threads, f64 wall seconds, u64 events, u64 peak child records per replication
//   u32 parameter draws the replications are shared among (0: none; added in version 2)
//   f64 values: for each replication in id order, for each series in layout order, for each
//       month (sim::MonthlyResult::values as they are: NaN marks a month with no value)
//   u64 checksum: FNV-1a (64-bit) of every byte before it
// The values are the doubles themselves, bit for bit, so that the merged quantiles are exactly
// those of a single run.
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "sim/engine/civil_date.h"
#include "sim/replications.h"

namespace caseflow::io {

constexpr std::uint32_t kShardFormatVersion = 2;
constexpr const char* kShardFileName = "shard.cfshard";  // in a shard's output folder
inline constexpr char kShardMagic[8] = {'C', 'F', 'S', 'H', 'A', 'R', 'D', '\0'};

struct ShardHeader {
  std::string caseflow_version, git_revision;
  std::string scenario_name, scenario_file, scenario_hash, resolved_yaml;
  std::uint64_t seed = 0;
  std::uint32_t total_replications = 0, shard_index = 0, shard_count = 0;
  std::uint32_t first_replication = 0, replications = 0;
  int horizon_months = 0;
  engine::CivilDate start_date{};
  std::vector<std::string> stage_labels;
  std::uint32_t series = 0;
  std::uint32_t threads = 0;
  double wall_seconds = 0;
  std::uint64_t events = 0, peak_child_records = 0;
  std::uint32_t parameter_draws = 0;  // the scenario's (sim::Scenario::parameter_draws)
};

struct ShardFile {
  ShardHeader header;
  sim::Replications replications;  // first_id = header.first_replication
};

// Writes `replications` (whose count, months and layout the header must match) as a shard.
void write_shard_file(std::ostream& out, const ShardHeader& header, const sim::Replications& replications);

// Reads a shard file; a file that is not one, is of another format version, is truncated, has
// bytes after its end, fails its checksum or does not fit this caseflow's layout is a
// UserError naming the file and what is wrong.
ShardFile read_shard_file(const std::string& path);

// The same from `size` bytes of a stream: a shard sent rather than written to a file (the MPI
// driver's ranks send theirs to rank 0). `name` stands for the file in messages.
ShardFile read_shard(std::istream& bytes, std::uintmax_t size, const std::string& name);

}  // namespace caseflow::io
