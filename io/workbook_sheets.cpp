#include "io/workbook_sheets.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "caseflow/version.h"
#include "io/output_text.h"
#include "io/scenario_assumptions.h"

namespace caseflow::io {

namespace {

using xlsx::Cell;
using xlsx::Column;
using xlsx::Format;
using xlsx::Sheet;

bool is_percent(const sim::MetricInfo& info) { return std::strcmp(info.unit, "%") == 0; }

Format format_of(const sim::MetricInfo& info) {
  return is_money(info) ? Format::kGbp : is_percent(info) ? Format::kPercent : Format::kNumber;
}

Cell text(const std::string& s) { return {s, Format::kText}; }
Cell number(double v, std::optional<Format> f = std::nullopt) { return {v, f}; }
Cell value(const sim::MetricInfo& info, double v) { return {workbook_value(info, v), format_of(info)}; }

engine::CivilDate month_date(const engine::Calendar& calendar, int m) {
  const auto d = calendar.month_start(m);
  return {d.year, d.month, 1};
}

void add_provenance(Sheet& sheet, const std::string& item, const std::string& text_value) {
  sheet.rows.push_back({text(item), text(text_value)});
}
void add_provenance(Sheet& sheet, const std::string& item, double v) {
  sheet.rows.push_back({text(item), number(v, Format::kInteger)});
}

Sheet summary_sheet() {
  return {"Summary",
          {{"item", Format::kText, 48}, {"value", Format::kNumber, 18}, {"P10", Format::kNumber, 16},
           {"P50", Format::kNumber, 16}, {"P90", Format::kNumber, 16}, {"unit", Format::kText, 16}},
          {}};
}

std::vector<int> months_per_year(const sim::Replications& r) {
  std::vector<int> months;
  for (std::size_t y = 0; y < r.financial_years.size(); ++y) months.push_back(r.months_in_year(y));
  return months;
}

}  // namespace

void write_csv(std::ostream& out, const TextTable& table) {
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].find_first_of(",\"\n") != std::string::npos)
        throw std::logic_error("write_csv: a field holds a comma, quote or newline: " + fields[i]);
      out << (i ? "," : "") << fields[i];
    }
    out << '\n';
  };
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.header);
  line(header);
  for (const auto& row : table.rows) line(row);
}

xlsx::Sheet table_sheet(const std::string& name, const TextTable& table) {
  Sheet sheet{name, table.columns, {}};
  for (const auto& fields : table.rows) {
    std::vector<Cell> row;
    for (std::size_t i = 0; i < fields.size() && i < table.columns.size(); ++i) {
      const std::string& f = fields[i];
      const Format format = table.columns[i].format;
      int y = 0, m = 0, d = 1;
      if (f.empty()) {
        row.push_back({});
      } else if (format == Format::kText) {
        row.push_back(text(f));
      } else if (format == Format::kMonth || format == Format::kDate) {
        const bool ok = format == Format::kMonth ? std::sscanf(f.c_str(), "%4d-%2d", &y, &m) == 2
                                                 : std::sscanf(f.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3;
        if (!ok) throw std::logic_error("table_sheet: '" + f + "' is not a date in column " + table.columns[i].header);
        row.push_back(Cell{engine::CivilDate{y, m, d}, std::nullopt});
      } else {
        char* end = nullptr;
        const double v = std::strtod(f.c_str(), &end);
        if (end != f.c_str() + f.size())
          throw std::logic_error("table_sheet: '" + f + "' is not a number in column " + table.columns[i].header);
        row.push_back(number(v));
      }
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

const std::vector<sim::Metric>& headline_metrics() {
  using M = sim::Metric;
  static const std::vector<M> kHeadline = {
      M::kContacts,         M::kReferrals,      M::kAssessmentsCompleted, M::kAssessmentsWithin45WdPct,
      M::kOpenCases,        M::kCinOpen,        M::kCpOpen,               M::kClaOpen,
      M::kUnallocated,      M::kFteInPost,      M::kFteAgency,            M::kAgencyPct,
      M::kCaseloadPerFte,   M::kStaffCostGbp,   M::kAgencyCostGbp,        M::kPlacementCostGbp,
      M::kTotalCostGbp};
  return kHeadline;
}

double workbook_value(const sim::MetricInfo& info, double v) {
  const std::string written = metric_number(info, v);
  if (written.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double read = std::strtod(written.c_str(), nullptr);
  return is_percent(info) ? read / 100.0 : read;
}

xlsx::Sheet assumptions_sheet(const std::vector<WorkbookScenario>& scenarios) {
  Sheet sheet{"Assumptions",
              {{"scenario", Format::kText, 16}, {"key", Format::kText, 52}, {"value", Format::kNumber, 16},
               {"source", Format::kText, 90}, {"where", Format::kText, 22}},
              {}};
  for (const auto& s : scenarios) {
    const std::string label = s.label.empty() ? s.scenario->name : s.label + ": " + s.scenario->name;
    for (const auto& a : scenario_assumptions(*s.scenario, s.file)) {
      Cell v = a.number ? number(*a.number) : text(a.value);
      int y = 0, m = 0, d = 0;
      char tail = 0;
      if (!a.number && a.value.size() == 10 && std::sscanf(a.value.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
        v = Cell{engine::CivilDate{y, m, d}, Format::kDate};  // a date, as a date
      sheet.rows.push_back({text(label), text(a.key), v, text(a.source.empty() ? "(no source in the file)" : a.source),
                            text(a.where)});
    }
  }
  return sheet;
}

std::vector<xlsx::Sheet> run_workbook_sheets(const RunWorkbook& run) {
  const sim::Scenario& scenario = *run.scenario.scenario;
  const sim::RunSummary& summary = *run.summary;
  const auto& layout = *summary.layout;
  const engine::Calendar calendar(scenario.start_date, 1, summary.months / 12 + 2);
  std::vector<Sheet> sheets;

  Sheet overview = summary_sheet();
  add_provenance(overview, "scenario", scenario.name);
  add_provenance(overview, "scenario file", run.scenario.file);
  add_provenance(overview, "scenario hash", scenario.hash);
  add_provenance(overview, "caseflow version", std::string(kVersion) + " (" + kGitRevision + ")");
  add_provenance(overview, "seed", static_cast<double>(run.options->seed));
  add_provenance(overview, "replications", static_cast<double>(run.options->replications));
  add_provenance(overview, "horizon, months", summary.months);
  overview.rows.push_back({text("first month"), Cell{month_date(calendar, 0), Format::kMonth}});
  for (const sim::Metric m : headline_metrics()) {
    const auto& info = sim::info(m);
    const engine::Spread& s = summary.horizon_mean[static_cast<std::size_t>(m)];
    overview.rows.push_back({text(std::string(info.name) + ": monthly mean over the horizon"), value(info, s.mean),
                             value(info, s.p10), value(info, s.p50), value(info, s.p90), text(info.unit)});
  }
  const auto& total = sim::info(sim::Metric::kTotalCostGbp);
  const std::size_t total_series = layout.series(sim::Metric::kTotalCostGbp, 0);
  for (std::size_t y = 0; y < summary.financial_years.size(); ++y) {
    const engine::Spread& s = summary.annual[total_series][y];
    overview.rows.push_back({text("total cost, financial year " + financial_year_label(summary.financial_years[y]) +
                                  " (" + std::to_string(run.months_in_year[y]) + " months)"),
                             value(total, s.mean), value(total, s.p10), value(total, s.p50), value(total, s.p90),
                             text("GBP")});
  }
  sheets.push_back(std::move(overview));

  Sheet budget{"Budget",
               {{"financial_year", Format::kText, 14}, {"months", Format::kInteger, 8}, {"category", Format::kText, 34},
                {"mean", Format::kGbp, 18}, {"P10", Format::kGbp, 18}, {"P50", Format::kGbp, 18}, {"P90", Format::kGbp, 18}},
               {}};
  for (std::size_t y = 0; y < summary.financial_years.size(); ++y)
    for (const auto& line : budget_lines()) {
      const engine::Spread& s = summary.annual[budget_series(line, layout)][y];
      const auto& info = sim::info(line.metric);
      budget.rows.push_back({text(financial_year_label(summary.financial_years[y])),
                             number(run.months_in_year[y]), text(line.category), value(info, s.mean),
                             value(info, s.p10), value(info, s.p50), value(info, s.p90)});
    }
  sheets.push_back(std::move(budget));

  Sheet monthly{"Monthly", {{"month", Format::kMonth, 10}}, {}};
  for (const sim::Metric m : headline_metrics()) {
    const auto& info = sim::info(m);
    monthly.columns.push_back({std::string(info.name) + " (mean, " + info.unit + ")", format_of(info), 16});
  }
  for (int month = 0; month < summary.months; ++month) {
    std::vector<Cell> row = {Cell{month_date(calendar, month), std::nullopt}};
    for (const sim::Metric m : headline_metrics()) {
      const auto& info = sim::info(m);
      const auto& s = summary.series[layout.series(m, layout.all_group(m))];
      row.push_back(value(info, s.mean[static_cast<std::size_t>(month)]));
    }
    monthly.rows.push_back(std::move(row));
  }
  sheets.push_back(std::move(monthly));
  sheets.push_back(assumptions_sheet({run.scenario}));
  return sheets;
}

std::vector<xlsx::Sheet> compare_workbook_sheets(const CompareWorkbook& compare) {
  const sim::Replications& b = *compare.base_runs;
  const auto& layout = *b.layout;
  const engine::Calendar calendar(compare.base.scenario->start_date, 1, b.months / 12 + 2);
  const std::vector<int> months_in_year = months_per_year(b);
  std::vector<Sheet> sheets;
  const std::vector<Column> difference_columns = {
      {"pairs", Format::kInteger, 8},         {"base_mean", Format::kNumber, 16},
      {"alternative_mean", Format::kNumber, 16}, {"difference_mean", Format::kNumber, 16},
      {"difference_ci95_low", Format::kNumber, 16}, {"difference_ci95_high", Format::kNumber, 16},
      {"difference_p10", Format::kNumber, 16}, {"difference_p50", Format::kNumber, 16},
      {"difference_p90", Format::kNumber, 16}};
  auto difference_cells = [](const sim::MetricInfo& info, const sim::Difference& d, std::vector<Cell>& row) {
    row.push_back(number(static_cast<double>(d.pairs), Format::kInteger));
    for (double v : {d.base_mean, d.alt_mean, d.mean, d.ci_low, d.ci_high, d.p10, d.p50, d.p90})
      row.push_back(value(info, v));
  };

  Sheet overview = summary_sheet();
  overview.columns[1].header = "difference mean";
  add_provenance(overview, "base scenario", compare.base.scenario->name + " (" + compare.base.file + ")");
  for (const auto& alt : compare.alternatives)
    add_provenance(overview, alt.label + " scenario", alt.scenario->name + " (" + alt.file + ")");
  add_provenance(overview, "caseflow version", std::string(kVersion) + " (" + kGitRevision + ")");
  add_provenance(overview, "seed", static_cast<double>(compare.options->seed));
  add_provenance(overview, "replications (paired)", static_cast<double>(compare.options->replications));
  add_provenance(overview, "horizon, months", b.months);
  overview.rows.push_back({text("first month"), Cell{month_date(calendar, 0), Format::kMonth}});
  for (std::size_t i = 0; i < compare.alternatives.size(); ++i) {
    const auto& c = (*compare.comparisons)[i];
    for (const sim::Metric m : headline_metrics()) {
      const auto& info = sim::info(m);
      const sim::Difference& d = c.horizon_mean[static_cast<std::size_t>(m)];
      overview.rows.push_back({text(compare.alternatives[i].scenario->name + " - base: " + info.name +
                                    ", monthly mean over the horizon"),
                               value(info, d.mean), value(info, d.p10), value(info, d.p50), value(info, d.p90),
                               text(info.unit)});
    }
  }
  sheets.push_back(std::move(overview));

  Sheet budget{"Budget", {{"alternative", Format::kText, 18}, {"financial_year", Format::kText, 14},
                          {"months", Format::kInteger, 8}, {"category", Format::kText, 34}}, {}};
  budget.columns.push_back({"pairs", Format::kInteger, 8});
  for (const char* name : {"base_mean", "base_p10", "base_p50", "base_p90", "alternative_mean", "alternative_p10",
                           "alternative_p50", "alternative_p90", "difference_mean", "difference_ci95_low",
                           "difference_ci95_high", "difference_p10", "difference_p50", "difference_p90"})
    budget.columns.push_back({name, Format::kGbp, 16});
  for (std::size_t i = 0; i < compare.alternatives.size(); ++i)
    for (std::size_t y = 0; y < b.financial_years.size(); ++y)
      for (const auto& line : budget_lines()) {
        const auto& info = sim::info(line.metric);
        const sim::Difference& d = (*compare.comparisons)[i].annual[budget_series(line, layout)][y];
        const engine::Spread base = budget_spread(b, line, y), alt = budget_spread(*compare.alternative_runs[i], line, y);
        std::vector<Cell> row = {text(compare.alternatives[i].scenario->name),
                                 text(financial_year_label(b.financial_years[y])), number(months_in_year[y]),
                                 text(line.category), number(static_cast<double>(d.pairs), Format::kInteger)};
        for (double v : {d.base_mean, base.p10, base.p50, base.p90, d.alt_mean, alt.p10, alt.p50, alt.p90, d.mean,
                         d.ci_low, d.ci_high, d.p10, d.p50, d.p90})
          row.push_back(value(info, v));
        budget.rows.push_back(std::move(row));
      }
  sheets.push_back(std::move(budget));

  Sheet monthly{"Monthly", {{"alternative", Format::kText, 18}, {"month", Format::kMonth, 10},
                            {"metric", Format::kText, 30}}, {}};
  for (const auto& column : difference_columns) monthly.columns.push_back(column);
  for (std::size_t i = 0; i < compare.alternatives.size(); ++i)
    for (int month = 0; month < b.months; ++month)
      for (const sim::Metric m : headline_metrics()) {
        const auto& info = sim::info(m);
        std::vector<Cell> row = {text(compare.alternatives[i].scenario->name), Cell{month_date(calendar, month), std::nullopt},
                                 text(info.name)};
        difference_cells(info, (*compare.comparisons)[i].monthly[layout.series(m, layout.all_group(m))][static_cast<std::size_t>(month)],
                         row);
        monthly.rows.push_back(std::move(row));
      }
  sheets.push_back(std::move(monthly));

  Sheet comparison{"Comparison", {{"alternative", Format::kText, 18}, {"financial_year", Format::kText, 14},
                                  {"metric", Format::kText, 30}, {"group", Format::kText, 22},
                                  {"months", Format::kInteger, 8}}, {}};
  for (const auto& column : difference_columns) comparison.columns.push_back(column);
  for (std::size_t i = 0; i < compare.alternatives.size(); ++i)
    for (const auto& info : sim::metric_catalogue()) {
      if (info.year == sim::YearRule::kNone) continue;
      const auto labels = sim::group_labels(info.groups, b.stage_labels);
      for (std::size_t y = 0; y < b.financial_years.size(); ++y)
        for (std::size_t g = 0; g < labels.size(); ++g) {
          std::vector<Cell> row = {text(compare.alternatives[i].scenario->name),
                                   text(financial_year_label(b.financial_years[y])), text(info.name), text(labels[g]),
                                   number(months_in_year[y])};
          difference_cells(info, (*compare.comparisons)[i].annual[layout.series(info.metric, g)][y], row);
          comparison.rows.push_back(std::move(row));
        }
    }
  sheets.push_back(std::move(comparison));

  std::vector<WorkbookScenario> all = {compare.base};
  for (const auto& alt : compare.alternatives) all.push_back(alt);
  sheets.push_back(assumptions_sheet(all));
  return sheets;
}

}  // namespace caseflow::io
