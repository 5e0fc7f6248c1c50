#pragma once
// A test hook: CASEFLOW_MPI_FAIL_RANK=R makes MPI rank R throw once its slice has run, as a
// rank whose simulation fails would, so tests/mpi/mpi_run.sh can show that one failing rank
// fails the whole job with its message and no outputs. Used only by that test; unset, it does
// nothing (docs/scale.md, "MPI").
namespace caseflow::app::mpi {

// Throws std::runtime_error on the rank CASEFLOW_MPI_FAIL_RANK names.
void fail_if_injected(int rank);

}  // namespace caseflow::app::mpi
