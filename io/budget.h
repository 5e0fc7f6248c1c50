#pragma once
// The budget view of a run or a comparison: cost by April-March financial year and category
// (permanent, ASYE, agency, managers, recruitment, placements by type, total), each line one
// metric and group of annual.csv, so its P10/P50/P90 are those of the replications' own
// yearly figures; the total's come from each replication's total, never from adding
// quantiles (docs/outputs.md, "Budget").
#include <ostream>
#include <string>
#include <vector>

#include "sim/comparison.h"
#include "sim/engine/statistics.h"
#include "sim/metrics.h"
#include "sim/recorder.h"

namespace caseflow::io {

struct BudgetLine {
  std::string category;  // "permanent", "placements_ifa", "total"...
  sim::Metric metric;
  std::string group;     // the metric's group label in annual.csv ("all", "ifa"...)
};

// Every budget line in the order the outputs list them: staff categories, placements by type,
// all placements, total.
const std::vector<BudgetLine>& budget_lines();
// The line's series in a layout.
std::size_t budget_series(const BudgetLine& line, const sim::SeriesLayout& layout);

// budget.csv of a run: annual[series][year] as RunSummary::annual; months_in_year[year] the
// horizon's months in financial_years[year].
void write_budget_csv(std::ostream& os, const std::vector<int>& financial_years, const std::vector<int>& months_in_year,
                      const sim::SeriesLayout& layout, const std::vector<std::vector<engine::Spread>>& annual);

// compare_budget.csv: the paired difference of every budget line, year and alternative.
struct BudgetComparison {
  std::string alternative;  // its scenario name
  const sim::Comparison* comparison = nullptr;
};
void write_compare_budget_csv(std::ostream& os, const std::vector<int>& financial_years,
                              const std::vector<int>& months_in_year, const sim::SeriesLayout& layout,
                              const std::vector<BudgetComparison>& alternatives);

}  // namespace caseflow::io
