#pragma once
// The output folder of `caseflow run REGION.yaml --shard K/N`: region.cfshard
// (io/region_shard_file.h), the slice of every council for `caseflow merge`, and shard.json,
// its header for people to read (merge reads only the binary file). Written atomically as a
// set (io/output_dir.h).
#include <string>

#include "io/output_dir.h"
#include "io/region_shard_file.h"

namespace caseflow::io {

void write_region_shard_outputs(const std::string& folder, const RegionShardFile& shard, ForeignFolder foreign);

}  // namespace caseflow::io
