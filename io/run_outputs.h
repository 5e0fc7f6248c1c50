#pragma once
// The output contract of `caseflow run`: monthly.csv, annual.csv, budget.csv, summary.json and
// scenario.resolved.yaml (and on request the per-replication files and workbook.xlsx),
// written atomically into one folder.
#include <cstdint>
#include <string>
#include <vector>

#include "io/output_dir.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::io {

struct RunProvenance {
  std::string scenario_file;
  double wall_seconds = 0.0;
  unsigned threads = 0;
};

// A region's total (docs/scale.md, "Regions"): the files are written for the metrics the
// region sums only (sim::summed_in_region), summary.json names the region and its councils
// instead of a scenario, and region.resolved.yaml replaces scenario.resolved.yaml.
struct RegionCouncilProvenance {
  std::string name;           // the council's name in the region file
  std::string scenario_name;  // its scenario's `name:`
  std::string scenario_file;
  std::string scenario_hash;
  std::uint64_t seed = 0;
  double wall_seconds = 0.0;  // its replications' simulation
  std::uint32_t parameter_draws = 0;  // its scenario's (0: none)
};
struct RegionProvenance {
  std::string name;
  std::string file;
  std::string hash;
  std::string resolved_yaml;
  std::vector<RegionCouncilProvenance> councils;
};

struct RunOutputOptions {
  const sim::Replications* per_replication = nullptr;  // non-null: also the per-replication files
  ForeignFolder foreign = ForeignFolder::kWriteInto;   // kRefuse unless the user said --force
  bool xlsx = false;                                   // also workbook.xlsx (--xlsx)
  const RegionProvenance* region = nullptr;            // non-null: the files of a region's total
};

// The same files, written into `out` under `prefix` ("councils/north/", or "" for the top),
// for a caller that writes several sets into one folder and commits them together.
void write_run_files(OutputDir& out, const std::string& prefix, const sim::Scenario& scenario,
                     const sim::RunOptions& options, const sim::RunSummary& summary,
                     const RunProvenance& provenance, const RunOutputOptions& output = {});

void write_run_outputs(const std::string& folder, const sim::Scenario& scenario, const sim::RunOptions& options,
                       const sim::RunSummary& summary, const RunProvenance& provenance,
                       const RunOutputOptions& output = {});

}  // namespace caseflow::io
