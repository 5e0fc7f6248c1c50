#pragma once
// `caseflow-mpi run SCENARIO`: rank k runs slice k+1 of N of the scenario's replications and
// sends it to rank 0 as a shard (io/shard_file.h); rank 0 merges them (io/shard_merge.h) and
// writes the outputs of `caseflow run SCENARIO` (docs/scale.md, "MPI").
#include <memory>

#include "app/mpi/job.h"

namespace caseflow::app::mpi {

std::unique_ptr<Job> scenario_job();

}  // namespace caseflow::app::mpi
