#pragma once
// The output folder of `caseflow run --shard K/N`: shard.cfshard (io/shard_file.h), the
// shard's replications for `caseflow merge`, and shard.json, the same header for people to
// read (merge reads only the binary file). Written atomically as a set (io/output_dir.h).
#include <string>

#include "io/output_dir.h"
#include "io/shard_file.h"
#include "sim/replications.h"

namespace caseflow::io {

void write_shard_outputs(const std::string& folder, const ShardHeader& header, const sim::Replications& replications,
                         ForeignFolder foreign);

}  // namespace caseflow::io
