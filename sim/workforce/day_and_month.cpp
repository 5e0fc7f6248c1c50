// The workforce's day and month: sickness and workload on each day, the ASYE intake, the
// weekly staffing review, daily staff costs, and the month-end staffing, caseload and cost
// figures.
#include <algorithm>
#include <cmath>

#include "sim/durations.h"
#include "sim/workforce/workforce.h"

namespace caseflow::sim {

namespace {
double pct(double num, double den) { return den > 0 ? 100.0 * num / den : std::nan(""); }
}  // namespace

void Workforce::begin_day(const engine::CivilDate& date, bool monday, double now) {
  const auto& wf = *params_;
  double sickness = wf.sickness_share_by_month[static_cast<std::size_t>(date.month - 1)];
  for (const auto& shock : wf.sickness_shocks)
    if (shock.covers(date)) sickness *= shock.multiplier[0];
  set_sickness_share(std::min(sickness, 0.95));
  double workload = 1.0;
  for (const auto& shock : wf.workload_shocks)
    if (shock.covers(date)) workload *= shock.multiplier[0];
  workload_multiplier_ = workload;

  if (date.day == 1 && date.month == wf.asye_intake_month && now > 0) asye_intake(now);
  if (monday) weekly_review(now);
}

void Workforce::accrue_daily_costs() {
  // Staff by type, and team managers at the span of control.
  const auto& wf = *params_;
  for (std::size_t t = 0; t < kTeams; ++t) {
    int in_post = 0;
    for (std::size_t k = 0; k < kStaffTypes; ++k) {
      const int n = headcount_[t][k];
      in_post += n;
      const double cost = n * wf.staff[k].cost_gbp_per_year / kDaysPerYear;
      (k == index(StaffType::kAgency) ? agency_cost_ : k == index(StaffType::kAsye) ? asye_cost_ : permanent_cost_)[t] += cost;
    }
    manager_cost_[t] += std::ceil(in_post / wf.manager_span) * wf.manager_cost_gbp_per_year / kDaysPerYear;
  }
}

void Workforce::close_month(Recorder& r, double now) {
  const auto& wf = *params_;
  // Whole-service ratios for the "all" group, over the case-holding teams.
  double all_in_post = 0, all_agency = 0, all_cases = 0, all_holding = 0, all_full = 0, all_over_pace = 0,
         all_wait = 0, all_allocated = 0;
  for (std::size_t t = 0; t < kTeams; ++t) {
    const Team team = static_cast<Team>(t);
    double in_post = 0, permanent = 0, agency = 0, asye = 0, cases = 0, full = 0, over_pace = 0;
    for (std::uint32_t id : members_[t]) {
      const Worker& w = workers_[id];
      in_post += 1;
      (w.type == StaffType::kAgency ? agency : w.type == StaffType::kAsye ? asye : permanent) += 1;
      cases += static_cast<double>(w.cases.size());
      if (w.load + 1.0 > cap_of(w, now) + 1e-9) full += 1;
      if (w.load > pace_cases_of(w) + 1e-9) over_pace += 1;
    }
    const int team_posts = posts(team);
    r.set(Metric::kFteInPost, t, in_post);
    r.set(Metric::kFtePermanent, t, permanent);
    r.set(Metric::kFteAgency, t, agency);
    r.set(Metric::kFteAsye, t, asye);
    r.set(Metric::kVacanciesFte, t, std::max(0.0, team_posts - in_post));
    r.set(Metric::kAgencyPct, t, pct(agency, in_post));
    const bool holds_cases = team != Team::kFrontDoor;
    r.set(Metric::kCaseloadPerFte, t, holds_cases && in_post > 0 ? cases / in_post : std::nan(""));
    r.set(Metric::kCaseloadOverCapPct, t, holds_cases ? pct(full, in_post) : std::nan(""));
    r.set(Metric::kCaseloadOverPacePct, t, holds_cases ? pct(over_pace, in_post) : std::nan(""));
    r.set(Metric::kUnallocated, t, static_cast<double>(waiting_count_[t]));
    TeamTally& tally = tally_[t];
    all_in_post += in_post;
    all_agency += agency;
    all_wait += tally.wait_days;
    all_allocated += tally.allocated;
    if (holds_cases) {
      all_cases += cases;
      all_holding += in_post;
      all_full += full;
      all_over_pace += over_pace;
    }
    r.set(Metric::kWaitToAllocationDays, t, tally.allocated > 0 ? tally.wait_days / tally.allocated : std::nan(""));
    r.set(Metric::kStartersFte, t, tally.starters);
    r.set(Metric::kLeaversFte, t, tally.leavers);
    r.set(Metric::kWorkerChanges, t, tally.worker_changes);
    r.set(Metric::kManagersFte, t, std::ceil(in_post / wf.manager_span));
    r.set(Metric::kPermanentCostGbp, t, permanent_cost_[t]);
    r.set(Metric::kAsyeCostGbp, t, asye_cost_[t]);
    r.set(Metric::kAgencyCostGbp, t, agency_cost_[t]);
    r.set(Metric::kManagerCostGbp, t, manager_cost_[t]);
    r.set(Metric::kRecruitmentCostGbp, t, tally.recruitment_gbp);
    tally = TeamTally{};
  }
  r.set(Metric::kAgencyPct, kTeams, pct(all_agency, all_in_post));
  r.set(Metric::kCaseloadPerFte, kTeams, all_holding > 0 ? all_cases / all_holding : std::nan(""));
  r.set(Metric::kCaseloadOverCapPct, kTeams, pct(all_full, all_holding));
  r.set(Metric::kCaseloadOverPacePct, kTeams, pct(all_over_pace, all_holding));
  r.set(Metric::kWaitToAllocationDays, kTeams, all_allocated > 0 ? all_wait / all_allocated : std::nan(""));
  permanent_cost_.fill(0);
  asye_cost_.fill(0);
  agency_cost_.fill(0);
  manager_cost_.fill(0);
}

}  // namespace caseflow::sim
