#include "io/run_outputs.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "caseflow/version.h"
#include "io/budget.h"
#include "io/output_dir.h"
#include "io/output_text.h"
#include "io/per_replication_outputs.h"
#include "io/workbook_sheets.h"
#include "io/xlsx_workbook.h"
#include "sim/engine/calendar.h"
#include "sim/metrics.h"
#include "sim/recorder.h"

namespace caseflow::io {

namespace {

nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

}  // namespace

void write_run_outputs(const std::string& folder, const sim::Scenario& scenario, const sim::RunOptions& options,
                       const sim::RunSummary& summary, const RunProvenance& provenance,
                       const RunOutputOptions& output) {
  const auto& layout = *summary.layout;
  const engine::Calendar calendar(scenario.start_date, 1, summary.months / 12 + 2);
  OutputDir out(folder, output.foreign);

  out.write("monthly.csv", [&](std::ostream& os) {
    os << "month,metric,group,mean,p10,p50,p90\n";
    for (int m = 0; m < summary.months; ++m) {
      const std::string month = engine::to_year_month(calendar.month_start(m));
      for (const auto& info : sim::metric_catalogue()) {
        const auto labels = sim::group_labels(info.groups, summary.stage_labels);
        for (std::size_t g = 0; g < labels.size(); ++g) {
          const auto& s = summary.series[layout.series(info.metric, g)];
          const auto i = static_cast<std::size_t>(m);
          os << month << ',' << info.name << ',' << labels[g] << ',' << metric_number(info, s.mean[i]) << ','
             << metric_number(info, s.p10[i]) << ',' << metric_number(info, s.p50[i]) << ','
             << metric_number(info, s.p90[i]) << '\n';
        }
      }
    }
  });

  out.write("annual.csv", [&](std::ostream& os) {
    os << "financial_year,metric,group,months,mean,p10,p50,p90\n";
    for (const auto& info : sim::metric_catalogue()) {
      if (info.year == sim::YearRule::kNone) continue;
      const auto labels = sim::group_labels(info.groups, summary.stage_labels);
      for (std::size_t y = 0; y < summary.financial_years.size(); ++y) {
        const int fy = summary.financial_years[y];
        int months = 0;
        for (int m = 0; m < summary.months; ++m) {
          if (calendar.financial_year_of_month(m) == fy) ++months;
        }
        for (std::size_t g = 0; g < labels.size(); ++g) {
          const auto& spread = summary.annual[layout.series(info.metric, g)][y];
          os << financial_year_label(fy) << ',' << info.name << ',' << labels[g] << ',' << months << ',' << metric_number(info, spread.mean) << ','
             << metric_number(info, spread.p10) << ',' << metric_number(info, spread.p50) << ','
             << metric_number(info, spread.p90) << '\n';
        }
      }
    }
  });

  std::vector<int> months_in_year;
  for (const int fy : summary.financial_years) {
    int months = 0;
    for (int m = 0; m < summary.months; ++m) months += calendar.financial_year_of_month(m) == fy ? 1 : 0;
    months_in_year.push_back(months);
  }
  out.write("budget.csv", [&](std::ostream& os) {
    write_budget_csv(os, summary.financial_years, months_in_year, layout, summary.annual);
  });

  out.write("summary.json", [&](std::ostream& os) {
    nlohmann::json j;
    j["caseflow_version"] = kVersion;
    j["git_revision"] = kGitRevision;
    j["scenario"] = {{"name", scenario.name}, {"file", provenance.scenario_file}, {"hash", scenario.hash}};
    j["seed"] = options.seed;
    j["replications"] = options.replications;
    j["threads"] = provenance.threads;
    j["horizon_months"] = summary.months;
    j["start_month"] = engine::to_year_month(calendar.month_start(0));
    j["wall_seconds"] = provenance.wall_seconds;
    j["events"] = summary.events;
    j["peak_child_records_per_replication"] = summary.peak_child_records;
    nlohmann::json headline;
    auto spread_json = [](const engine::Spread& s) {
      return nlohmann::json{{"mean", json_number(s.mean)}, {"p10", json_number(s.p10)}, {"p50", json_number(s.p50)},
                            {"p90", json_number(s.p90)}};
    };
    for (const auto& info : sim::metric_catalogue()) {
      const auto i = static_cast<std::size_t>(info.metric);
      headline[info.name] = {{"unit", info.unit},
                             {"monthly_mean_over_horizon", spread_json(summary.horizon_mean[i])},
                             {"final_month", spread_json(summary.final_month[i])}};
    }
    j["headline"] = headline;
    os << without_exponents(j.dump(2)) << '\n';
  });

  out.write("scenario.resolved.yaml", [&](std::ostream& os) {
    os << "# Resolved scenario '" << scenario.name << "' (hash " << scenario.hash << "), as run by caseflow "
       << kVersion << "\n" << scenario.resolved_yaml;
  });
  if (output.per_replication) write_per_replication(out, *output.per_replication);
  if (output.xlsx)
    out.write("workbook.xlsx", [&](std::ostream& os) {
      xlsx::write_workbook(os, run_workbook_sheets({{&scenario, provenance.scenario_file, ""}, &options, &summary,
                                                    months_in_year}));
    });
  out.commit();
}

}  // namespace caseflow::io
