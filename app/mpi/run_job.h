#pragma once
// `mpirun -np N caseflow-mpi run SCENARIO [run options]`: rank k runs slice k+1 of N of the
// replications (sim/shard_slice.h), sends it to rank 0 as a shard (io/shard_file.h), and rank 0
// merges the slices (io/shard_merge.h) and writes the outputs of a single `caseflow run`, byte
// for byte but for summary.json's wall_seconds (docs/scale.md, "MPI"). A region file is run the
// same way, each rank a slice of every council (app/mpi/region_job.h).
#include "app/mpi/world.h"

namespace caseflow::app::mpi {

// The whole command line on this rank; returns the job's exit status, the same on every rank
// (0, 1 for an internal error, 2 for a user's mistake), its message printed once, by rank 0.
int run_job(const World& world, int argc, const char* const* argv);

}  // namespace caseflow::app::mpi
