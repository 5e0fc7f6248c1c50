#include "io/report/output_folder_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "io/report/csv_rows.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"

namespace caseflow::io::report {

namespace {

namespace fs = std::filesystem;

std::string join_path(const std::string& folder, const std::string& name) { return (fs::path(folder) / name).string(); }

std::string required_file(const std::string& folder, const FileSource& files, const std::string& name,
                          const std::string& what) {
  std::optional<std::string> text = files(name);
  if (!text)
    throw UserError(join_path(folder, name), 0, 0,
                    "missing: " + what + " (is " + folder + " a folder that caseflow run or compare wrote?)");
  return std::move(*text);
}

nlohmann::json parse_json(const std::string& file, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    throw UserError(file, line, 0, "summary.json: not complete JSON (truncated or edited?): " + std::string(e.what()));
  }
}

// A JSON field as text for the provenance table ("" when absent).
std::string field_text(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return "";
  const auto& v = j[key];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string written_date(const std::string& folder) {
  struct stat st {};
  if (::stat(join_path(folder, "summary.json").c_str(), &st) != 0) return "";
  std::tm tm{};
  gmtime_r(&st.st_mtime, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

// The index of a month in the report, adding it when the report has no months yet from an
// earlier folder (the first folder sets the months; later folders' other months are left out).
class MonthIndex {
 public:
  MonthIndex(ReportInput& input) : input_(input), fixed_(!input.months.empty()) {
    for (std::size_t i = 0; i < input.months.size(); ++i) index_[input.months[i]] = static_cast<int>(i);
  }
  int operator()(std::string_view month, const CsvRows& rows) {
    const auto it = index_.find(std::string(month));
    if (it != index_.end()) return it->second;
    if (month.size() != 7 || month[4] != '-') rows.fail("month", "'" + std::string(month) + "' is not a month (YYYY-MM)");
    if (fixed_) return -1;
    input_.months.emplace_back(month);
    return index_[std::string(month)] = static_cast<int>(input_.months.size() - 1);
  }

 private:
  ReportInput& input_;
  bool fixed_;
  std::map<std::string, int> index_;
};

template <typename T>
T& at_month(std::vector<T>& series, int month) {
  if (series.size() <= static_cast<std::size_t>(month)) series.resize(static_cast<std::size_t>(month) + 1);
  return series[static_cast<std::size_t>(month)];
}

void read_budget(CsvRows& rows, const std::string& prefix, std::vector<BudgetLine>& out) {
  BudgetLine line;
  line.financial_year = std::string(rows.text("financial_year"));
  line.months = rows.integer("months");
  line.category = std::string(rows.text("category"));
  line.gbp = {rows.number(prefix + "mean_gbp"), rows.number(prefix + "p10_gbp"), rows.number(prefix + "p50_gbp"),
              rows.number(prefix + "p90_gbp")};
  out.push_back(std::move(line));
}

void read_run(const std::string& folder, const FileSource& files, const nlohmann::json& summary, ReportInput& input) {
  ReportRun run;
  run.folder = folder;
  run.label = summary.contains("scenario") ? field_text(summary["scenario"], "name") : folder;
  run.scenario_file = summary.contains("scenario") ? field_text(summary["scenario"], "file") : "";
  run.resolved_yaml = required_file(folder, files, "scenario.resolved.yaml", "the scenario as run");

  MonthIndex month_index(input);
  CsvRows monthly(join_path(folder, "monthly.csv"), required_file(folder, files, "monthly.csv", "the monthly figures"),
                  {"month", "metric", "group", "mean", "p10", "p50", "p90"});
  while (monthly.next()) {
    const int m = month_index(monthly.text("month"), monthly);
    if (m < 0) continue;
    Band b{monthly.number("mean"), monthly.number("p10"), monthly.number("p50"), monthly.number("p90")};
    auto& series = run.monthly[{std::string(monthly.text("metric")), std::string(monthly.text("group"))}];
    at_month(series, m) = b;
  }
  CsvRows budget(join_path(folder, "budget.csv"), required_file(folder, files, "budget.csv", "the budget by year"),
                 {"financial_year", "months", "category", "mean_gbp", "p10_gbp", "p50_gbp", "p90_gbp"});
  while (budget.next()) read_budget(budget, "", run.budget);
  input.runs.push_back(std::move(run));
}

void read_comparison(const std::string& folder, const FileSource& files, const nlohmann::json& summary,
                     ReportInput& input) {
  const std::size_t first = input.runs.size();
  ReportRun base;
  base.folder = folder;
  base.has_bands = false;
  base.label = field_text(summary["base"], "name");
  base.scenario_file = field_text(summary["base"], "file");
  base.resolved_yaml = required_file(folder, files, "base.resolved.yaml", "the base scenario as compared");
  input.runs.push_back(std::move(base));
  std::map<std::string, std::size_t> run_of;  // alternative name -> index in input.runs
  const auto& alternatives = summary["alternatives"];
  for (std::size_t i = 0; i < alternatives.size(); ++i) {
    ReportRun alt;
    alt.folder = folder;
    alt.has_bands = false;
    alt.label = field_text(alternatives[i], "name");
    alt.scenario_file = field_text(alternatives[i], "file");
    const std::string name = "alternative" + std::to_string(i + 1) + ".resolved.yaml";
    alt.resolved_yaml = required_file(folder, files, name, "an alternative scenario as compared");
    run_of[alt.label] = input.runs.size();
    input.runs.push_back(std::move(alt));
    ReportDifference d;
    d.base = input.runs[first].label;
    d.alternative = input.runs.back().label;
    d.interval = "95% confidence interval of the mean paired difference (common random numbers)";
    input.differences.push_back(std::move(d));
  }
  const std::size_t first_difference = input.differences.size() - alternatives.size();

  MonthIndex month_index(input);
  CsvRows monthly(join_path(folder, "compare_monthly.csv"),
                  required_file(folder, files, "compare_monthly.csv", "the monthly paired differences"),
                  {"alternative", "month", "metric", "group", "base_mean", "alternative_mean", "difference_mean",
                   "difference_ci95_low", "difference_ci95_high"});
  while (monthly.next()) {
    const auto it = run_of.find(std::string(monthly.text("alternative")));
    if (it == run_of.end()) monthly.fail("alternative", "not one of the alternatives summary.json names");
    const int m = month_index(monthly.text("month"), monthly);
    if (m < 0) continue;
    const MetricKey key{std::string(monthly.text("metric")), std::string(monthly.text("group"))};
    Band alt;
    alt.mean = monthly.number("alternative_mean");
    at_month(input.runs[it->second].monthly[key], m) = alt;
    if (it->second == first + 1) {  // the base's means, once (the first alternative's rows)
      Band b;
      b.mean = monthly.number("base_mean");
      at_month(input.runs[first].monthly[key], m) = b;
    }
    at_month(input.differences[first_difference + (it->second - first - 1)].monthly[key], m) = {
        monthly.number("difference_mean"), monthly.number("difference_ci95_low"), monthly.number("difference_ci95_high")};
  }
  CsvRows budget(join_path(folder, "compare_budget.csv"),
                 required_file(folder, files, "compare_budget.csv", "the budget differences by year"),
                 {"alternative", "financial_year", "months", "category", "base_mean_gbp", "base_p10_gbp",
                  "base_p50_gbp", "base_p90_gbp", "alternative_mean_gbp", "alternative_p10_gbp",
                  "alternative_p50_gbp", "alternative_p90_gbp"});
  while (budget.next()) {
    const auto it = run_of.find(std::string(budget.text("alternative")));
    if (it == run_of.end()) budget.fail("alternative", "not one of the alternatives summary.json names");
    if (it->second == first + 1) read_budget(budget, "base_", input.runs[first].budget);
    read_budget(budget, "alternative_", input.runs[it->second].budget);
  }
}

// A plan folder (plan.csv, plan.yaml; no summary.json): the scenario as it is and with the plan,
// by team and for the whole service ("all"): establishment, staff in post, cost, and the cost of
// the plan with its paired interval.
void read_plan(const std::string& folder, const FileSource& files, ReportInput& input) {
  const std::string plan_yaml = required_file(folder, files, "plan.yaml", "the scenario with the plan");
  ReportRun as_is, planned;
  as_is.folder = planned.folder = folder;
  as_is.has_bands = false;
  planned.scenario_file = join_path(folder, "plan.yaml");
  try {  // the plan extends its scenario: resolved, for the assumptions, when the scenario is still there
    const sim::Scenario scenario = load_scenario_and_draws(planned.scenario_file).scenario;
    planned.resolved_yaml = scenario.resolved_yaml;
    planned.label = scenario.name;
  } catch (const UserError&) {
    planned.resolved_yaml = plan_yaml;
    planned.label = "with the plan";
  }
  as_is.label = "the scenario as it is";
  as_is.resolved_yaml = planned.resolved_yaml;
  ReportDifference d;
  d.base = as_is.label;
  d.alternative = planned.label;
  d.interval = "95% confidence interval of the mean paired difference (common random numbers)";

  MonthIndex month_index(input);
  CsvRows rows(join_path(folder, "plan.csv"), required_file(folder, files, "plan.csv", "the plan by team and month"),
               {"month", "team", "establishment_fte_scenario", "establishment_fte_plan", "fte_in_post_scenario_mean",
                "fte_in_post_plan_mean", "fte_in_post_plan_p10", "fte_in_post_plan_p90", "cost_gbp_scenario_mean",
                "cost_gbp_plan_mean", "cost_gbp_difference_mean", "cost_gbp_difference_ci95_low",
                "cost_gbp_difference_ci95_high"});
  while (rows.next()) {
    const int m = month_index(rows.text("month"), rows);
    if (m < 0) continue;
    const std::string team(rows.text("team"));
    Band b;
    b.mean = rows.number("establishment_fte_scenario");
    at_month(as_is.monthly[{"establishment_fte", team}], m) = b;
    b.mean = rows.number("establishment_fte_plan");
    at_month(planned.monthly[{"establishment_fte", team}], m) = b;
    b.mean = rows.number("fte_in_post_scenario_mean");
    at_month(as_is.monthly[{"fte_in_post", team}], m) = b;
    at_month(planned.monthly[{"fte_in_post", team}], m) = {rows.number("fte_in_post_plan_mean"),
                                                           rows.number("fte_in_post_plan_p10"), kNoValue,
                                                           rows.number("fte_in_post_plan_p90")};
    b.mean = rows.number("cost_gbp_scenario_mean");
    at_month(as_is.monthly[{"plan_cost_gbp", team}], m) = b;
    b.mean = rows.number("cost_gbp_plan_mean");
    at_month(planned.monthly[{"plan_cost_gbp", team}], m) = b;
    at_month(d.monthly[{"plan_cost_gbp", team}], m) = {rows.number("cost_gbp_difference_mean"),
                                                       rows.number("cost_gbp_difference_ci95_low"),
                                                       rows.number("cost_gbp_difference_ci95_high")};
  }
  input.runs.push_back(std::move(as_is));
  input.runs.push_back(std::move(planned));
  input.differences.push_back(std::move(d));
}

// Two separate runs are not paired, so the interval of their difference of means is
// approximate: each run's spread across replications taken from its P10-P90 width as a normal
// distribution's (width / 2.563), and the runs independent. Paired runs (same seed) would give
// a narrower interval: `caseflow compare` gives the exact one.
ReportDifference unpaired_difference(const ReportRun& base, const ReportRun& alt, double base_reps, double alt_reps) {
  ReportDifference d;
  d.base = base.label;
  d.alternative = alt.label;
  d.interval = "approximate 95% interval of the difference of means, the runs taken as independent (caseflow "
               "compare gives the paired interval)";
  for (const auto& [key, alt_series] : alt.monthly) {
    const auto b = base.monthly.find(key);
    if (b == base.monthly.end()) continue;
    auto& out = d.monthly[key];
    out.resize(std::min(alt_series.size(), b->second.size()));
    for (std::size_t m = 0; m < out.size(); ++m) {
      const Band& x = b->second[m];
      const Band& y = alt_series[m];
      const double mean = y.mean - x.mean;
      const double sx = (x.p90 - x.p10) / 2.563, sy = (y.p90 - y.p10) / 2.563;
      const double half = 1.96 * std::sqrt(sx * sx / base_reps + sy * sy / alt_reps);
      out[m] = {mean, mean - half, mean + half};
    }
  }
  return d;
}

}  // namespace

FileSource files_on_disk(const std::string& folder) {
  return [folder](const std::string& name) -> std::optional<std::string> {
    std::ifstream in(fs::path(folder) / name, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
}

void read_output_folder(const std::string& folder, const FileSource& files, ReportInput& input) {
  if (!files("summary.json") && files("plan.csv")) {
    read_plan(folder, files, input);
    Provenance p;
    p.folder = folder;
    p.kind = "plan";
    p.scenarios = input.runs.back().label;
    p.written = written_date(folder);
    input.provenance.push_back(std::move(p));
    return;
  }
  const std::string summary_file = join_path(folder, "summary.json");
  const nlohmann::json summary =
      parse_json(summary_file, required_file(folder, files, "summary.json", "the run's provenance"));
  if (!summary.is_object()) throw UserError(summary_file, 1, 0, "summary.json: expected a JSON object");
  const bool comparison = field_text(summary, "command") == "compare";
  if (comparison && (!summary.contains("base") || !summary["alternatives"].is_array()))
    throw UserError(summary_file, 1, 0, "base, alternatives: missing from a comparison's summary");
  Provenance p;
  p.folder = folder;
  p.kind = comparison ? "compare" : "run";
  p.version = field_text(summary, "caseflow_version");
  p.git_revision = field_text(summary, "git_revision");
  p.seed = field_text(summary, "seed");
  p.replications = field_text(summary, "replications");
  p.horizon = field_text(summary, "horizon_months");
  p.start_month = field_text(summary, "start_month");
  p.written = written_date(folder);
  if (comparison) {
    p.scenarios = field_text(summary["base"], "name") + " (base)";
    for (const auto& a : summary["alternatives"]) p.scenarios += ", " + field_text(a, "name");
    read_comparison(folder, files, summary, input);
  } else {
    p.scenarios = summary.contains("scenario") ? field_text(summary["scenario"], "name") : "";
    read_run(folder, files, summary, input);
  }
  input.provenance.push_back(std::move(p));
}

ReportInput read_output_folders(const std::vector<std::string>& folders) {
  ReportInput input;
  for (const auto& folder : folders) {
    if (!fs::is_directory(folder)) throw UserError(folder, 0, 0, "not a folder (give the folder run or compare wrote)");
    read_output_folder(folder, files_on_disk(folder), input);
  }
  // Two or more runs: each one's difference from the first, unless a comparison gave them.
  if (input.differences.empty() && input.runs.size() > 1) {
    const auto reps = [&](std::size_t i) {  // summary.json's replications (1 if it gives none)
      double r = 1;
      const std::string& text = input.provenance[i].replications;
      std::from_chars(text.data(), text.data() + text.size(), r);
      return std::isfinite(r) ? std::max(1.0, r) : 1.0;
    };
    for (std::size_t i = 1; i < input.runs.size(); ++i)
      input.differences.push_back(unpaired_difference(input.runs[0], input.runs[i], reps(0), reps(i)));
  }
  for (auto& run : input.runs)
    for (auto& [key, series] : run.monthly) series.resize(input.months.size());
  for (auto& d : input.differences)
    for (auto& [key, series] : d.monthly) series.resize(input.months.size());
  return input;
}

}  // namespace caseflow::io::report
