#pragma once
// The sheets of the --xlsx workbook of `run` and `compare` (docs/outputs.md, "Excel
// workbook"). Every number in them is the number the CSV beside it writes (read back from
// its text), so a reader who checks one against the other finds them equal; percentages are
// stored as fractions (85% is 0.85) and money in pounds, both formatted.
#include <string>
#include <vector>

#include "io/budget.h"
#include "io/xlsx_workbook.h"
#include "sim/comparison.h"
#include "sim/engine/calendar.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::io {

// The metrics of the Monthly sheet and of the Summary sheet's headline rows.
const std::vector<sim::Metric>& headline_metrics();

// A value as the CSV writes it and as the workbook stores it: the CSV text read back, a
// percentage as a fraction.
double workbook_value(const sim::MetricInfo& info, double v);

struct WorkbookScenario {
  const sim::Scenario* scenario = nullptr;
  std::string file;   // as named on the command line
  std::string label;  // "base", "alternative1"...; "" for a run
};

// The Assumptions sheet: every key of each scenario with its value and cited source.
xlsx::Sheet assumptions_sheet(const std::vector<WorkbookScenario>& scenarios);

struct RunWorkbook {
  WorkbookScenario scenario;
  const sim::RunOptions* options = nullptr;
  const sim::RunSummary* summary = nullptr;
  std::vector<int> months_in_year;  // by summary->financial_years
};
// Summary, Budget, Monthly, Assumptions.
std::vector<xlsx::Sheet> run_workbook_sheets(const RunWorkbook& run);

struct CompareWorkbook {
  WorkbookScenario base;
  std::vector<WorkbookScenario> alternatives;
  std::vector<const sim::Replications*> alternative_runs;     // [i]: alternatives[i]'s
  const std::vector<sim::Comparison>* comparisons = nullptr;  // [i]: alternatives[i] against base
  const sim::Replications* base_runs = nullptr;
  const sim::RunOptions* options = nullptr;
};
// Summary, Budget (compare_budget.csv: both budgets and their differences), Monthly, Comparison (compare_annual.csv's rows),
// Assumptions.
std::vector<xlsx::Sheet> compare_workbook_sheets(const CompareWorkbook& compare);

}  // namespace caseflow::io
