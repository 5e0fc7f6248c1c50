#include "io/compare_outputs.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "caseflow/version.h"
#include "io/budget.h"
#include "io/compare_report.h"
#include "io/output_text.h"
#include "io/workbook_sheets.h"
#include "io/xlsx_workbook.h"
#include "sim/engine/calendar.h"
#include "sim/metrics.h"

namespace caseflow::io {

namespace {

const char* const kDifferenceColumns =
    "pairs,base_mean,alternative_mean,difference_mean,difference_ci95_low,difference_ci95_high,"
    "difference_p10,difference_p50,difference_p90";

void write_difference(std::ostream& os, const sim::MetricInfo& info, const sim::Difference& d) {
  auto n = [&](double v) { return metric_number(info, v); };
  os << d.pairs << ',' << n(d.base_mean) << ',' << n(d.alt_mean) << ',' << n(d.mean) << ',' << n(d.ci_low) << ','
     << n(d.ci_high) << ',' << n(d.p10) << ',' << n(d.p50) << ',' << n(d.p90) << '\n';
}

nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json difference_json(const sim::Difference& d) {
  return {{"pairs", d.pairs},
          {"base_mean", json_number(d.base_mean)},
          {"alternative_mean", json_number(d.alt_mean)},
          {"difference_mean", json_number(d.mean)},
          {"difference_ci95_low", json_number(d.ci_low)},
          {"difference_ci95_high", json_number(d.ci_high)},
          {"difference_p10", json_number(d.p10)},
          {"difference_p50", json_number(d.p50)},
          {"difference_p90", json_number(d.p90)}};
}

nlohmann::json scenario_json(const ComparedScenario& s) {
  return {{"name", s.scenario->name},
          {"file", s.file},
          {"hash", s.scenario->hash},
          {"events", s.replications->events}};
}

// The paired figures themselves: alternative - base, exactly as paired_difference takes them.
std::string paired(const sim::MetricInfo& info, double base, double alt) {
  return metric_exact(info, base) + ',' + metric_exact(info, alt) + ',' +
         (std::isnan(base) || std::isnan(alt) ? std::string() : metric_exact(info, alt - base));
}

void write_per_replication(OutputDir& out, const ComparedScenario& base, const std::vector<ComparedScenario>& alts) {
  const sim::Replications& b = *base.replications;
  const auto& layout = *b.layout;
  out.write("per_replication_annual.csv", [&](std::ostream& os) {
    os << "alternative,financial_year,metric,group,months,replication,base,alternative,difference\n";
    for (const auto& alt : alts) {
      const sim::Replications& a = *alt.replications;
      for (const auto& info : sim::metric_catalogue()) {
        if (info.year == sim::YearRule::kNone) continue;
        const auto labels = sim::group_labels(info.groups, b.stage_labels);
        for (std::size_t y = 0; y < b.financial_years.size(); ++y) {
          const std::string lead = alt.scenario->name + ',' + financial_year_label(b.financial_years[y]) + ',' +
                                   info.name + ',';
          const std::string months = std::to_string(b.months_in_year(y));
          for (std::size_t g = 0; g < labels.size(); ++g) {
            const std::size_t s = layout.series(info.metric, g);
            for (std::size_t r = 0; r < b.count(); ++r)
              os << lead << labels[g] << ',' << months << ',' << r << ','
                 << paired(info, sim::year_figure(b, info, s, y, r), sim::year_figure(a, info, s, y, r)) << '\n';
          }
        }
      }
    }
  });
  out.write("per_replication_headline.csv", [&](std::ostream& os) {
    os << "alternative,metric,figure,replication,base,alternative,difference\n";
    for (const auto& alt : alts) {
      const sim::Replications& a = *alt.replications;
      for (const auto& info : sim::metric_catalogue()) {
        const std::size_t all = layout.series(info.metric, layout.all_group(info.metric));
        for (std::size_t r = 0; r < b.count(); ++r)
          os << alt.scenario->name << ',' << info.name << ",monthly_mean_over_horizon," << r << ','
             << paired(info, sim::horizon_mean(b, all, r), sim::horizon_mean(a, all, r)) << '\n';
        for (std::size_t r = 0; r < b.count(); ++r)
          os << alt.scenario->name << ',' << info.name << ",final_month," << r << ','
             << paired(info, sim::final_month(b, all, r), sim::final_month(a, all, r)) << '\n';
      }
    }
  });
}

}  // namespace

void write_compare_outputs(const std::string& folder, const ComparedScenario& base,
                           const std::vector<ComparedScenario>& alternatives,
                           const std::vector<sim::Comparison>& comparisons, const sim::RunOptions& options,
                           const CompareProvenance& provenance) {
  const sim::Replications& b = *base.replications;
  const auto& layout = *b.layout;
  const engine::Calendar calendar(base.scenario->start_date, 1, b.months / 12 + 2);
  const std::string start_month = engine::to_year_month(calendar.month_start(0));
  OutputDir out(folder, provenance.foreign);

  out.write("compare_monthly.csv", [&](std::ostream& os) {
    os << "alternative,month,metric,group," << kDifferenceColumns << '\n';
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      for (int m = 0; m < b.months; ++m) {
        const std::string lead = alternatives[i].scenario->name + ',' + engine::to_year_month(calendar.month_start(m)) + ',';
        for (const auto& info : sim::metric_catalogue()) {
          const auto labels = sim::group_labels(info.groups, b.stage_labels);
          for (std::size_t g = 0; g < labels.size(); ++g) {
            os << lead << info.name << ',' << labels[g] << ',';
            write_difference(os, info, comparisons[i].monthly[layout.series(info.metric, g)][static_cast<std::size_t>(m)]);
          }
        }
      }
    }
  });

  out.write("compare_annual.csv", [&](std::ostream& os) {
    os << "alternative,financial_year,metric,group,months," << kDifferenceColumns << '\n';
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      for (const auto& info : sim::metric_catalogue()) {
        if (info.year == sim::YearRule::kNone) continue;
        const auto labels = sim::group_labels(info.groups, b.stage_labels);
        for (std::size_t y = 0; y < b.financial_years.size(); ++y) {
          for (std::size_t g = 0; g < labels.size(); ++g) {
            os << alternatives[i].scenario->name << ',' << financial_year_label(b.financial_years[y]) << ','
               << info.name << ',' << labels[g] << ',' << b.months_in_year(y) << ',';
            write_difference(os, info, comparisons[i].annual[layout.series(info.metric, g)][y]);
          }
        }
      }
    }
  });

  out.write("compare_budget.csv", [&](std::ostream& os) {
    std::vector<BudgetComparison> budgets;
    for (std::size_t i = 0; i < alternatives.size(); ++i)
      budgets.push_back({alternatives[i].scenario->name, &comparisons[i], alternatives[i].replications});
    write_compare_budget_csv(os, b, budgets);
  });

  out.write("compare.md", [&](std::ostream& os) {
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      if (i > 0) os << '\n';
      os << compare_report({base.scenario, alternatives[i].scenario, &comparisons[i], &b, start_month});
    }
  });

  out.write("summary.json", [&](std::ostream& os) {
    nlohmann::json j;
    j["caseflow_version"] = kVersion;
    j["git_revision"] = kGitRevision;
    j["command"] = "compare";
    j["base"] = scenario_json(base);
    j["alternatives"] = nlohmann::json::array();
    for (const auto& alt : alternatives) j["alternatives"].push_back(scenario_json(alt));
    j["seed"] = options.seed;
    j["replications"] = options.replications;
    j["threads"] = provenance.threads;
    j["horizon_months"] = b.months;
    j["start_month"] = start_month;
    j["wall_seconds"] = provenance.wall_seconds;
    nlohmann::json differences;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      nlohmann::json by_metric;
      for (const auto& info : sim::metric_catalogue()) {
        const auto k = static_cast<std::size_t>(info.metric);
        by_metric[info.name] = {{"unit", info.unit},
                                {"monthly_mean_over_horizon", difference_json(comparisons[i].horizon_mean[k])},
                                {"final_month", difference_json(comparisons[i].final_month[k])}};
      }
      differences[alternatives[i].scenario->name] = by_metric;
    }
    j["differences"] = differences;
    os << without_exponents(j.dump(2)) << '\n';
  });

  auto write_resolved = [&](const std::string& name, const sim::Scenario& s) {
    out.write(name, [&](std::ostream& os) {
      os << "# Resolved scenario '" << s.name << "' (hash " << s.hash << "), as compared by caseflow " << kVersion
         << "\n" << s.resolved_yaml;
    });
  };
  write_resolved("base.resolved.yaml", *base.scenario);
  for (std::size_t i = 0; i < alternatives.size(); ++i)
    write_resolved("alternative" + std::to_string(i + 1) + ".resolved.yaml", *alternatives[i].scenario);
  if (provenance.per_replication) write_per_replication(out, base, alternatives);
  if (provenance.xlsx)
    out.write("workbook.xlsx", [&](std::ostream& os) {
      CompareWorkbook book{{base.scenario, base.file, "base"}, {}, {}, &comparisons, &b, &options};
      for (std::size_t i = 0; i < alternatives.size(); ++i) {
        book.alternatives.push_back({alternatives[i].scenario, alternatives[i].file, "alternative" + std::to_string(i + 1)});
        book.alternative_runs.push_back(alternatives[i].replications);
      }
      xlsx::write_workbook(os, compare_workbook_sheets(book));
    });
  out.commit();
}

}  // namespace caseflow::io
