#include "app/mpi/world.h"

#include <mpi.h>

namespace caseflow::app::mpi {

World::World(int& argc, char**& argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  char name[MPI_MAX_PROCESSOR_NAME];
  int length = 0;
  MPI_Get_processor_name(name, &length);
  host_.assign(name, static_cast<std::size_t>(length));
  // The ranks that share memory with this one are the ranks on this host.
  MPI_Comm host;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &host);
  MPI_Comm_size(host, &ranks_on_host_);
  MPI_Comm_free(&host);
}

World::~World() { MPI_Finalize(); }

std::string World::describe() const {
  return "MPI rank " + std::to_string(rank_) + " of " + std::to_string(size_) + " on " + host_;
}

}  // namespace caseflow::app::mpi
