#pragma once
// The sheets of the --xlsx workbook of `run` and `compare`, and tables any command's workbook
// shares with its CSV (`plan`'s) (docs/outputs.md, "Excel
// workbook"). Every number in them is the number the CSV beside it writes (read back from
// its text), so a reader who checks one against the other finds them equal; percentages are
// stored as fractions (85% is 0.85) and money in pounds, both formatted.
#include <ostream>
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

// A table as its CSV writes it, field by field: the CSV and the workbook sheet are both made
// from this text (numbers read back from it), so they cannot disagree. Each column's format
// says how its text is stored in the sheet: kText as text, kMonth ("2020-04") and kDate
// ("2020-04-01") as dates, any other as the number the text reads (an empty field, an empty cell).
struct TextTable {
  std::vector<xlsx::Column> columns;  // the CSV header and the sheet's columns
  std::vector<std::vector<std::string>> rows;
};
void write_csv(std::ostream& out, const TextTable& table);  // fields must hold no comma or quote
xlsx::Sheet table_sheet(const std::string& name, const TextTable& table);

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
