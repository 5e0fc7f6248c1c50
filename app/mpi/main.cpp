// caseflow-mpi: `caseflow run` across the ranks of an MPI job (app/mpi/run_job.h).
#include "app/mpi/run_job.h"
#include "app/mpi/world.h"

int main(int argc, char** argv) {
  int status = 0;
  {
    const caseflow::app::mpi::World world(argc, argv);  // MPI_Finalize when it goes
    status = caseflow::app::mpi::run_job(world, argc, argv);
  }
  return status;
}
