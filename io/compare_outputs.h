#pragma once
// The output contract of `caseflow compare`: compare_monthly.csv, compare_annual.csv,
// compare.md, summary.json and the resolved scenarios (and on request the per-replication
// paired figures), written atomically into one folder (docs/outputs.md).
#include <string>
#include <vector>

#include "io/output_dir.h"
#include "sim/comparison.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::io {

struct ComparedScenario {
  const sim::Scenario* scenario = nullptr;
  std::string file;
  const sim::Replications* replications = nullptr;
};

struct CompareProvenance {
  double wall_seconds = 0.0;
  unsigned threads = 0;
  bool per_replication = false;
  bool xlsx = false;  // also workbook.xlsx (--xlsx)
  ForeignFolder foreign = ForeignFolder::kWriteInto;
};

// comparisons[i] is alternatives[i] against base.
void write_compare_outputs(const std::string& folder, const ComparedScenario& base,
                           const std::vector<ComparedScenario>& alternatives,
                           const std::vector<sim::Comparison>& comparisons, const sim::RunOptions& options,
                           const CompareProvenance& provenance);

}  // namespace caseflow::io
