#pragma once
// `caseflow run REGION.yaml`: every council of a region file run with its own random numbers,
// and the outputs of each council and of the region's total written as one set (docs/scale.md,
// "Regions"; docs/outputs.md, "Regions"). With --shard K/N, slice K of every council's
// replications, written as a region shard for `caseflow merge`; `caseflow-mpi` runs the same
// slices on its ranks (docs/scale.md, "Regions in shards and under MPI").
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/shard_option.h"
#include "app/simulation_options.h"
#include "io/region_shard_file.h"
#include "io/region_yaml.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/shard_slice.h"

namespace caseflow::app {

// What a region run works out from the command line before any replication runs.
struct RegionPlan {
  std::string file;                      // the region file as given
  io::Region region;
  std::vector<sim::RunOptions> options;  // each council's, for every replication of the run
  std::uint32_t replications() const { return options.front().replications; }
};

// Throws io::UserError for a run option a region does not take: --report (the report reads one
// scenario's outputs).
void check_region_run_options(const SimulationOptions& options);

// Reads the region file and every council's scenario and works out each council's options:
// the command line's, then the region's shared settings, then its own scenario's.
RegionPlan plan_region(const SimulationOptions& options, const std::string& region_file);

// Throws io::UserError when holding `replications` of every council at once (a run or rank 0's
// merge: all of them; a shard or another rank: its slice) would need more memory than allowed.
void check_region_memory(const RegionPlan& plan, std::uint32_t replications, const SimulationOptions& options);

// Every council's replications of `slice`, in the region's order, with each council's wall
// seconds; `progress` is called once per replication run.
struct CouncilRuns {
  std::vector<sim::Replications> runs;
  std::vector<double> wall_seconds;
};
CouncilRuns simulate_councils(const RegionPlan& plan, sim::ShardSlice slice, const std::function<void()>& progress);

// The region shard of slice `shard` (io/region_shard_file.h), taking the councils' runs.
io::RegionShardFile region_shard(const RegionPlan& plan, ShardOption shard, sim::ShardSlice slice,
                                 CouncilRuns councils, unsigned threads);

// Writes the outputs of the whole region run from every council's replications (ids 0..N-1)
// into `out`; `council_seconds` and `seconds` are the wall times its summary.json gives.
// Returns the events simulated.
std::uint64_t write_region_run(const SimulationOptions& options, const RegionPlan& plan, const std::string& out,
                               const std::vector<const sim::Replications*>& councils,
                               const std::vector<double>& council_seconds, double seconds, unsigned threads);

void run_region(const SimulationOptions& options, const std::string& region_file);

// `caseflow run REGION.yaml --shard K/N`.
void run_region_shard(const SimulationOptions& options, const std::string& region_file, ShardOption shard);

}  // namespace caseflow::app
