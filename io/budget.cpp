#include "io/budget.h"

#include "io/output_text.h"
#include "sim/scenario.h"

namespace caseflow::io {

const std::vector<BudgetLine>& budget_lines() {
  static const std::vector<BudgetLine> kLines = [] {
    using M = sim::Metric;
    std::vector<BudgetLine> lines = {{"permanent", M::kPermanentCostGbp, "all"},
                                     {"asye", M::kAsyeCostGbp, "all"},
                                     {"agency", M::kAgencyCostGbp, "all"},
                                     {"managers", M::kManagerCostGbp, "all"},
                                     {"recruitment", M::kRecruitmentCostGbp, "all"}};
    for (const char* type : sim::placement_names())
      lines.push_back({std::string("placements_") + type, M::kPlacementCostGbp, type});
    lines.push_back({"placements", M::kPlacementCostGbp, "all"});
    lines.push_back({"total", M::kTotalCostGbp, "all"});
    return lines;
  }();
  return kLines;
}

std::size_t budget_series(const BudgetLine& line, const sim::SeriesLayout& layout) {
  const auto labels = sim::group_labels(sim::info(line.metric).groups);
  for (std::size_t g = 0; g < labels.size(); ++g)
    if (labels[g] == line.group) return layout.series(line.metric, g);
  return layout.series(line.metric, layout.all_group(line.metric));
}

void write_budget_csv(std::ostream& os, const std::vector<int>& financial_years, const std::vector<int>& months_in_year,
                      const sim::SeriesLayout& layout, const std::vector<std::vector<engine::Spread>>& annual) {
  os << "financial_year,months,category,metric,group,mean_gbp,p10_gbp,p50_gbp,p90_gbp\n";
  for (std::size_t y = 0; y < financial_years.size(); ++y) {
    for (const auto& line : budget_lines()) {
      const engine::Spread& s = annual[budget_series(line, layout)][y];
      os << financial_year_label(financial_years[y]) << ',' << months_in_year[y] << ',' << line.category << ','
         << sim::info(line.metric).name << ',' << line.group << ',' << money_number(s.mean) << ','
         << money_number(s.p10) << ',' << money_number(s.p50) << ',' << money_number(s.p90) << '\n';
    }
  }
}

engine::Spread budget_spread(const sim::Replications& runs, const BudgetLine& line, std::size_t year) {
  const std::size_t series = budget_series(line, *runs.layout);
  std::vector<double> values;
  for (std::size_t r = 0; r < runs.count(); ++r) values.push_back(sim::year_figure(runs, sim::info(line.metric), series, year, r));
  return engine::spread_of(values);
}

void write_compare_budget_csv(std::ostream& os, const sim::Replications& base,
                              const std::vector<BudgetComparison>& alternatives) {
  os << "alternative,financial_year,months,category,metric,group,pairs,base_mean_gbp,base_p10_gbp,base_p50_gbp,"
        "base_p90_gbp,alternative_mean_gbp,alternative_p10_gbp,alternative_p50_gbp,alternative_p90_gbp,"
        "difference_mean_gbp,difference_ci95_low_gbp,difference_ci95_high_gbp,difference_p10_gbp,"
        "difference_p50_gbp,difference_p90_gbp\n";
  for (const auto& alt : alternatives) {
    for (std::size_t y = 0; y < base.financial_years.size(); ++y) {
      for (const auto& line : budget_lines()) {
        const sim::Difference& d = alt.comparison->annual[budget_series(line, *base.layout)][y];
        const engine::Spread b = budget_spread(base, line, y), a = budget_spread(*alt.runs, line, y);
        os << alt.alternative << ',' << financial_year_label(base.financial_years[y]) << ',' << base.months_in_year(y)
           << ',' << line.category << ',' << sim::info(line.metric).name << ',' << line.group << ',' << d.pairs << ','
           << money_number(d.base_mean) << ',' << money_number(b.p10) << ',' << money_number(b.p50) << ','
           << money_number(b.p90) << ',' << money_number(d.alt_mean) << ',' << money_number(a.p10) << ','
           << money_number(a.p50) << ',' << money_number(a.p90) << ',' << money_number(d.mean) << ','
           << money_number(d.ci_low) << ',' << money_number(d.ci_high) << ',' << money_number(d.p10) << ','
           << money_number(d.p50) << ',' << money_number(d.p90) << '\n';
      }
    }
  }
}

}  // namespace caseflow::io
