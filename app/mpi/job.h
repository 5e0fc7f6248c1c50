#pragma once
// One kind of caseflow-mpi job, a scenario's or a region's: what each of its phases does on
// this rank. app/mpi/run_job.cpp drives the phases and the messages between them, the same
// for both: every rank sets up, then runs its slice (rank k: slice k+1 of N, sim/shard_slice.h);
// every rank but 0 sends its slice as bytes, and rank 0 reads them back, merges them with its
// own and writes the outputs.
#include <string>

#include "app/mpi/world.h"
#include "app/simulation_options.h"

namespace caseflow::app::mpi {

struct Options : SimulationOptions {
  std::string scenario;  // a scenario file, or a region file
};

class Job {
 public:
  virtual ~Job() = default;
  // The checks of `caseflow run` on every rank, before anything runs (throws as it does).
  virtual void set_up(const Options& o, const World& world) = 0;
  // This rank's slice, simulated and kept.
  virtual void run_slice(const Options& o, const World& world) = 0;
  // On ranks other than 0: the slice kept, as the bytes of its shard file.
  virtual std::string slice_bytes() = 0;
  // On rank 0: another rank's bytes read back as its shard (throws if they cannot be).
  virtual void add_received(int rank, std::string bytes) = 0;
  // On rank 0: every slice merged and the outputs written, with the line `caseflow run` prints.
  virtual void merge_and_write(const Options& o, const World& world) = 0;
};

}  // namespace caseflow::app::mpi
