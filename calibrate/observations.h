#pragma once
// What a council's returns show about its journey, as counts and spells, read from the
// merged History up to the as-of date: the raw material of every estimate (estimates.h).
//
// The returns see some stages and not others. Visible: referrals (with NFA), assessments,
// s47 enquiries and ICPCs, CIN plans, CP plans (CIN census) and periods of care (SSDA903).
// Invisible: PLO pre-proceedings and care proceedings, which no return records; a case that
// leaves a visible stage without a visible next step while its referral stays open has gone
// into them (docs/calibration.md, "Reading the journey from the returns").
//
// What followed the end of a stage is read from the same referral (and the child's care
// episodes) within kLinkDays of that end: real exports put a plan's end and the next step a
// few days apart where caseflow's synthetic returns put them on the same day.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "calibrate/kaplan_meier.h"
#include "io/returns/history.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

inline constexpr int kLinkDays = 7;
// The shortest gap after an assessment that is read as care proceedings when nothing else
// explains it (assumption: proceedings take months; the default's median is 40 weeks and
// hardly any end within 8).
inline constexpr int kCourtMinDays = 56;

// Counts by outcome name, in the scenario's outcome names (cin_plan.outcomes ...).
using OutcomeCounts = std::map<std::string, long long>;

struct Observations {
  returns::Day first_day = 0;  // the window: referrals and spells starting from here ...
  returns::Day as_of = 0;      // ... up to here; spells still open here are censored
  int months = 0;              // whole calendar months in the window

  // Demand: referrals in the window by model source; and first referrals, those of children
  // with no earlier referral in the returns (the model makes the returns of closed cases
  // itself), counted over the window's last `first_referral_months` months, where the most
  // years of earlier returns can be seen. (A gap of two years instead counted 4% more first
  // contacts than the scenario that wrote the demo council has.)
  sim::PerSource referrals_by_source{}, first_referrals_by_source{};
  int first_referral_months = 0;
  std::array<long long, 12> referrals_by_calendar_month{};  // January = 0
  std::vector<double> referrals_by_month;  // each whole month of the window, from first_month
  std::vector<double> schools_referrals_by_month;  // the same, of referrals from schools
  // The same of first referrals (no earlier referral of the child in the returns), all and
  // from schools: the shape of first contacts' season, which the model's returning children
  // do not follow (their sources follow the day's mix). Early in the window a few children
  // referred before the returns began count as first.
  std::vector<double> first_referrals_by_month, schools_first_referrals_by_month;
  int first_month_year = 0, first_month = 0;  // the window's first whole month (1 = January)
  std::array<int, 12> calendar_months_seen{};
  long long referrals = 0, referrals_nfa = 0;
  long long referrals_with_s47 = 0;  // an s47 enquiry before any plan on the referral
  long long s47s = 0, icpcs = 0, icpc_not_required = 0, cp_plans_after_icpc = 0;
  long long uasc_care_starts = 0;
  std::vector<double> referral_age_years;   // age at each referral
  std::vector<double> cla_age_years_at_as_of;

  // Returns: closures in the window with 12 months to see, and those re-referred within 12.
  long long closures_followed = 0, re_referred_within_12m = 0;

  // Spells: lengths in the stage's unit, censored at the as-of date.
  std::vector<Spell> assessment_wd, icpc_delay_wd, cin_plan_days, cp_plan_days, legal_days;
  OutcomeCounts assessment_outcomes, cin_plan_outcomes, cp_plan_outcomes;
  long long assessments_in_need_unknown = 0;  // closed after assessment before RC9 existed: nfa or early help unknown
  long long early_help_closures = 0, not_in_need_closures = 0;  // RC9 and RC8 in years with both codes

  // Care: periods of care (episodes joined), their exit route before 18 and their length in
  // days, censored at the as-of date and at the 18th birthday (ageing out ends care in the model).
  struct CarePeriod {
    Spell spell;
    std::string exit;  // home, sgo, adoption, other; "" when not ended before 18
    bool uasc = false; // the model keeps UASC in care to 18: they tell nothing of the routes
    double age_years = -1;  // age on entering care; -1 without a date of birth
    int placement = -1;     // its first placement (sim::Placement); -1 of a type the model has not
  };
  std::vector<CarePeriod> care_periods;
  sim::PerPlacement care_starts_by_placement{};
  long long care_starts_unmapped_placement = 0;
  double care_years = 0;     // years looked after in the window
  long long placement_moves = 0;
  // The same years and moves by period of care, UASC included, with the age on entering care
  // (-1 without a date of birth): placement moves by age at entry.
  struct CareExposure {
    double age_years = -1;
    double years = 0;
    long long moves = 0;
  };
  std::vector<CareExposure> care_exposures;
  // Young people who became care leavers in the window (left care at 18 or later, supported at
  // leaving as supported_leaver counts them), and the first day the SSDA903 returns read reach
  // back to: a care leaver who left care before it is not in them.
  long long care_leavers_started = 0;
  returns::Day ssda903_first_day = 0;
  bool returns_have_oc3 = false;  // any OC3 record in the years the DfE collects it

  // The open caseload at the as-of date, child by child (pseudonymised ids C1, C2 ...): each
  // child in one stage, the furthest on (care, then care leaver, CP, PLO or proceedings, CIN,
  // assessment), as the model holds it (docs/calibration.md, "The open caseload").
  std::vector<sim::InitialChild> open_children;
  // The open caseload at the as-of date, record by record (a child on a CIN plan and in care
  // counts in both).
  long long open_assessments = 0, open_cin_plans = 0, open_cp_plans = 0, open_cla = 0, open_legal = 0;
};

Observations observe(const returns::History& history, returns::Day first_day, returns::Day as_of);

}  // namespace caseflow::calibrate
