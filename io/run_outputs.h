#pragma once
// The output contract of `caseflow run`: monthly.csv, annual.csv, budget.csv, summary.json and
// scenario.resolved.yaml (and on request the per-replication files and workbook.xlsx),
// written atomically into one folder.
#include <string>

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

struct RunOutputOptions {
  const sim::Replications* per_replication = nullptr;  // non-null: also the per-replication files
  ForeignFolder foreign = ForeignFolder::kWriteInto;   // kRefuse unless the user said --force
  bool xlsx = false;                                   // also workbook.xlsx (--xlsx)
};

void write_run_outputs(const std::string& folder, const sim::Scenario& scenario, const sim::RunOptions& options,
                       const sim::RunSummary& summary, const RunProvenance& provenance,
                       const RunOutputOptions& output = {});

}  // namespace caseflow::io
