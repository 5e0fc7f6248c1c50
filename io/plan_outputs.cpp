#include "io/plan_outputs.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

#include "caseflow/version.h"
#include "io/output_text.h"
#include "io/workbook_sheets.h"
#include "io/xlsx_workbook.h"
#include "sim/comparison.h"
#include "sim/engine/calendar.h"
#include "sim/engine/statistics.h"

namespace caseflow::io {

namespace {

namespace fs = std::filesystem;
using sim::Metric;

// Money to the penny, never in scientific notation; empty for no value.
std::string pennies(double v) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v + 0.0);
  return buf;
}

// Money for reading: pounds with thousands separators and a sign for differences.
std::string pounds(double v, bool sign = false) {
  if (!std::isfinite(v)) return "n/a";
  const long long whole = std::llround(std::abs(v));
  std::string digits = std::to_string(whole);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  const std::string s = v < 0 && whole != 0 ? "-" : (sign && whole != 0 ? "+" : "");
  return s + "£" + digits;
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
  return buf;
}

std::string team_name(sim::Team t) { return sim::team_names()[sim::index(t)]; }

const sim::Metric kTeamCosts[] = {Metric::kStaffCostGbp, Metric::kAgencyCostGbp, Metric::kManagerCostGbp,
                                  Metric::kRecruitmentCostGbp};

// A team's workforce cost in a month of one replication: staff, agency, managers, recruitment.
double team_cost(const sim::Replications& r, std::size_t rep, std::size_t team, int month) {
  double total = 0;
  for (Metric m : kTeamCosts) total += r.series(rep, r.layout->series(m, team))[month];
  return total;
}

struct Paired {
  std::vector<double> base, alt;
};

// Each replication's figure in both runs, from a function of (runs, replication).
template <typename F>
Paired paired(const sim::StaffingPlan& plan, F figure) {
  Paired p;
  for (std::size_t rep = 0; rep < plan.planned_runs.count(); ++rep) {
    p.base.push_back(figure(plan.scenario_runs, rep));
    p.alt.push_back(figure(plan.planned_runs, rep));
  }
  return p;
}

sim::Difference difference(const Paired& p) {
  std::vector<double> scratch;
  return sim::paired_difference(p.base, p.alt, scratch);
}

// The plan's cost less the scenario's in each financial year: the planned teams' workforce
// cost and the whole service's total cost (plan.md's table, the workbook's Summary).
struct YearCost {
  sim::Difference teams, whole;
};
std::vector<YearCost> yearly_cost_differences(const sim::StaffingPlan& plan) {
  const auto& r = plan.planned_runs;
  const auto& layout = *r.layout;
  const auto& total_info = sim::info(Metric::kTotalCostGbp);
  const std::size_t total_series = layout.series(Metric::kTotalCostGbp, layout.all_group(Metric::kTotalCostGbp));
  std::vector<YearCost> years;
  for (std::size_t y = 0; y < r.financial_years.size(); ++y) {
    const int fy = r.financial_years[y];
    const Paired teams = paired(plan, [&](const sim::Replications& x, std::size_t rep) {
      double total = 0;
      for (int m = 0; m < x.months; ++m)
        if (x.financial_year_of_month[static_cast<std::size_t>(m)] == fy)
          for (sim::Team t : plan.request.teams) total += team_cost(x, rep, sim::index(t), m);
      return total;
    });
    const Paired whole = paired(plan, [&](const sim::Replications& x, std::size_t rep) {
      return sim::year_figure(x, total_info, total_series, y, rep);
    });
    years.push_back({difference(teams), difference(whole)});
  }
  return years;
}

engine::CivilDate month_end(const engine::Calendar& calendar, int m) {
  return engine::civil_from_days(engine::days_from_civil(calendar.month_start(m + 1)) - 1);
}

std::string month_label(const engine::Calendar& calendar, int m) { return engine::to_year_month(calendar.month_start(m)); }

double total_establishment(const sim::Scenario& s, const engine::CivilDate& date) {
  std::vector<sim::Team> all;
  for (std::size_t t = 0; t < sim::kTeams; ++t) all.push_back(static_cast<sim::Team>(t));
  double total = 0;
  for (int posts : sim::establishment_on(s, all, date)) total += posts;
  return total;
}

// plan.csv, field by field (the workbook's Plan sheet is the same text).
TextTable plan_table(const sim::Scenario& scenario, const sim::StaffingPlan& plan) {
  using xlsx::Format;
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  TextTable table;
  table.columns = {{"month", Format::kMonth, 10},
                   {"team", Format::kText, 16},
                   {"establishment_fte_scenario", Format::kNumber, 12},
                   {"establishment_fte_plan", Format::kNumber, 12},
                   {"extra_posts", Format::kNumber, 10},
                   {"recruitment_start_by", Format::kDate, 14},
                   {"fte_in_post_scenario_mean", Format::kNumber, 12},
                   {"fte_in_post_plan_mean", Format::kNumber, 12},
                   {"fte_in_post_plan_p10", Format::kNumber, 12},
                   {"fte_in_post_plan_p90", Format::kNumber, 12},
                   {"cost_gbp_scenario_mean", Format::kGbp, 16},
                   {"cost_gbp_plan_mean", Format::kGbp, 16},
                   {"cost_gbp_difference_mean", Format::kGbp, 16},
                   {"cost_gbp_difference_ci95_low", Format::kGbp, 16},
                   {"cost_gbp_difference_ci95_high", Format::kGbp, 16}};
  const auto& layout = *plan.planned_runs.layout;
  auto row = [&](int m, const std::string& team, double est_scenario, double est_plan, const std::string& recruit_by,
                 std::size_t fte_series, const Paired& cost) {
    Paired fte = paired(plan, [&](const sim::Replications& r, std::size_t rep) { return r.series(rep, fte_series)[m]; });
    const engine::Spread fte_plan = engine::spread_of(fte.alt);
    const sim::Difference d = difference(cost);
    table.rows.push_back({month_label(calendar, m), team, exact_number(est_scenario), exact_number(est_plan),
                          exact_number(est_plan - est_scenario), recruit_by,
                          summary_number(engine::spread_of(fte.base).mean), summary_number(fte_plan.mean),
                          summary_number(fte_plan.p10), summary_number(fte_plan.p90), pennies(d.base_mean),
                          pennies(d.alt_mean), pennies(d.mean), pennies(d.ci_low), pennies(d.ci_high)});
  };
  for (int m = 0; m < scenario.horizon_months; ++m) {
    const engine::CivilDate end = month_end(calendar, m);
    for (std::size_t i = 0; i < plan.request.teams.size(); ++i) {
      const sim::Team team = plan.request.teams[i];
      const double before = sim::establishment_on(scenario, {team}, end)[0];
      const double after = sim::establishment_on(plan.planned, {team}, end)[0];
      const bool recruits = plan.search.answer[i] > plan.scenario_posts[i];
      const std::size_t t = sim::index(team);
      row(m, team_name(team), before, after, recruits ? engine::to_iso(plan.recruit_by) : "",
          layout.series(Metric::kFteInPost, t),
          paired(plan, [&](const sim::Replications& r, std::size_t rep) { return team_cost(r, rep, t, m); }));
    }
    const std::size_t total_cost = layout.series(Metric::kTotalCostGbp, layout.all_group(Metric::kTotalCostGbp));
    row(m, "all", total_establishment(scenario, end), total_establishment(plan.planned, end), "",
        layout.series(Metric::kFteInPost, layout.all_group(Metric::kFteInPost)),
        paired(plan, [&](const sim::Replications& r, std::size_t rep) { return r.series(rep, total_cost)[m]; }));
  }
  return table;
}

// plan_search.csv: the screening search's staffings first (on its replications), then the full search's.
TextTable search_table(const sim::StaffingPlan& plan, const sim::RunOptions& options) {
  using xlsx::Format;
  TextTable table;
  table.columns = {{"evaluation", Format::kInteger, 10}, {"replications", Format::kInteger, 12}};
  for (sim::Team t : plan.request.teams) table.columns.push_back({"posts_" + team_name(t), Format::kInteger, 14});
  table.columns.push_back({"meets_targets", Format::kText, 12});
  table.columns.push_back({"worst_share_meeting", Format::kPercent, 12});  // a share: 0.8 shows as 80.0%
  table.columns.push_back({"weakest", Format::kText, 60});
  auto rows = [&](const sim::StaffingSearchResult& search, std::uint32_t replications) {
    for (const auto& e : search.evaluated) {
      std::vector<std::string> row = {std::to_string(table.rows.size() + 1), std::to_string(replications)};
      for (int p : e.staffing) row.push_back(std::to_string(p));
      row.push_back(e.evaluation.meets ? "yes" : "no");
      row.push_back(exact_number(e.evaluation.score));
      row.push_back(e.evaluation.weakest);
      table.rows.push_back(std::move(row));
    }
  };
  rows(plan.screening, plan.request.screening_replications);
  rows(plan.search, options.replications);
  return table;
}

std::string target_group_label(const sim::Replications& r, const sim::TargetStanding& s, const sim::StaffingTarget& t) {
  const auto labels = sim::group_labels(sim::info(t.metric).groups, r.stage_labels);
  return labels[s.group];
}

void write_plan_yaml(std::ostream& out, const sim::Scenario& scenario, const std::string& scenario_file,
                     const std::string& folder, const sim::StaffingPlan& plan) {
  std::error_code ec;
  const fs::path from = fs::absolute(folder);
  fs::path base = fs::relative(fs::absolute(scenario_file), from, ec);
  if (ec || base.empty()) base = fs::absolute(scenario_file);
  const std::string path_text = sim::describe(plan.request.agency_share_path);
  out << "# The scenario " << scenario.name << " with the establishment `caseflow plan` found (plan.md).\n"
      << "# Re-run it with: caseflow run " << (fs::path(folder) / "plan.yaml").generic_string() << "\n"
      << "extends: " << base.generic_string() << "\n"
      << "name: " << plan.planned.name << "\n"
      << "description: " << scenario.name << " with the planned establishment from "
      << engine::to_iso(plan.effective)
      << (path_text.empty() ? "" : " under the agency share ceiling " + path_text) << "\n"
      << "changes:\n";
  // The plan's levels are set again on every later date the scenario changes something, so a
  // change of the scenario's own cannot undo them (same-date changes of this file apply after
  // the scenario's): the establishment from the effective date, the agency share path's
  // ceiling (the step in force) from its first date.
  const auto& path = plan.request.agency_share_path;
  std::set<engine::CivilDate> dates{plan.effective};
  for (const auto& step : path) dates.insert(step.from);
  const engine::CivilDate first = *dates.begin();
  for (const auto& e : scenario.epochs)
    if (first < e.from) dates.insert(e.from);
  for (const auto& date : dates) {
    out << "  - from: " << engine::to_iso(date) << "\n    set:\n";
    if (!(date < plan.effective))
      for (std::size_t i = 0; i < plan.request.teams.size(); ++i)
        out << "      workforce.teams." << team_name(plan.request.teams[i])
            << ".establishment_fte: " << plan.search.answer[i] << "\n";
    const sim::AgencyShareStep* in_force = nullptr;
    for (const auto& step : path)
      if (!(date < step.from)) in_force = &step;
    if (in_force) out << "      workforce.agency_target_share: " << exact_number(in_force->share) << "\n";
  }
}

void write_plan_md(std::ostream& out, const sim::Scenario& scenario, const std::string& scenario_file,
                   const sim::StaffingPlan& plan, const sim::RunOptions& options, const PlanProvenance& provenance) {
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const auto& req = plan.request;
  const std::string conf = percent(req.confidence);
  out << "# Staffing plan: " << scenario.name << "\n\n"
      << "caseflow " << kVersion << " (git " << kGitRevision << "), scenario `" << scenario_file << "`, seed "
      << options.seed << ", " << options.replications << " replications, " << scenario.horizon_months
      << " months.\n\n";
  out << "## The answer\n\nFor every target below to hold in every month from " << month_label(calendar, plan.first_month)
      << " in at least " << conf << " of replications";
  const std::string path_text = sim::describe(req.agency_share_path);
  if (!path_text.empty())
    out << ", with agency staff capped at " << path_text << " (`--agency-share`; the scenario's own ceiling is "
        << percent(scenario.epochs.front().parameters.workforce.agency_target_share) << " at the start)";
  out << ", the establishment must be:\n\n"
      << "| team | posts in the scenario | posts in the plan | change | recruitment must start by |\n"
      << "|---|---:|---:|---:|---|\n";
  for (std::size_t i = 0; i < req.teams.size(); ++i) {
    const int change = plan.search.answer[i] - plan.scenario_posts[i];
    out << "| " << team_name(req.teams[i]) << " | " << plan.scenario_posts[i] << " | " << plan.search.answer[i] << " | "
        << (change > 0 ? "+" : "") << change << " | "
        << (change > 0 ? engine::to_iso(plan.recruit_by) : std::string("no recruitment: fewer posts suffice")) << " |\n";
  }
  out << "\nThe targets, where each is weakest (the month with the fewest replications meeting it):\n\n"
      << "| target | group | weakest month | replications meeting it | value at " << conf << " confidence |\n"
      << "|---|---|---|---:|---:|\n";
  for (const auto& s : plan.standing.standings) {
    const auto& t = req.targets[s.target];
    out << "| `" << t.text << "` | " << target_group_label(plan.planned_runs, s, t) << " | "
        << month_label(calendar, s.worst_month) << " | " << percent(s.worst_share) << " | "
        << (std::isfinite(s.worst_value) ? summary_number(s.worst_value) : std::string("no value")) << " |\n";
  }
  out << "\n## When to recruit\n\nThe new establishment takes effect on " << engine::to_iso(plan.effective)
      << ": the latest date a recruitment can start for its starter to be in post by "
      << engine::to_iso(req.from) << ", at the " << static_cast<int>(std::lround(100 * req.lead_time_quantile))
      << "th percentile of the scenario's permanent lead time (" << summary_number(plan.lead_days)
      << " days from advert to start, one campaign). The 90th, not the median: at the median half of the new "
         "starters would arrive after the date. ";
  if (plan.recruit_by < scenario.start_date)
    out << "That date, " << engine::to_iso(plan.recruit_by) << ", is before the scenario starts: recruitment is "
        << "already late for " << engine::to_iso(req.from) << ", and the plan gives the new posts from the start, "
        << "filled as the scenario fills its establishment at the start (optimistic). ";
  out << "From that date the model recruits to the new posts as it does to any vacancy: agency cover up to the "
         "agency share, permanent campaigns that can fail and run again. The plan's establishment is therefore "
         "what meets the targets despite those delays; fewer posts would do in the long run (plan.csv shows the "
         "staff in post month by month).\n\n";

  out << "## Cost against the scenario as it is\n\n"
      << (path_text.empty() ? "" : "The scenario as it is: its own establishment and agency ceiling, not the path. ")
      << "Both run with the same seed and replications (common random numbers); the difference is the plan's cost less the scenario's, with its 95% confidence interval.\n\n"
      << "| financial year | months | planned teams' workforce cost, difference | whole service total cost, "
         "difference | whole service, scenario | whole service, plan |\n|---|---:|---|---|---:|---:|\n";
  const auto& r = plan.planned_runs;
  const std::vector<YearCost> costs = yearly_cost_differences(plan);
  for (std::size_t y = 0; y < r.financial_years.size(); ++y) {
    const int fy = r.financial_years[y];
    const sim::Difference& teams = costs[y].teams;
    const sim::Difference& whole = costs[y].whole;
    auto with_ci = [](const sim::Difference& d) {
      return pounds(d.mean, true) + " (" + pounds(d.ci_low, true) + " to " + pounds(d.ci_high, true) + ")";
    };
    out << "| " << financial_year_label(fy) << " | " << r.months_in_year(y) << " | " << with_ci(teams) << " | "
        << with_ci(whole) << " | " << pounds(whole.base_mean) << " | " << pounds(whole.alt_mean) << " |\n";
  }
  const auto& mono = plan.search.monotonicity;
  out << "\n## How it was found\n\n";
  if (!plan.screening.evaluated.empty())
    out << plan.screening.evaluated.size() << " staffings screened on the first "
        << plan.request.screening_replications << " replications (" << plan.screening.rounds
        << " rounds of the team-by-team search), then ";
  out << plan.search.evaluated.size() << " staffings simulated on all " << options.replications << " replications ("
      << plan.search.rounds << " rounds of the team-by-team search"
      << (plan.screening.found ? ", from the screening's answer in steps of one post" : "")
      << "; every one in plan_search.csv), in " << summary_number(provenance.wall_seconds) << " s on "
      << provenance.threads
      << " threads. Each team's posts were searched in turn with the others held (steps down, then bisection), "
         "until a round changed nothing: no team can lose a post alone without a target failing, on all "
      << options.replications
      << " replications. Every candidate ran with the same seed and replication ids, so they differ only by the "
         "staffing.\n\n"
      << "Monotonicity (more posts never break a target) was checked, not assumed: of " << mono.comparable_pairs
      << " pairs of simulated staffings where one has at least the other's posts in every team, "
      << mono.target_losses.size() << " had the larger fail a target the smaller met, and " << mono.score_falls.size()
      << " had the larger's weakest share lower.";
  if (mono.target_losses.empty())
    out << " The answer with one more post in any team also met every target.\n\n";
  else
    out << " **Warning:** monotonicity failed, so the answer, which was simulated and meets the targets, may not be "
           "the smallest, and a staffing above it may miss a target in this sample: the targets sit at the edge of "
           "what " << options.replications << " replications can tell apart. Re-run with more --reps.\n\n";
  out << "The plan's scenario is `plan.yaml` (this scenario with the new establishment as dated changes): `caseflow "
         "run` it to see every output. Staff turnover draws are keyed by worker, in order of hiring, so they are "
         "paired only approximately between staffings; the children, their decisions and their durations are the "
         "same in every candidate.\n";
}

// The workbook's Summary: the answer, the targets' standing and the cost by financial year,
// plan.md's figures at full precision (money to the penny as the CSVs write it, shares as fractions).
xlsx::Sheet plan_summary_sheet(const sim::Scenario& scenario, const std::string& scenario_file,
                               const sim::StaffingPlan& plan, const sim::RunOptions& options) {
  using xlsx::Cell;
  using xlsx::Format;
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const auto& req = plan.request;
  xlsx::Sheet sheet{"Summary",
                    {{"item", Format::kText, 60},
                     {"value", Format::kNumber, 18},
                     {"ci95_low", Format::kNumber, 16},
                     {"ci95_high", Format::kNumber, 16},
                     {"unit", Format::kText, 14}},
                    {}};
  auto text = [](const std::string& t) { return Cell{t, Format::kText}; };
  auto add = [&](const std::string& item, Cell value, const std::string& unit = "") {
    sheet.rows.push_back({text(item), std::move(value), {}, {}, text(unit)});
  };
  auto count = [](double v) { return Cell{v, Format::kInteger}; };
  add("scenario", text(scenario.name + " (" + scenario_file + ")"));
  add("caseflow version", text(std::string(kVersion) + " (" + kGitRevision + ")"));
  add("seed", count(static_cast<double>(options.seed)));
  add("replications", count(options.replications));
  add("screening replications (0: none)", count(req.screening_replications));
  add("horizon", count(scenario.horizon_months), "months");
  add("targets hold from", Cell{calendar.month_start(plan.first_month), Format::kMonth});
  add("confidence (share of replications)", Cell{req.confidence, Format::kPercent});
  for (const auto& t : req.targets) add("target", text(t.text));
  if (!req.agency_share_path.empty()) add("agency share ceiling path (--agency-share)", text(sim::describe(req.agency_share_path)));
  add("recruitment must start by", Cell{plan.recruit_by, Format::kDate});
  add("permanent lead time used (P" + std::to_string(std::lround(100 * req.lead_time_quantile)) + ")",
      Cell{plan.lead_days, Format::kNumber}, "days");
  for (std::size_t i = 0; i < req.teams.size(); ++i) {
    const std::string team = team_name(req.teams[i]);
    add("posts in the scenario: " + team, count(plan.scenario_posts[i]), "posts");
    add("posts in the plan: " + team, count(plan.search.answer[i]), "posts");
  }
  for (const auto& st : plan.standing.standings) {
    const auto& t = req.targets[st.target];
    add("replications meeting " + t.text + " in " + target_group_label(plan.planned_runs, st, t) +
            " in its weakest month, " + month_label(calendar, st.worst_month),
        Cell{st.worst_share, Format::kPercent});
  }
  auto money = [](double v) {
    const std::string written = pennies(v);  // as the CSVs write it
    return written.empty() ? Cell{} : Cell{std::strtod(written.c_str(), nullptr), Format::kGbp};
  };
  const auto& r = plan.planned_runs;
  const std::vector<YearCost> costs = yearly_cost_differences(plan);
  for (std::size_t y = 0; y < costs.size(); ++y) {
    const std::string year =
        financial_year_label(r.financial_years[y]) + " (" + std::to_string(r.months_in_year(y)) + " months)";
    for (const auto& [what, d] : {std::pair{"planned teams' workforce cost", costs[y].teams},
                                  std::pair{"whole service total cost", costs[y].whole}})
      sheet.rows.push_back({text(std::string(what) + ", plan less scenario, " + year), money(d.mean), money(d.ci_low),
                            money(d.ci_high), text("GBP")});
  }
  return sheet;
}

}  // namespace

std::string unmet_targets_message(const sim::StaffingPlan& plan) {
  const engine::Calendar calendar(plan.planned.start_date, 5, plan.planned.horizon_months / 12 + 30);
  std::ostringstream msg;
  msg << "no staffing meets the targets: even with ";
  for (std::size_t i = 0; i < plan.request.teams.size(); ++i)
    msg << (i ? ", " : "") << plan.search.answer[i] << " posts in " << team_name(plan.request.teams[i]);
  msg << ",";
  for (const auto& s : plan.standing.standings)
    if (s.worst_share < plan.request.confidence - 1e-12) {
      const auto& t = plan.request.targets[s.target];
      msg << " --target '" << t.text << "' holds in " << percent(s.worst_share) << " of replications in "
          << month_label(calendar, s.worst_month) << " (" << target_group_label(plan.planned_runs, s, t) << ");";
    }
  msg << " the search stops at four times the largest planned establishment; a target that staffing cannot reach "
         "(timeliness the work's own duration rules out) needs another threshold or a lower --confidence";
  return msg.str();
}

void write_plan_outputs(const std::string& folder, const sim::Scenario& scenario, const std::string& scenario_file,
                        const sim::StaffingPlan& plan, const sim::RunOptions& options,
                        const PlanProvenance& provenance) {
  OutputDir dir(folder, provenance.foreign);
  const TextTable plan_rows = plan_table(scenario, plan), search_rows = search_table(plan, options);
  dir.write("plan.csv", [&](std::ostream& out) { write_csv(out, plan_rows); });
  dir.write("plan_search.csv", [&](std::ostream& out) { write_csv(out, search_rows); });
  dir.write("plan.md", [&](std::ostream& out) { write_plan_md(out, scenario, scenario_file, plan, options, provenance); });
  dir.write("plan.yaml", [&](std::ostream& out) { write_plan_yaml(out, scenario, scenario_file, folder, plan); });
  if (provenance.xlsx)
    dir.write("workbook.xlsx", [&](std::ostream& out) {
      xlsx::write_workbook(out, {plan_summary_sheet(scenario, scenario_file, plan, options), table_sheet("Plan", plan_rows),
                                 table_sheet("Search", search_rows), assumptions_sheet({{&scenario, scenario_file, ""}})});
    });
  dir.commit();
}

}  // namespace caseflow::io
