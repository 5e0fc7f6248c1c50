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
#include "sim/replications.h"

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

// compare_budget.csv: every budget line, year and alternative: each scenario's mean and
// P10/P50/P90 (plan A and plan B side by side) and the paired difference's nine figures.
struct BudgetComparison {
  std::string alternative;  // its scenario name
  const sim::Comparison* comparison = nullptr;
  const sim::Replications* runs = nullptr;
};
// One scenario's spread of a line's yearly cost across its replications.
engine::Spread budget_spread(const sim::Replications& runs, const BudgetLine& line, std::size_t year);
void write_compare_budget_csv(std::ostream& os, const sim::Replications& base,
                              const std::vector<BudgetComparison>& alternatives);

}  // namespace caseflow::io
