#pragma once
// The output set of a region run (docs/outputs.md, "Regions"): each council's files in
// councils/NAME/, exactly those of `caseflow run COUNCIL.yaml --seed SEED`, and the region's
// total at the top, made from the per-replication sums (sim/region_total.h). Written by
// `caseflow run REGION.yaml`, by `caseflow merge` of a region's shards and by rank 0 of
// `caseflow-mpi run REGION.yaml`, so that the three write the same bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::io {

struct RegionCouncilRun {
  const sim::Scenario* scenario = nullptr;  // what its outputs need: name, hash, resolved text, calendar
  sim::RunOptions options;                  // of every replication: count and seed
  const sim::Replications* replications = nullptr;
  RunProvenance provenance;  // its scenario file, its simulation's wall seconds, threads
};

struct RegionRun {
  const RegionProvenance* region = nullptr;  // its councils in the order of `councils`
  std::vector<RegionCouncilRun> councils;
  RunProvenance total;       // the region file, the whole run's wall seconds, threads
  unsigned summary_threads = 0;  // threads for the summaries; the outputs do not depend on them
  bool per_replication = false;
  bool xlsx = false;  // a workbook in each council's folder (the region's total has none)
  ForeignFolder foreign = ForeignFolder::kWriteInto;
};

// Writes the whole set into `folder` atomically; returns the councils' events added up.
std::uint64_t write_region_outputs(const std::string& folder, const RegionRun& run);

}  // namespace caseflow::io
