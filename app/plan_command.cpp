// `caseflow plan SCENARIO --target 'METRIC<=X' ...`: the smallest establishment per team that
// meets every target in every month from a date, in at least the confidence share of
// replications, found by simulating candidate staffings with the one runner and common random
// numbers (sim/staffing_plan.h), and written as plan.csv, plan.md and a scenario to re-run.
#include <chrono>
#include <iostream>
#include <set>
#include <sstream>

#include "app/commands.h"
#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "app/report_file.h"
#include "app/simulation_options.h"
#include "io/edit_distance.h"
#include "io/output_dir.h"
#include "io/plan_outputs.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/engine/civil_date.h"
#include "sim/staffing_plan.h"

namespace caseflow::app {

namespace {

std::string quoted(const std::string& option, const std::string& value) { return option + " '" + value + "'"; }

sim::StaffingTarget parse_target(const std::string& text) {
  const sim::ParsedTarget parsed = sim::parse_staffing_target(text);
  if (parsed.target) return *parsed.target;
  std::string message = quoted("--target", text) + ": " + parsed.error;
  if (!parsed.metric_name.empty()) {
    std::string best;
    std::size_t best_distance = 4;  // suggest only a near miss
    for (const auto& m : sim::metric_catalogue()) {
      const std::size_t d = io::edit_distance(parsed.metric_name, m.name);
      const bool prefix = std::string(m.name).rfind(parsed.metric_name, 0) == 0;
      if (d < best_distance || (prefix && best.empty())) {
        best = m.name;
        best_distance = std::min(d, best_distance);
      }
    }
    message += best.empty() ? "" : " (did you mean " + best + "?)";
    message += "; `caseflow metrics` lists every metric";
  }
  throw io::UserError(message);
}

std::vector<sim::Team> parse_teams(const std::vector<std::string>& names, const sim::Scenario& scenario,
                                   const std::string& file) {
  const std::vector<sim::Team> holding = sim::case_holding_teams(scenario);
  std::string holding_names;
  for (sim::Team t : holding) holding_names += (holding_names.empty() ? "" : ", ") + std::string(sim::team_names()[index(t)]);
  if (names.empty()) return holding;
  std::vector<sim::Team> teams;
  for (const std::string& name : names) {
    const auto& all = sim::team_names();
    const auto it = std::find_if(all.begin(), all.end(), [&](const char* n) { return name == n; });
    if (it == all.end())
      throw io::UserError(quoted("--team", name) + ": no such team; the case-holding teams are " + holding_names);
    const auto team = static_cast<sim::Team>(it - all.begin());
    if (std::find(holding.begin(), holding.end(), team) == holding.end())
      throw io::UserError(quoted("--team", name) + ": the team holds no cases in " + file +
                          " (no caseload cap), so caseload targets cannot apply to it; plan one of " + holding_names);
    if (std::find(teams.begin(), teams.end(), team) != teams.end())
      throw io::UserError(quoted("--team", name) + ": named twice");
    teams.push_back(team);
  }
  return teams;
}

sim::AgencySharePath parse_agency_share(const std::string& text, const sim::Scenario& scenario,
                                        const std::string& file) {
  if (text.empty()) return {};
  const sim::ParsedAgencySharePath parsed = sim::parse_agency_share_path(text);
  if (!parsed.path) throw io::UserError(quoted("--agency-share", text) + ": " + parsed.error);
  for (const auto& step : *parsed.path)
    if (sim::month_of(scenario, step.from) < 0)
      throw io::UserError(quoted("--agency-share", text) + ": " + engine::to_iso(step.from) + " is outside the horizon of " +
                          file + " (" + engine::to_iso(scenario.start_date) + " to " +
                          engine::to_iso(sim::horizon_end(scenario)) + ")");
  return *parsed.path;
}

}  // namespace

void add_plan_command(CLI::App& app) {
  struct Options : SimulationOptions {
    std::string scenario;
    std::vector<std::string> targets, teams;
    double confidence = 0.8;
    std::string from;
    std::string agency_share;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "plan",
      "The smallest establishment per team that meets every --target in every month from --from, in at least the "
      "--confidence share of replications; writes plan.csv, plan.md and plan.yaml (the scenario with the plan)");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--target", o->targets,
                  "METRIC<=X, >=, < or > (a metric of `caseflow metrics`), per planned team where the metric has "
                  "team groups, else for the whole service; repeat for several")
      ->required();
  cmd->add_option("--team", o->teams, "A team to plan (repeatable; default: every case-holding team)");
  cmd->add_option("--confidence", o->confidence,
                  "Share of replications that must meet each target in each month (0 < c <= 1; default 0.8)");
  cmd->add_option("--from", o->from,
                  "YYYY-MM-DD: the targets hold from the month holding this date (default: the first month new "
                  "staff recruited at the start can be in post, at the P90 lead time)");
  cmd->add_option("--agency-share", o->agency_share,
                  "DATE:PERCENT[,DATE:PERCENT...]: plan under this agency share ceiling from each date (e.g. "
                  "2020-04-01:25,2020-09-01:20); costs stay against the scenario as it is");
  add_simulation_options(*cmd, *o, "the scenario's", "out/<scenario name>-plan");
  cmd->remove_option(cmd->get_option("--per-replication"));
  cmd->callback([o] {
    // Every argument is checked before anything runs.
    std::vector<sim::StaffingTarget> targets;
    for (const auto& text : o->targets) targets.push_back(parse_target(text));
    if (!(o->confidence > 0.0 && o->confidence <= 1.0))
      throw io::UserError(quoted("--confidence", (std::ostringstream() << o->confidence).str()) +
                          ": must be above 0 and at most 1 (the share of replications meeting each target)");
    io::LoadedScenario loaded = io::load_scenario_and_draws(o->scenario);
    apply_horizon(*o, loaded);
    const sim::Scenario& scenario = loaded.scenario;
    sim::PlanRequest request;
    request.targets = targets;
    request.teams = parse_teams(o->teams, scenario, o->scenario);
    request.confidence = o->confidence;
    request.agency_share_path = parse_agency_share(o->agency_share, scenario, o->scenario);
    if (o->from.empty()) {
      request.from = sim::earliest_from(scenario, request.lead_time_quantile);
      if (sim::month_of(scenario, request.from) < 0) request.from = scenario.start_date;
    } else {
      const auto date = engine::parse_iso_date(o->from);
      if (!date) throw io::UserError(quoted("--from", o->from) + ": not a date (YYYY-MM-DD)");
      request.from = *date;
    }
    if (sim::month_of(scenario, request.from) < 0) {
      const engine::CivilDate end = sim::horizon_end(scenario);
      throw io::UserError(quoted("--from", o->from) + ": outside the horizon of " + o->scenario + " (" +
                          engine::to_iso(scenario.start_date) + " to " + engine::to_iso(end) + ")");
    }
    const sim::RunOptions options = o->run_options(scenario);
    check_draws_fit(loaded, o->scenario, options.replications);
    request.screening_replications = sim::default_screening_replications(options.replications);
    const std::string out = o->out.empty() ? io::default_output_folder(scenario.name + "-plan") : o->out;
    io::check_output_folder(out, o->foreign());  // before the simulations run, not after
    check_memory(scenario, options, o->max_memory, 3);  // the search holds the scenario's, the best and a candidate's runs

    const auto t0 = std::chrono::steady_clock::now();
    ProgressLine progress(0, ProgressLine::shown_on_stderr(o->quiet), std::cerr);  // the search's length is not known
    const sim::StaffingPlan plan = sim::plan_staffing(scenario, loaded.draws, request, options, {}, progress.callback());
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!plan.search.found) throw io::UserError(io::unmet_targets_message(plan));
    io::write_plan_outputs(out, scenario, o->scenario, plan, options, {seconds, o->threads_used(), o->foreign(), o->xlsx});
    if (o->report) add_report_to_output_set(out);
    std::cout << "caseflow: planned '" << scenario.name << "': ";
    if (!loaded.draws.empty()) std::cout << "over " << counted(loaded.draws.size(), "parameter draw") << ", ";
    if (!plan.screening.evaluated.empty())
      std::cout << plan.screening.evaluated.size() << " staffings screened on " << request.screening_replications
                << " replications, then ";
    std::cout << plan.search.evaluated.size() << " staffings simulated on " << options.replications
              << " replications (" << scenario.horizon_months << " months each) in " << seconds << " s; outputs in " << out
              << " (plan.md first)\n";
  });
}

}  // namespace caseflow::app
