#pragma once
// The header of a shard's replications (io/shard_file.h): what `caseflow run --shard K/N`
// writes with them and what an MPI rank sends with them to rank 0, so that the merge can check
// that every slice is of the same run.
#include <string>

#include "app/shard_option.h"
#include "io/shard_file.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/shard_slice.h"

namespace caseflow::app {

// `whole`: the options of the whole run (all its replications); `scenario_file` as given on
// the command line; `threads` and `wall_seconds` the slice's own, for provenance.
io::ShardHeader shard_header(const sim::Scenario& scenario, const std::string& scenario_file,
                             const sim::RunOptions& whole, ShardOption shard, sim::ShardSlice slice,
                             const sim::Replications& replications, unsigned threads, double wall_seconds);

}  // namespace caseflow::app
