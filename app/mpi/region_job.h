#pragma once
// `caseflow-mpi run REGION.yaml`: rank k runs slice k+1 of N of every council's replications
// (the slices of `caseflow run REGION.yaml --shard`) and sends them to rank 0 as a region
// shard (io/region_shard_file.h); rank 0 merges them (io/region_shard_merge.h) and writes the
// outputs of `caseflow run REGION.yaml` (docs/scale.md, "Regions in shards and under MPI").
#include <memory>

#include "app/mpi/job.h"

namespace caseflow::app::mpi {

std::unique_ptr<Job> region_job();

}  // namespace caseflow::app::mpi
