#pragma once
// The MPI job this process is one rank of: MPI_Init when made, MPI_Finalize when destroyed;
// its rank, the number of ranks, and how many ranks share this host (for the default thread
// count, so that ranks on one machine do not each take every core).
#include <string>

namespace caseflow::app::mpi {

class World {
 public:
  World(int& argc, char**& argv);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }  // rank 0 merges and writes the outputs
  int ranks_on_host() const { return ranks_on_host_; }
  // "MPI rank 2 of 3 on HOST" (ranks numbered from 0, as mpirun numbers them): how this rank
  // names itself in its messages.
  std::string describe() const;

 private:
  int rank_ = 0, size_ = 1, ranks_on_host_ = 1;
  std::string host_;
};

}  // namespace caseflow::app::mpi
