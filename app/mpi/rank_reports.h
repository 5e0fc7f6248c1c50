#pragma once
// How the ranks tell rank 0 how their part went. Each phase of the job (setting up, then
// running the slices) ends with every rank sending rank 0 a report: a status (0 when its part
// went well, else the exit status of its failure) and bytes (its shard, or the message of its
// failure); rank 0 receives every report, whatever the others said, so that no rank is left
// waiting, and then tells every rank the job's status.
#include <functional>
#include <string>

#include "app/mpi/world.h"

namespace caseflow::app::mpi {

struct RankReport {
  int status = 0;
  std::string bytes;
};

// On rank 0: `on_report(rank, report)` for its own report, then each other rank's in rank
// order, as it arrives. On any other rank: sends `own` to rank 0. Sent in pieces of at most
// 1 GiB, so a shard of any size fits MPI's int counts.
void gather_reports(const World& world, RankReport own, const std::function<void(int, RankReport)>& on_report);

// Rank 0's `status`, returned on every rank.
int broadcast_status(int status);

}  // namespace caseflow::app::mpi
