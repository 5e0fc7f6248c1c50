#pragma once
// A baseline-like scenario built in C++ for the sim tests: sim_tests links caseflow_sim only
// (no YAML reader), so this transcribes the numbers of scenarios/baseline.yaml that matter.
// Fields left out keep their defaults from sim/scenario.h.
#include "sim/scenario.h"

namespace caseflow::sim::testing {

inline Distribution lognormal(double median, double p90, TimeUnit unit) {
  Distribution d;
  d.kind = Distribution::Kind::kLognormal;
  d.unit = unit;
  d.value = median;
  d.p90 = p90;
  return d;
}

inline Parameters baseline_parameters() {
  Parameters p;
  auto& d = p.demand;
  d.contacts_per_month = {385, 187, 154, 145, 84, 165};
  d.monthly_profile = {1.02, 1.03, 1.08, 0.95, 1.02, 1.06, 1.04, 0.80, 1.00, 1.08, 1.07, 0.85};
  d.schools_monthly_profile = {1.00, 1.10, 1.20, 0.80, 1.10, 1.15, 1.30, 0.25, 0.95, 1.15, 1.15, 0.85};
  d.weekday_profile = {1.05, 1.0, 1.0, 1.0, 0.95};
  d.overdispersion_cv = 0.1;
  d.uasc_per_year = 39;

  p.front_door = {0.33, 0.39, 0.28, 7.5, 1};

  auto& r = p.referral;
  r.nfa_prob = 0.065;
  r.strategy_discussion_prob = 0.42;
  r.strategy_delay = lognormal(1, 3, TimeUnit::kWorkingDays);
  r.s47_prob = 0.867;
  r.s47_duration = lognormal(10, 20, TimeUnit::kWorkingDays);
  r.icpc_prob = 0.313;
  r.icpc_delay = lognormal(11, 18, TimeUnit::kWorkingDays);
  r.cp_plan_prob = 0.858;
  r.icpc_target_wd = 15;
  r.repeat_harm_multiplier = 1.5;

  p.assessment.duration = lognormal(25, 55, TimeUnit::kWorkingDays);
  p.assessment.target_wd = 45;
  p.assessment.outcomes = {0.38, 0.355, 0.25, 0.015};

  p.cin.duration = lognormal(150, 400, TimeUnit::kDays);
  p.cin.close = 0.55, p.cin.step_down = 0.25, p.cin.step_up_cp = 0.15, p.cin.care = 0.05;

  p.cp.duration.kind = Distribution::Kind::kEmpirical;
  p.cp.duration.unit = TimeUnit::kDays;
  p.cp.duration.upper = {91, 183, 365, 730, 1095};
  p.cp.duration.probs = {0.159, 0.110, 0.435, 0.252, 0.044};
  p.cp.step_down_cin = 0.55, p.cp.close = 0.30, p.cp.pre_proceedings = 0.12, p.cp.care = 0.03;

  p.pre_proceedings.duration = lognormal(13, 20, TimeUnit::kWeeks);
  p.proceedings.duration = lognormal(40, 60, TimeUnit::kWeeks);

  auto& c = p.care;
  c.placement_shares = {0.3167, 0.2589, 0.1268, 0.1373, 0.0639, 0.0964};
  c.uasc_placement_shares = {0.1, 0.2, 0.0, 0.1, 0.0, 0.6};
  c.placement_moves_per_year = 0.53;
  c.exit_home = 0.378, c.exit_sgo = 0.232, c.exit_adoption = 0.136, c.exit_other = 0.254;
  c.duration_home = lognormal(6, 24, TimeUnit::kMonths);
  c.duration_sgo = lognormal(15, 36, TimeUnit::kMonths);
  c.duration_adoption = lognormal(24, 42, TimeUnit::kMonths);
  c.duration_other = lognormal(12, 36, TimeUnit::kMonths);

  p.returns.delay = lognormal(120, 365, TimeUnit::kDays);

  auto& w = p.workforce;
  const double establishment[kTeams] = {10, 31, 63, 29, 14};
  const double cap[kTeams] = {18, 24, 24, 20, 28}, pace[kTeams] = {18, 18, 18, 15, 22},
               asye[kTeams] = {12, 12, 12, 12, 16};
  for (std::size_t t = 0; t < kTeams; ++t)
    w.teams[t] = {establishment[t], cap[t], pace[t], asye[t], 0.05};
  w.staff[index(StaffType::kPermanent)] = {0.15, 54600, 4, 0.5};
  w.staff[index(StaffType::kAgency)] = {0.5, 82250, 2, 0.75};
  w.staff[index(StaffType::kAsye)] = {0.15, 43500, 4, 0.5};
  w.agency_target_share = 0.30;
  w.initial_agency_share = 0.30;
  w.permanent_lead_time = lognormal(97, 150, TimeUnit::kDays);
  w.agency_lead_time = lognormal(26, 45, TimeUnit::kDays);
  w.agency_notice_days = 28;
  w.sickness_share_by_month = {0.045, 0.045, 0.040, 0.035, 0.030, 0.030, 0.030, 0.030, 0.035, 0.035, 0.040, 0.045};
  w.weight_s47 = 1.2, w.weight_cin = 0.8, w.weight_cp = 1.2, w.weight_proceedings = 1.5;

  p.costs.placement_gbp_per_week = {600, 1000, 350, 7385, 0, 1800};
  return p;
}

inline Scenario baseline_scenario(int horizon_months) {
  Scenario s;
  s.name = "baseline (tests)";
  s.start_date = {2019, 4, 1};
  s.horizon_months = horizon_months;
  s.seed = 20190401;
  s.replications = 4;
  s.initial.assessments = 565;
  s.initial.cin_plans = 705;
  s.initial.cp_plans = 432;
  s.initial.pre_proceedings = 19;
  s.initial.proceedings = 65;
  s.initial.cla = 440;
  s.initial.care_leavers = 312;
  s.initial.cla_age.probs = {0.044, 0.123, 0.185, 0.378, 0.270};
  s.epochs.push_back({s.start_date, baseline_parameters()});
  return s;
}

}  // namespace caseflow::sim::testing
