#include "sim/staffing_plan.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "sim/dated_change.h"
#include "sim/durations.h"
#include "sim/engine/calendar.h"
#include "sim/pooled_run.h"

namespace caseflow::sim {

namespace {

const Parameters& parameters_on(const Scenario& scenario, const engine::CivilDate& date) {
  const Parameters* p = &scenario.epochs.front().parameters;
  for (const auto& e : scenario.epochs)
    if (!(date < e.from)) p = &e.parameters;
  return *p;
}

engine::Calendar calendar_of(const Scenario& scenario) {
  return engine::Calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
}

// "TARGET in GROUP in YYYY-MM" (no commas: a CSV field): the check with the smallest share.
std::string weakest_check(const Scenario& scenario, const Replications& r, const PlanRequest& request,
                          const TargetsStanding& standing) {
  const TargetStanding* weakest = nullptr;
  for (const auto& s : standing.standings)
    if (!weakest || s.worst_share < weakest->worst_share) weakest = &s;
  if (!weakest) return "";
  const StaffingTarget& t = request.targets[weakest->target];
  return t.text + " in " + group_labels(info(t.metric).groups, r.stage_labels)[weakest->group] + " in " +
         engine::to_year_month(calendar_of(scenario).month_start(weakest->worst_month));
}

}  // namespace

std::vector<Team> case_holding_teams(const Scenario& scenario) {
  std::vector<Team> teams;
  const auto& params = scenario.epochs.front().parameters.workforce;
  for (std::size_t t = 0; t < kTeams; ++t)
    if (params.teams[t].cap_cases > 0) teams.push_back(static_cast<Team>(t));
  return teams;
}

engine::CivilDate horizon_end(const Scenario& scenario) {
  const engine::Calendar calendar = calendar_of(scenario);
  return engine::civil_from_days(engine::days_from_civil(calendar.month_start(scenario.horizon_months)) - 1);
}

int month_of(const Scenario& scenario, const engine::CivilDate& date) {
  if (date < scenario.start_date) return -1;
  const engine::Calendar calendar = calendar_of(scenario);
  for (int m = 0; m < scenario.horizon_months; ++m)
    if (date < calendar.month_start(m + 1)) return m;
  return -1;
}

double permanent_lead_days(const Scenario& scenario, const engine::CivilDate& date, double quantile) {
  const Distribution& lead = parameters_on(scenario, date).workforce.permanent_lead_time;
  const engine::Calendar calendar = calendar_of(scenario);
  return to_sim_days(lead.quantile(quantile), lead.unit, calendar, calendar.day_of(date));
}

engine::CivilDate earliest_from(const Scenario& scenario, double quantile) {
  const double lead = permanent_lead_days(scenario, scenario.start_date, quantile);
  const engine::CivilDate ready =
      engine::civil_from_days(engine::days_from_civil(scenario.start_date) + static_cast<int>(std::ceil(lead)));
  const engine::Calendar calendar = calendar_of(scenario);
  for (int m = 0;; ++m)
    if (!(calendar.month_start(m) < ready)) return calendar.month_start(m);
}

engine::CivilDate recruitment_start(const Scenario& scenario, const engine::CivilDate& from, double quantile) {
  const double lead = permanent_lead_days(scenario, from, quantile);
  const int latest = engine::days_from_civil(from) - static_cast<int>(std::ceil(lead));
  return engine::civil_from_days(latest - engine::weekday_of(latest));  // the Monday on or before
}

Staffing establishment_on(const Scenario& scenario, const std::vector<Team>& teams, const engine::CivilDate& date) {
  const auto& params = parameters_on(scenario, date).workforce;
  Staffing posts;
  for (Team t : teams) posts.push_back(static_cast<int>(std::lround(params.teams[index(t)].establishment_fte)));
  return posts;
}

Scenario with_establishment(const Scenario& scenario, const std::vector<Team>& teams, const Staffing& posts,
                            const engine::CivilDate& effective) {
  if (teams.size() != posts.size()) throw std::logic_error("with_establishment: one level per team");
  Scenario planned = scenario;
  planned.name = scenario.name + "-planned";
  set_from(planned, effective, [&](Parameters& p) {
    for (std::size_t i = 0; i < teams.size(); ++i) p.workforce.teams[index(teams[i])].establishment_fte = posts[i];
  });
  return planned;
}

std::uint32_t default_screening_replications(std::uint32_t replications) {
  const std::uint32_t quarter = replications / 4;
  return quarter >= 50 ? quarter : 0;
}

StaffingPlan plan_staffing(const Scenario& scenario, const PlanRequest& request, const RunOptions& options,
                           const StaffingSearchLimits& limits, const std::function<void()>& replication_done) {
  return plan_staffing(scenario, {}, request, options, limits, replication_done);
}

StaffingPlan plan_staffing(const Scenario& scenario, const std::vector<Scenario>& draws, const PlanRequest& request,
                           const RunOptions& options, const StaffingSearchLimits& limits,
                           const std::function<void()>& replication_done) {
  StaffingPlan plan;
  plan.request = request;
  // What the candidates vary: the scenario under the agency path, if one is given.
  const Scenario base = with_agency_share_path(scenario, request.agency_share_path);
  // A staffing's replications: the scenario that `make` makes of the scenario, or with
  // parameter draws of each draw, pooled (sim/pooled_run.h).
  const auto simulate = [&](const std::function<Scenario(const Scenario&)>& make, const RunOptions& run_options) {
    if (draws.empty()) return simulate_replications(make(scenario), run_options, replication_done);
    std::vector<Scenario> versions;
    for (const Scenario& draw : draws) versions.push_back(make(draw));
    return simulate_pooled(versions, run_options, 0, replication_done);
  };
  const auto with_posts = [&](const Staffing& posts) {
    return [&, posts](const Scenario& s) {
      return with_establishment(with_agency_share_path(s, request.agency_share_path), request.teams, posts, plan.effective);
    };
  };
  const auto as_it_is = [](const Scenario& s) { return s; };
  plan.first_month = month_of(scenario, request.from);
  if (plan.first_month < 0) throw std::invalid_argument("plan_staffing: `from` is outside the horizon");
  plan.lead_days = permanent_lead_days(scenario, request.from, request.lead_time_quantile);
  plan.recruit_by = recruitment_start(scenario, request.from, request.lead_time_quantile);
  plan.effective = plan.recruit_by < scenario.start_date ? scenario.start_date : plan.recruit_by;
  plan.scenario_posts = establishment_on(scenario, request.teams, plan.effective);

  // A ceiling on the way up, so targets no staffing meets end the search in a dozen steps.
  StaffingSearchLimits bounded = limits;
  const int largest = *std::max_element(plan.scenario_posts.begin(), plan.scenario_posts.end());
  bounded.max_posts = std::min(limits.max_posts, std::max(50, 4 * largest));

  // The last candidate that met the targets keeps its replications: the search's answer is
  // the last one it accepted, so it rarely needs simulating again. So does the ceiling when it
  // fails them: then no staffing meets them, the ceiling is the answer, and its standing says
  // which target fails.
  Staffing kept_staffing, ceiling_staffing;
  std::unique_ptr<Replications> kept, answer_runs, ceiling_runs;
  Staffing answer_staffing;
  const auto on_answer = [&](const Staffing& answer) {
    if (kept && kept_staffing == answer) {
      answer_runs = std::move(kept);
      answer_staffing = answer;
    }
  };
  // Evaluates on the given replications; `keep`: the full runs, whose last met candidate is kept.
  const auto evaluator = [&](const RunOptions& run_options, bool keep) -> StaffingEvaluator {
    return [&, run_options, keep](const Staffing& posts) {
      auto runs = std::make_unique<Replications>(simulate(with_posts(posts), run_options));
      const TargetsStanding standing =
          stand_against_targets(*runs, request.targets, request.teams, plan.first_month, request.confidence);
      StaffingEvaluation evaluation{standing.meets, standing.score, weakest_check(scenario, *runs, request, standing)};
      if (keep && standing.meets) {
        kept_staffing = posts;
        kept = std::move(runs);
      } else if (keep && std::all_of(posts.begin(), posts.end(), [&](int p) { return p >= bounded.max_posts; })) {
        ceiling_staffing = posts;
        ceiling_runs = std::move(runs);
      }
      return evaluation;
    };
  };
  Staffing start = plan.scenario_posts;
  // Screening runs on fewer replications; with draws, only when every draw has one of them.
  if (request.screening_replications > 0 && request.screening_replications < options.replications &&
      draws.size() <= request.screening_replications) {
    RunOptions screening_options = options;
    screening_options.replications = request.screening_replications;
    StaffingSearchLimits screening_limits = bounded;
    screening_limits.check_upper_neighbours = false;  // checked on every replication
    plan.screening = find_smallest_staffing(start, evaluator(screening_options, false), screening_limits);
    // Not found: the answer is the ceiling, which the full search then tries first, so that
    // "no staffing meets" is said of every replication too.
    start = plan.screening.answer;
    bounded.start_is_near = plan.screening.found;
  }
  plan.search = find_smallest_staffing(start, evaluator(options, true), bounded, on_answer);

  plan.planned = with_establishment(base, request.teams, plan.search.answer, plan.effective);
  kept.reset();
  if (!plan.search.found) {  // the ceiling, for the message that says which target fails
    plan.planned_runs = ceiling_runs && ceiling_staffing == plan.search.answer
                            ? std::move(*ceiling_runs)
                            : simulate(with_posts(plan.search.answer), options);
    plan.standing =
        stand_against_targets(plan.planned_runs, request.targets, request.teams, plan.first_month, request.confidence);
    return plan;
  }
  ceiling_runs.reset();  // an upper neighbour's, checked after the answer: not needed
  if (answer_runs && answer_staffing == plan.search.answer)
    plan.planned_runs = std::move(*answer_runs);
  else
    plan.planned_runs = simulate(with_posts(plan.search.answer), options);
  answer_runs.reset();
  plan.standing =
      stand_against_targets(plan.planned_runs, request.targets, request.teams, plan.first_month, request.confidence);
  plan.scenario_runs = simulate(as_it_is, options);
  return plan;
}

}  // namespace caseflow::sim
