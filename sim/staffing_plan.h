#pragma once
// `caseflow plan`: the smallest establishment per team that meets targets, found by simulating
// candidate staffings with the one runner (sim/runner.h) and the coordinate search
// (sim/staffing_search.h).
//
// What a candidate is. The planned teams' establishment is set to the candidate's posts from
// the recruitment date on: the latest date recruitment can start for a new starter to be in
// post by the date the targets must hold (`from`), taking the given quantile of the
// scenario's permanent lead time (advert to start, one campaign). Before it the scenario runs
// as it is; from it the model recruits to the new establishment as it recruits to any
// vacancy (agency cover up to the agency share, permanent campaigns that may fail and run
// again), so the plan pays for the real delays and the search needs enough posts for the
// targets to hold from `from` despite them. A recruitment date before the start is clamped to
// the start (the new establishment is then the warm start's, filled as the scenario's is).
//
// Screening. With screening replications set, the search first runs on that many (the first
// replication ids, so the same children as the full runs), and a second search on every
// replication starts from its answer with one-post steps: usually it only confirms the
// answer, simulates each team one post lower (which must fail) and one post higher (the
// monotonicity check). The answer is always one simulated on every replication that met the
// targets there; the screening only decides where the full search starts.
//
// Common random numbers: every candidate runs with the same seed and replication ids, so the
// same children arrive with the same decisions in every candidate (sim/keys.h). Staff draws
// are keyed by worker serial, given in order of hiring across teams: a staffing change shifts
// the serials of staff hired after it, so staff turnover is paired only approximately between
// candidates. That is why monotonicity is checked, not assumed.
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/agency_share_path.h"
#include "sim/engine/civil_date.h"
#include "sim/replications.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/staffing_search.h"
#include "sim/staffing_targets.h"

namespace caseflow::sim {

struct PlanRequest {
  std::vector<StaffingTarget> targets;
  std::vector<Team> teams;       // the teams whose establishment is planned, in search order
  engine::CivilDate from;        // the targets hold in every month from the one holding this date
  double confidence = 0.8;       // share of replications that must meet each target each month
  double lead_time_quantile = 0.9;
  std::uint32_t screening_replications = 0;  // 0: every candidate on every replication
  // An agency share ceiling path every candidate runs under (sim/agency_share_path.h); the
  // plan's costs stay against the scenario as it is. Empty: the scenario's own ceiling.
  AgencySharePath agency_share_path;
};

// The screening replications `caseflow plan` uses: a quarter of them when that is at least 50
// (below 50 a share of 0.8 is known to +-0.06 or worse, too coarse to place the full search
// near its answer), else none.
std::uint32_t default_screening_replications(std::uint32_t replications);

// The teams that hold cases (a caseload cap above zero at the start): the default plan.
std::vector<Team> case_holding_teams(const Scenario& scenario);
// The last day of the horizon.
engine::CivilDate horizon_end(const Scenario& scenario);
// Index of the month holding `date` (-1 when it is outside the horizon).
int month_of(const Scenario& scenario, const engine::CivilDate& date);
// The scenario's permanent lead time at `quantile`, in days, as in force at `date`.
double permanent_lead_days(const Scenario& scenario, const engine::CivilDate& date, double quantile);
// The first month start at or after start + the lead time: the earliest month new staff
// recruited from the start can be in post by (the default `from`).
engine::CivilDate earliest_from(const Scenario& scenario, double quantile);
// The latest date recruitment can start for `from` (may be before the scenario's start): the
// Monday on or before `from` less the lead time. A Monday, because the model's managers review
// their posts every Monday and also whenever a dated period starts: a period starting on a
// Monday adds no review, so a candidate with the scenario's own establishment is the scenario,
// value for value (tests/sim/staffing_plan_test.cpp), and every difference is the staffing's.
engine::CivilDate recruitment_start(const Scenario& scenario, const engine::CivilDate& from, double quantile);

// The planned teams' establishment in force on `date` (whole posts).
Staffing establishment_on(const Scenario& scenario, const std::vector<Team>& teams, const engine::CivilDate& date);
// The scenario with the teams' establishment set to `posts` from `effective` on (every dated
// period from then; a period starting there is added when none does), named NAME-planned.
Scenario with_establishment(const Scenario& scenario, const std::vector<Team>& teams, const Staffing& posts,
                            const engine::CivilDate& effective);

struct StaffingPlan {
  PlanRequest request;
  int first_month = 0;            // of the months the targets are checked in
  engine::CivilDate recruit_by;   // latest date recruitment must start (may precede the start)
  engine::CivilDate effective;    // when the planned establishment takes effect (recruit_by, or the start)
  double lead_days = 0;           // the lead time quantile used
  Staffing scenario_posts;        // the scenario's establishment at `effective`
  StaffingSearchResult screening;  // on request.screening_replications (empty without screening)
  StaffingSearchResult search;     // on every replication: the answer
  TargetsStanding standing;       // of the answer (or of the largest staffing tried)
  Scenario planned;               // the scenario with the answer (and the agency share path)
  Replications planned_runs;      // the answer, simulated
  Replications scenario_runs;     // the scenario as it is, same options (common random numbers)
};

// `replication_done` is called after every replication of every staffing simulated (progress).
StaffingPlan plan_staffing(const Scenario& scenario, const PlanRequest& request, const RunOptions& options,
                           const StaffingSearchLimits& limits = {}, const std::function<void()>& replication_done = {});
// With the scenario's parameter draws (io::LoadedScenario's; empty: none): every staffing is
// simulated over them, each candidate made of each draw as of the scenario, the replications
// shared among the draws (sim/pooled_run.h). Screening is skipped when it would have fewer
// replications than draws. `plan.planned` is the scenario's own, with the answer.
StaffingPlan plan_staffing(const Scenario& scenario, const std::vector<Scenario>& draws, const PlanRequest& request,
                           const RunOptions& options, const StaffingSearchLimits& limits = {},
                           const std::function<void()>& replication_done = {});

}  // namespace caseflow::sim
