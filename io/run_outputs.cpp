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
#include "sim/region_total.h"

namespace caseflow::io {

namespace {

nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

}  // namespace

void write_run_outputs(const std::string& folder, const sim::Scenario& scenario, const sim::RunOptions& options,
                       const sim::RunSummary& summary, const RunProvenance& provenance,
                       const RunOutputOptions& output) {
  OutputDir out(folder, output.foreign);
  write_run_files(out, "", scenario, options, summary, provenance, output);
  out.commit();
}

void write_run_files(OutputDir& out, const std::string& prefix, const sim::Scenario& scenario,
                     const sim::RunOptions& options, const sim::RunSummary& summary,
                     const RunProvenance& provenance, const RunOutputOptions& output) {
  const auto& layout = *summary.layout;
  const engine::Calendar calendar(scenario.start_date, 1, summary.months / 12 + 2);
  const RegionProvenance* region = output.region;
  // A region's total has no value for the metrics it does not sum: their rows are left out.
  auto written = [region](const sim::MetricInfo& info) { return !region || sim::summed_in_region(info); };

  out.write(prefix + "monthly.csv", [&](std::ostream& os) {
    os << "month,metric,group,mean,p10,p50,p90\n";
    for (int m = 0; m < summary.months; ++m) {
      const std::string month = engine::to_year_month(calendar.month_start(m));
      for (const auto& info : sim::metric_catalogue()) {
        if (!written(info)) continue;
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

  out.write(prefix + "annual.csv", [&](std::ostream& os) {
    os << "financial_year,metric,group,months,mean,p10,p50,p90\n";
    for (const auto& info : sim::metric_catalogue()) {
      if (info.year == sim::YearRule::kNone || !written(info)) continue;
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
  out.write(prefix + "budget.csv", [&](std::ostream& os) {
    write_budget_csv(os, summary.financial_years, months_in_year, layout, summary.annual);
  });

  out.write(prefix + "summary.json", [&](std::ostream& os) {
    nlohmann::json j;
    j["caseflow_version"] = kVersion;
    j["git_revision"] = kGitRevision;
    if (region) {
      j["region"] = {{"name", region->name}, {"file", region->file}, {"hash", region->hash}};
      nlohmann::json councils = nlohmann::json::array();
      for (const auto& c : region->councils) {
        nlohmann::json council{
            {"name", c.name},
            {"scenario", {{"name", c.scenario_name}, {"file", c.scenario_file}, {"hash", c.scenario_hash}}},
            {"seed", c.seed},
            {"wall_seconds", c.wall_seconds},
            {"outputs", "councils/" + c.name}};
        if (c.parameter_draws > 0) council["parameter_draws"] = c.parameter_draws;
        councils.push_back(council);
      }
      j["councils"] = councils;
      nlohmann::json left_out = nlohmann::json::array();
      for (const auto& info : sim::metric_catalogue())
        if (!written(info)) left_out.push_back(info.name);
      j["metrics_not_summed"] = {{"metrics", left_out},
                                 {"why", "ratios and means: the region's figure needs their numerators and "
                                         "denominators, which are not kept; each council's own files have them"}};
    } else {
      j["scenario"] = {{"name", scenario.name}, {"file", provenance.scenario_file}, {"hash", scenario.hash}};
      j["seed"] = options.seed;
      // Shared among the calibration's parameter draws (docs/calibration.md): written only then.
      if (scenario.parameter_draws > 0) j["parameter_draws"] = scenario.parameter_draws;
    }
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
      if (!written(info)) continue;
      const auto i = static_cast<std::size_t>(info.metric);
      headline[info.name] = {{"unit", info.unit},
                             {"monthly_mean_over_horizon", spread_json(summary.horizon_mean[i])},
                             {"final_month", spread_json(summary.final_month[i])}};
    }
    j["headline"] = headline;
    os << without_exponents(j.dump(2)) << '\n';
  });

  if (region)
    out.write(prefix + "region.resolved.yaml", [&](std::ostream& os) {
      os << "# Region '" << region->name << "' (hash " << region->hash << ") as read from " << region->file
         << " by caseflow " << kVersion << "; each council's resolved scenario is in councils/NAME/\n"
         << region->resolved_yaml;
    });
  else
    out.write(prefix + "scenario.resolved.yaml", [&](std::ostream& os) {
      os << "# Resolved scenario '" << scenario.name << "' (hash " << scenario.hash << "), as run by caseflow "
         << kVersion << "\n" << scenario.resolved_yaml;
    });
  if (output.per_replication) write_per_replication(out, *output.per_replication, prefix, written);
  if (output.xlsx && !region)
    out.write(prefix + "workbook.xlsx", [&](std::ostream& os) {
      xlsx::write_workbook(os, run_workbook_sheets({{&scenario, provenance.scenario_file, ""}, &options, &summary,
                                                    months_in_year}));
    });
}

}  // namespace caseflow::io
