#include "app/mpi/injected_failure.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace caseflow::app::mpi {

void fail_if_injected(int rank) {
  const char* named = std::getenv("CASEFLOW_MPI_FAIL_RANK");
  if (named && std::string(named) == std::to_string(rank))
    throw std::runtime_error("failure injected by CASEFLOW_MPI_FAIL_RANK=" + std::string(named) +
                             " (a test hook) after this rank's slice ran");
}

}  // namespace caseflow::app::mpi
