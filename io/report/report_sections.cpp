#include "io/report/report_sections.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "io/report/svg_chart.h"
#include "sim/scenario.h"

namespace caseflow::io::report {

namespace {

// A metric drawn in the report: its name and group in monthly.csv, and how to say it.
struct Figure {
  std::string metric, group;
  std::string title;  // "Caseload per FTE: assessment team"
  std::string noun;   // "caseload per FTE in the assessment team", for the headline
  std::string unit;   // the y axis label, with unit
  bool money = false;
  bool percent = false;
};

std::string figure_text(double v, const Figure& f) {
  return display_number(v, f.money) + (f.percent ? "%" : "");
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

const BandSeries* series_of(const ReportRun& run, const Figure& f) {
  const auto it = run.monthly.find({f.metric, f.group});
  return it == run.monthly.end() ? nullptr : &it->second;
}

// The central figure of a run's month: P50 where the run has it, else the mean (a comparison's
// scenarios, and a plan's staff in post, which plan.csv gives as mean, P10 and P90).
double central(const ReportRun& run, const Band& b) { return run.has_bands && std::isfinite(b.p50) ? b.p50 : b.mean; }

std::size_t finite_months(const ReportRun& run, const BandSeries& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [&](const Band& b) { return std::isfinite(central(run, b)); }));
}

// "peaks at 62 (P10 12, P90 110) in Jun 2020" for the month with the highest central figure.
std::string peak_phrase(const ReportRun& run, const BandSeries& s, const std::vector<std::string>& months,
                        const Figure& f, bool lowest = false) {
  std::size_t best = s.size();
  for (std::size_t m = 0; m < s.size(); ++m) {
    const double v = central(run, s[m]);
    if (!std::isfinite(v)) continue;
    if (best == s.size() || (lowest ? v < central(run, s[best]) : v > central(run, s[best]))) best = m;
  }
  if (best == s.size()) return "has no value in any month";
  const bool level = std::all_of(s.begin(), s.end(), [&](const Band& b) {
    const double v = central(run, b);
    return !std::isfinite(v) || v == central(run, s[best]);
  });
  if (level) return "is " + figure_text(central(run, s[best]), f) + (run.has_bands ? " (P50)" : "") + " in every month";
  std::string text = (lowest ? "is lowest at " : "peaks at ") + figure_text(central(run, s[best]), f);
  if (run.has_bands && std::isfinite(s[best].p10))
    text += " (P10 " + figure_text(s[best].p10, f) + ", P90 " + figure_text(s[best].p90, f) + ")";
  return text + " in " + month_name(months[best]);
}

// "goes from 440 in Apr 2019 to 471 (P10 430, P90 510) in Mar 2024"
std::string trend_phrase(const ReportRun& run, const BandSeries& s, const std::vector<std::string>& months,
                         const Figure& f) {
  std::size_t first = s.size(), last = s.size();
  for (std::size_t m = 0; m < s.size(); ++m)
    if (std::isfinite(central(run, s[m]))) (first == s.size() ? first : last) = m, last = m;
  if (first == s.size()) return "has no value in any month";
  std::string text = "goes from " + figure_text(central(run, s[first]), f) + " in " + month_name(months[first]) +
                     " to " + figure_text(central(run, s[last]), f);
  if (run.has_bands && std::isfinite(s[last].p10))
    text += " (P10 " + figure_text(s[last].p10, f) + ", P90 " + figure_text(s[last].p90, f) + ")";
  return text + " in " + month_name(months[last]);
}

// "above the planned 18 in 40 of 60 months"
std::string against_phrase(const ReportRun& run, const BandSeries& s, const std::vector<double>& line,
                           const std::string& what, const Figure& f) {
  std::size_t above = 0, counted = 0;
  double first = kNoValue, last = kNoValue;
  for (std::size_t m = 0; m < s.size() && m < line.size(); ++m) {
    const double v = central(run, s[m]);
    if (!std::isfinite(v) || !std::isfinite(line[m])) continue;
    if (counted++ == 0) first = line[m];
    above += v > line[m];
    last = line[m];
  }
  if (counted == 0) return "";
  const std::string level = first == last ? " of " + figure_text(last, f)
                                          : " (from " + figure_text(first, f) + " to " + figure_text(last, f) + ")";
  return "above " + what + level + " in " + std::to_string(above) + " of " + std::to_string(counted) + " months";
}

FanSeries run_series(const ReportRun& run, const BandSeries& s, const std::string& colour) {
  FanSeries out;
  out.label = run.label;
  out.colour = colour;
  for (const Band& b : s) {
    if (run.has_bands) {
      out.low.push_back(b.p10);
      out.high.push_back(b.p90);
      out.median.push_back(b.p50);
    }
    out.mean.push_back(b.mean);
  }
  if (std::none_of(out.median.begin(), out.median.end(), [](double v) { return std::isfinite(v); }))
    out.median.clear();  // a plan's staff in post has P10, P90 and the mean, no P50
  if (!run.has_bands) {  // a comparison keeps means only: drawn solid
    out.median = std::move(out.mean);
    out.mean.clear();
    out.median_name = "mean";
  }
  return out;
}

std::string table_of(const FanChart& chart, bool percent) {
  std::ostringstream o;
  o << "<table><caption>" << escape_html(chart.title) << " (" << escape_html(chart.y_label)
    << ")</caption><thead><tr><th scope=\"col\">month</th>";
  const bool named = chart.series.size() > 1;
  for (const auto& s : chart.series) {
    const std::string prefix = named ? s.label + " " : "";
    if (!s.low.empty()) {
      const bool interval = s.band_name != "P10-P90";
      o << "<th scope=\"col\">" << escape_html(prefix + (interval ? "low" : "P10")) << "</th>";
      if (!s.median.empty()) o << "<th scope=\"col\">" << escape_html(prefix + s.median_name) << "</th>";
      o << "<th scope=\"col\">" << escape_html(prefix + (interval ? "high" : "P90")) << "</th>";
    } else if (!s.median.empty()) {
      o << "<th scope=\"col\">" << escape_html(prefix + s.median_name) << "</th>";
    }
    if (!s.mean.empty()) o << "<th scope=\"col\">" << escape_html(prefix + s.mean_name) << "</th>";
  }
  for (const auto& r : chart.references) o << "<th scope=\"col\">" << escape_html(r.label) << "</th>";
  o << "</tr></thead><tbody>";
  const auto cell = [&](const std::vector<double>& v, std::size_t m) {
    o << "<td>" << (m < v.size() ? display_number(v[m], chart.money) + (percent && std::isfinite(v[m]) ? "%" : "") : "–")
      << "</td>";
  };
  for (std::size_t m = 0; m < chart.months.size(); ++m) {
    o << "<tr><th scope=\"row\">" << escape_html(chart.months[m]) << "</th>";
    for (const auto& s : chart.series) {
      if (!s.low.empty()) {
        cell(s.low, m);
        if (!s.median.empty()) cell(s.median, m);
        cell(s.high, m);
      } else if (!s.median.empty()) {
        cell(s.median, m);
      }
      if (!s.mean.empty()) cell(s.mean, m);
    }
    for (const auto& r : chart.references) cell(r.values, m);
    o << "</tr>";
  }
  o << "</tbody></table>";
  return o.str();
}

class Builder {
 public:
  explicit Builder(const ReportInput& input) : in_(input) {}

  // One chart of a figure, every run overlaid; `headline` says it for each run.
  template <typename Headline>
  void fan(std::vector<ReportChart>& out, const Figure& f, const std::vector<ReferenceLine>& references,
           Headline headline) {
    FanChart chart;
    chart.id = "c" + std::to_string(++charts_);
    chart.title = f.title;
    chart.y_label = f.unit;
    chart.money = f.money;
    chart.months = in_.months;
    chart.references = references;
    std::string text;
    for (std::size_t r = 0; r < in_.runs.size(); ++r) {
      const ReportRun& run = in_.runs[r];
      const BandSeries* s = series_of(run, f);
      if (!s || finite_months(run, *s) == 0) continue;
      chart.series.push_back(run_series(run, *s, okabe_ito()[r % okabe_ito().size()]));
      const std::string said = headline(run, *s);
      text += text.empty() ? capitalised(in_.runs.size() > 1 ? "in " + run.label + ", " + f.noun + " " + said
                                                             : f.noun + " " + said)
                           : "; in " + run.label + ", " + said;
    }
    if (chart.series.empty()) return;  // not in these outputs (an older caseflow, or another stage table)
    chart.description = text + ".";
    out.push_back({chart.description, fan_chart_svg(chart), table_of(chart, f.percent)});
  }

  void peak(std::vector<ReportChart>& out, const Figure& f, const std::vector<ReferenceLine>& refs = {}) {
    fan(out, f, refs, [&](const ReportRun& run, const BandSeries& s) { return peak_phrase(run, s, in_.months, f); });
  }
  void trend(std::vector<ReportChart>& out, const Figure& f) {
    fan(out, f, {}, [&](const ReportRun& run, const BandSeries& s) { return trend_phrase(run, s, in_.months, f); });
  }

  std::vector<ReportSection> build() {
    std::vector<ReportSection> sections;
    sections.push_back(plan());
    sections.push_back(caseloads());
    sections.push_back(unallocated());
    sections.push_back(stocks());
    sections.push_back(timeliness());
    sections.push_back(workforce());
    sections.push_back(cost());
    if (!in_.differences.empty()) sections.push_back(differences());
    std::erase_if(sections, [](const ReportSection& s) { return s.charts.empty(); });
    return sections;
  }

 private:
  const ReportInput& in_;
  int charts_ = 0;

  const ReportRun& base() const { return in_.runs.front(); }

  // A scenario setting's path as reference lines: the first run's, and each other run's that
  // differs from every one drawn (an alternative's lower agency policy), labelled with the run.
  std::vector<ReferenceLine> setting_lines(const std::string& what, const std::string& key, double scale = 1) const {
    std::vector<ReferenceLine> lines;
    for (const ReportRun& run : in_.runs) {
      std::vector<double> path = scenario_path(run, in_.months, key);
      for (double& v : path) v *= scale;
      if (std::none_of(path.begin(), path.end(), [](double v) { return std::isfinite(v); })) continue;
      if (std::any_of(lines.begin(), lines.end(), [&](const ReferenceLine& l) { return l.values == path; })) continue;
      lines.push_back({what + " (" + run.label + ")", std::move(path)});
    }
    return lines;
  }

  // The teams with a figure of `metric`, in the order of a child's journey (sim::team_names),
  // any other group after them.
  std::vector<std::string> teams_of(const std::string& metric) const {
    std::set<std::string> seen;
    for (const auto& run : in_.runs)
      for (const auto& [key, series] : run.monthly)
        if (key.first == metric && key.second != "all") seen.insert(key.second);
    std::vector<std::string> teams;
    for (const char* name : sim::team_names())
      if (seen.erase(name)) teams.push_back(name);
    teams.insert(teams.end(), seen.begin(), seen.end());
    return teams;
  }

  static std::string team_words(const std::string& team) {
    std::string t = team;
    std::replace(t.begin(), t.end(), '_', ' ');
    return t;
  }

  // A plan folder's figures: staff in post with the plan (P10-P90, mean) and as it is (mean),
  // against the establishment of each.
  ReportSection plan() {
    ReportSection s{"plan", "The staffing plan",
                    "Staff in post (FTE) by planned team and for the whole service, with the plan (band P10-P90, "
                    "dashed mean) and as the scenario is (mean), against the establishment of each; the cost of the "
                    "plan is under Differences.",
                    {}};
    std::vector<std::string> teams = teams_of("establishment_fte");
    if (!teams.empty()) teams.push_back("all");
    for (const std::string& team : teams) {
      std::vector<ReferenceLine> refs;
      for (const ReportRun& run : in_.runs)
        if (const auto it = run.monthly.find({"establishment_fte", team}); it != run.monthly.end()) {
          ReferenceLine line{"establishment, " + run.label, {}};
          for (const Band& b : it->second) line.values.push_back(b.mean);
          refs.push_back(std::move(line));
        }
      const std::string words = team == "all" ? "the whole service" : "the " + team_words(team) + " team";
      const Figure f{"fte_in_post", team, "Staff in post: " + words, "FTE in post in " + words, "FTE"};
      fan(s.charts, f, refs, [&](const ReportRun& run, const BandSeries& series) {
        return trend_phrase(run, series, in_.months, f);
      });
    }
    return s;
  }

  ReportSection caseloads() {
    ReportSection s{"caseloads", "Caseloads",
                    "Allocated cases per case-holding social worker (FTE) in each team, against the planned caseload "
                    "(the caseload at which work keeps its normal pace, `pace_cases`) and the hard cap (`cap_cases`). "
                    "The band is P10-P90 across replications, the solid line P50, the dashed line the mean.",
                    {}};
    for (const std::string& team : teams_of("caseload_per_fte")) {
      const Figure f{"caseload_per_fte", team, "Caseload per FTE: " + team_words(team) + " team",
                     "caseload per FTE in the " + team_words(team) + " team", "cases per FTE"};
      std::vector<ReferenceLine> refs = setting_lines("planned caseload", "workforce.teams." + team + ".pace_cases");
      for (auto& line : setting_lines("cap", "workforce.teams." + team + ".cap_cases")) refs.push_back(std::move(line));
      fan(s.charts, f, refs, [&](const ReportRun& run, const BandSeries& series) {
        const std::vector<double> planned = scenario_path(run, in_.months, "workforce.teams." + team + ".pace_cases");
        const std::string against = against_phrase(run, series, planned, "the planned caseload", f);
        return peak_phrase(run, series, in_.months, f) + (against.empty() ? "" : (run.has_bands ? ", and its P50 is " : ", and its mean is ") + against);
      });
    }
    return s;
  }

  ReportSection unallocated() {
    ReportSection s{"unallocated", "Unallocated cases and the front door",
                    "Cases (children referred and in a stage) with no social worker at month end, by team; and the "
                    "contacts waiting for a front-door decision. The two are different units: cases and contacts.",
                    {}};
    peak(s.charts, {"unallocated", "all", "Unallocated cases: whole service", "the number of unallocated cases (whole service)", "cases"});
    for (const std::string& team : teams_of("unallocated"))
      peak(s.charts, {"unallocated", team, "Unallocated cases: " + team_words(team) + " team",
                      "the number of unallocated cases in the " + team_words(team) + " team", "cases"});
    peak(s.charts, {"front_door_queue", "all", "Front-door queue", "the front-door queue", "contacts waiting"});
    return s;
  }

  ReportSection stocks() {
    ReportSection s{"stocks", "Children in need, on plans and in care",
                    "Children at each month end: on a child in need plan, on a child protection plan, looked after "
                    "(in care), and care leavers supported by a personal adviser.",
                    {}};
    trend(s.charts, {"cin_open", "all", "Children on a CIN plan", "the number of children on a CIN plan", "children"});
    trend(s.charts, {"cp_open", "all", "Children on a CP plan", "the number of children on a CP plan", "children"});
    trend(s.charts, {"cla_open", "all", "Children looked after", "the number of children looked after", "children"});
    trend(s.charts, {"care_leavers_open", "all", "Care leavers supported", "the number of care leavers supported", "young people"});
    return s;
  }

  void timely(ReportSection& s, const std::string& metric, const std::string& title, const std::string& noun,
              const std::string& target) {
    const Figure f{metric, "all", title, noun, "% on time", false, true};
    const std::vector<double> all(in_.months.size(), 100.0);
    fan(s.charts, f, {{target, all}}, [&](const ReportRun& run, const BandSeries& series) {
      double sum = 0;
      std::size_t n = 0;
      for (const Band& b : series)
        if (std::isfinite(central(run, b))) sum += central(run, b), ++n;
      return "averages " + figure_text(n ? sum / double(n) : kNoValue, f) + " a month and " +
             peak_phrase(run, series, in_.months, f, true);
    });
  }

  ReportSection timeliness() {
    ReportSection s{"timeliness", "Timeliness against statutory time limits",
                    "The share of each month's decisions, assessments, conferences and visits that met their "
                    "statutory time limit (Working Together); the dotted line at 100% is the statutory expectation "
                    "that every one does.",
                    {}};
    timely(s, "referral_decisions_within_1wd_pct", "Contacts decided within 1 working day",
           "the share of contacts decided within 1 working day", "statutory: within 1 working day");
    timely(s, "assessments_within_45wd_pct", "Assessments within 45 working days",
           "the share of assessments completed within 45 working days", "statutory: within 45 working days");
    timely(s, "icpc_within_15wd_pct", "ICPCs within 15 working days",
           "the share of ICPCs held within 15 working days", "statutory: within 15 working days");
    timely(s, "visits_on_time_pct", "Statutory visits on time", "the share of statutory visits made on time",
           "statutory: every visit on time");
    return s;
  }

  ReportSection workforce() {
    ReportSection s{"workforce", "Workforce",
                    "Agency staff as a share of staff in post against the scenario's agency policy "
                    "(`agency_target_share`, with its dated changes), vacant posts, and social workers in post by type "
                    "of staff (FTE).",
                    {}};
    Figure agency{"agency_pct", "all", "Agency share of staff in post", "the agency share", "% of staff in post",
                  false, true};
    fan(s.charts, agency, setting_lines("agency policy", "workforce.agency_target_share", 100),
        [&](const ReportRun& run, const BandSeries& series) {
          std::vector<double> policy = scenario_path(run, in_.months, "workforce.agency_target_share");
          for (double& v : policy) v *= 100;
          const std::string against = against_phrase(run, series, policy, "its policy", agency);
          return trend_phrase(run, series, in_.months, agency) + (against.empty() ? "" : (run.has_bands ? "; its P50 is " : "; its mean is ") + against);
        });
    peak(s.charts, {"vacancies_fte", "all", "Vacancies", "the number of vacant posts", "FTE"});
    trend(s.charts, {"fte_permanent", "all", "Permanent staff in post", "permanent FTE in post", "FTE"});
    trend(s.charts, {"fte_asye", "all", "Newly qualified (ASYE) staff in post", "ASYE FTE in post", "FTE"});
    trend(s.charts, {"fte_agency", "all", "Agency staff in post", "agency FTE in post", "FTE"});
    return s;
  }

  ReportSection cost() {
    ReportSection s{"cost", "Cost",
                    "Cost by month (total, and each category's), at each year's price index, and by April-March "
                    "financial year by category (bars: the mean; whiskers: P10-P90 across replications, each "
                    "replication's own yearly figure).",
                    {}};
    peak(s.charts, {"total_cost_gbp", "all", "Total cost by month", "the total cost a month", "GBP a month", true});
    for (const ReportRun& run : in_.runs) budget_chart(s, run);
    struct Category {
      const char *metric, *title, *noun;
    };
    const Category categories[] = {{"staff_cost_gbp", "Permanent and ASYE staff", "the cost of permanent and ASYE staff"},
                                   {"agency_cost_gbp", "Agency staff", "the cost of agency staff"},
                                   {"manager_cost_gbp", "Team managers", "the cost of team managers"},
                                   {"recruitment_cost_gbp", "Recruitment", "the cost of recruitment"},
                                   {"placement_cost_gbp", "Placements", "the cost of placements"}};
    for (const Category& c : categories)
      peak(s.charts, {c.metric, "all", std::string(c.title) + ": cost by month", c.noun, "GBP a month", true});
    return s;
  }

  void budget_chart(ReportSection& s, const ReportRun& run) {
    BarChart chart;
    chart.id = "c" + std::to_string(++charts_);
    chart.title = "Cost by financial year and category" + (in_.runs.size() > 1 ? ": " + run.label : std::string());
    chart.y_label = "GBP a year";
    chart.money = true;
    for (const BudgetLine& line : run.budget) {
      const std::string year = line.financial_year + (line.months < 12 ? " (" + std::to_string(line.months) + " months)" : "");
      if (std::find(chart.groups.begin(), chart.groups.end(), year) == chart.groups.end()) chart.groups.push_back(year);
      if (line.category == "total" || line.category.rfind("placements_", 0) == 0) continue;
      if (std::find(chart.series.begin(), chart.series.end(), line.category) == chart.series.end())
        chart.series.push_back(line.category);
    }
    if (chart.groups.empty()) return;
    chart.values.assign(chart.series.size(), std::vector<BarValue>(chart.groups.size(), {kNoValue, kNoValue, kNoValue}));
    std::ostringstream table;
    table << "<table><caption>" << escape_html(chart.title) << " (GBP)</caption><thead><tr><th scope=\"col\">financial "
          << "year</th><th scope=\"col\">category</th><th scope=\"col\">mean</th><th scope=\"col\">P10</th><th "
          << "scope=\"col\">P50</th><th scope=\"col\">P90</th></tr></thead><tbody>";
    std::string headline;
    for (const BudgetLine& line : run.budget) {
      const std::string year = line.financial_year + (line.months < 12 ? " (" + std::to_string(line.months) + " months)" : "");
      const std::size_t g = static_cast<std::size_t>(std::find(chart.groups.begin(), chart.groups.end(), year) - chart.groups.begin());
      const auto k = std::find(chart.series.begin(), chart.series.end(), line.category);
      if (k != chart.series.end())
        chart.values[static_cast<std::size_t>(k - chart.series.begin())][g] = {line.gbp.mean, line.gbp.p10, line.gbp.p90};
      table << "<tr><th scope=\"row\">" << escape_html(year) << "</th><td>" << escape_html(line.category) << "</td><td>"
            << display_number(line.gbp.mean, true) << "</td><td>" << display_number(line.gbp.p10, true) << "</td><td>"
            << display_number(line.gbp.p50, true) << "</td><td>" << display_number(line.gbp.p90, true) << "</td></tr>";
      if (line.category == "total" && line.months == 12 && headline.empty()) {
        headline = "In " + line.financial_year + (in_.runs.size() > 1 ? ", " + run.label + " costs " : " the service costs ") +
                   display_number(line.gbp.mean, true) + " on average (P10 " + display_number(line.gbp.p10, true) +
                   ", P90 " + display_number(line.gbp.p90, true) + ")";
      }
    }
    table << "</tbody></table>";
    // the largest category of the first year, to say where the money goes
    double largest = -1;
    std::string largest_name;
    for (std::size_t k = 0; k < chart.series.size(); ++k)
      if (std::isfinite(chart.values[k][0].mean) && chart.values[k][0].mean > largest)
        largest = chart.values[k][0].mean, largest_name = chart.series[k];
    if (headline.empty()) headline = "Cost by year of " + run.label;
    if (!largest_name.empty())
      headline += "; the largest category in " + chart.groups[0] + " is " + largest_name + " (" +
                  display_number(largest, true) + ")";
    chart.description = headline + ". Bars are means, whiskers P10-P90.";
    s.charts.push_back({chart.description, bar_chart_svg(chart), table.str()});
  }

  ReportSection differences() {
    ReportSection s{"differences", "Differences between the scenarios",
                    "Each alternative minus the base, month by month: the solid line is the mean difference and the "
                    "band its interval (below each chart: which interval). Where the band leaves out zero, the "
                    "difference is unlikely to be chance.",
                    {}};
    const std::vector<Figure> figures{
        {"unallocated", "all", "Unallocated cases", "unallocated cases", "cases"},
        {"caseload_per_fte", "all", "Caseload per FTE", "caseload per FTE", "cases per FTE"},
        {"front_door_queue", "all", "Front-door queue", "the front-door queue", "contacts"},
        {"assessments_within_45wd_pct", "all", "Assessments within 45 working days",
         "the share of assessments within 45 working days", "percentage points", false, true},
        {"cla_open", "all", "Children looked after", "the number of children looked after", "children"},
        {"agency_pct", "all", "Agency share", "the agency share", "percentage points", false, true},
        {"fte_in_post", "all", "Staff in post", "staff in post", "FTE"},
        {"total_cost_gbp", "all", "Total cost by month", "the total cost a month", "GBP a month", true},
        {"plan_cost_gbp", "all", "Cost of the plan by month", "the cost a month", "GBP a month", true}};
    for (const Figure& f : figures) {
      FanChart chart;
      chart.id = "c" + std::to_string(++charts_);
      chart.title = f.title + ": alternative minus base";
      chart.y_label = "difference, " + f.unit;
      chart.money = f.money;
      chart.months = in_.months;
      std::string text;
      for (std::size_t d = 0; d < in_.differences.size(); ++d) {
        const ReportDifference& diff = in_.differences[d];
        const auto it = diff.monthly.find({f.metric, f.group});
        if (it == diff.monthly.end()) continue;
        FanSeries series;
        series.label = diff.alternative + " - " + diff.base;
        series.colour = okabe_ito()[(d + 1) % okabe_ito().size()];
        series.band_name = d == 0 ? "interval (see table caption)" : "interval";
        series.median_name = "mean difference";
        std::size_t largest = it->second.size();
        for (std::size_t m = 0; m < it->second.size(); ++m) {
          const DifferencePoint& p = it->second[m];
          series.low.push_back(p.low);
          series.high.push_back(p.high);
          series.median.push_back(p.mean);
          if (std::isfinite(p.mean) && (largest == it->second.size() || std::abs(p.mean) > std::abs(it->second[largest].mean)))
            largest = m;
        }
        if (largest == it->second.size()) continue;
        const DifferencePoint& p = it->second[largest];
        const bool clear = std::isfinite(p.low) && (p.low > 0 || p.high < 0);
        text += (text.empty() ? "" : "; ") + diff.alternative + " minus " + diff.base + ": the largest difference in " +
                f.noun + " is " + figure_text(p.mean, f) + (f.percent ? " points" : "") + " in " +
                month_name(in_.months[largest]) + " (interval " + figure_text(p.low, f) + " to " +
                figure_text(p.high, f) + (clear ? ", leaving out zero)" : ", including zero)");
        chart.series.push_back(std::move(series));
      }
      if (chart.series.empty()) continue;
      chart.references.push_back({"no difference", std::vector<double>(in_.months.size(), 0.0)});
      chart.description = text + ".";
      std::string table = table_of(chart, false);
      const std::string interval = "<p class=\"note\">Interval: " + escape_html(in_.differences.front().interval) + ".</p>";
      s.charts.push_back({chart.description, fan_chart_svg(chart), interval + table});
    }
    return s;
  }
};

}  // namespace

std::vector<ReportSection> report_sections(const ReportInput& input) {
  if (input.runs.empty()) return {};
  return Builder(input).build();
}

}  // namespace caseflow::io::report
