#pragma once
// A scenario as plain structs: one local authority and one what-if. Units are in the names.
// Parsed and validated by io/scenario_yaml; the simulation only reads it.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <memory>

#include "sim/distribution.h"
#include "sim/engine/civil_date.h"
#include "sim/stage.h"

namespace caseflow::sim {

enum class Source : std::uint8_t { kPolice, kSchools, kHealth, kLaServices, kIndividuals, kOther, kCount };
enum class Placement : std::uint8_t {
  kInHouseFoster, kIfa, kKinship, kResidential, kPlacedWithParents, kSupportedAccommodation, kCount
};
enum class Team : std::uint8_t { kFrontDoor, kAssessment, kHelpProtection, kChildrenInCare, kCareLeavers, kCount };
enum class StaffType : std::uint8_t { kPermanent, kAgency, kAsye, kCount };

constexpr std::size_t kSources = static_cast<std::size_t>(Source::kCount);
constexpr std::size_t kPlacements = static_cast<std::size_t>(Placement::kCount);
constexpr std::size_t kTeams = static_cast<std::size_t>(Team::kCount);
constexpr std::size_t kStaffTypes = static_cast<std::size_t>(StaffType::kCount);

template <typename E>
constexpr std::size_t index(E e) { return static_cast<std::size_t>(e); }

const std::array<const char*, kSources>& source_names();
const std::array<const char*, kPlacements>& placement_names();
const std::array<const char*, kTeams>& team_names();
const std::array<const char*, kStaffTypes>& staff_type_names();

using PerSource = std::array<double, kSources>;
using PerPlacement = std::array<double, kPlacements>;

// A dated multiplier on named sources, e.g. a lockdown or a reopening surge.
struct DemandShock {
  std::string name;
  engine::CivilDate from, to;  // inclusive
  PerSource multiplier{1, 1, 1, 1, 1, 1};
};

// A school holiday: the schools source falls to `holiday_multiplier` on its working days.
struct SchoolHoliday {
  engine::CivilDate from, to;  // inclusive
};

// Optional school-term calendar for the schools source. The term effects multiply on top of
// `schools_monthly_profile` (they are not normalised within the month), so with a calendar
// the profile carries only what term dates do not explain (docs/model.md, Demand).
struct SchoolTerms {
  std::vector<SchoolHoliday> holidays;  // ascending, not overlapping; empty = monthly profile only
  double holiday_multiplier = 1.0;      // on working days inside a holiday
  double end_of_term_multiplier = 1.0;  // on the last `end_of_term_days` working days before each holiday
  int end_of_term_days = 0;
};

struct Demand {
  PerSource contacts_per_month{};             // mean at the start date, before seasonality
  std::array<double, 12> monthly_profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::array<double, 12> schools_monthly_profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  SchoolTerms school_terms;                   // schools only; multiplies on top of the profile
  std::array<double, 5> weekday_profile{1, 1, 1, 1, 1};  // Monday..Friday, mean 1
  double trend_pct_per_year = 0.0;                 // change in contacts per child
  double child_population_growth_pct_per_year = 0.0;  // change in the number of children
  double overdispersion_cv = 0.0;  // gamma-mixed daily rate; 0 = Poisson
  double uasc_per_year = 0.0;
  std::vector<DemandShock> shocks;
};

struct FrontDoor {
  double referral_prob = 0.33, nfa_prob = 0.39, early_help_prob = 0.28;
  double decisions_per_fte_per_day = 6.0;
  int decision_target_wd = 1;
};

struct Referral {
  double nfa_prob = 0.0;  // referrals closed at the decision, without assessment
  double strategy_discussion_prob = 0.4;
  Distribution strategy_delay;  // wd after the referral
  double s47_prob = 0.87;       // strategy discussion -> s47 enquiry
  Distribution s47_duration;    // wd
  double icpc_prob = 0.31;      // s47 -> ICPC
  Distribution icpc_delay;      // wd after the strategy discussion
  double cp_plan_prob = 0.86;   // ICPC -> CP plan
  int icpc_target_wd = 15;
  double repeat_harm_multiplier = 1.0;  // strategy discussion odds for children with a past CP plan
};

// A stage's duration and where it leads, for each stage of the stage table that has
// outcomes (sim/stage_table.h): `outcome_shares` follow the table's outcomes for the stage,
// in its order, and sum to 1. The assessment's duration is its work at a normal pace.
struct StageRoute {
  Distribution duration;
  std::vector<double> outcome_shares;
};

struct Assessment {
  int target_wd = 45;
};

struct CpPlan {
  int first_review_months = 3, review_interval_months = 6;
  int visit_interval_wd = 10;
};

struct Proceedings {
  int target_weeks = 26;
};

struct Care {
  PerPlacement placement_shares{};
  PerPlacement uasc_placement_shares{};
  double placement_moves_per_year = 0.5;
  double exit_home = 0.3, exit_sgo = 0.15, exit_adoption = 0.1, exit_other = 0.45;  // before 18
  Distribution duration_home, duration_sgo, duration_adoption, duration_other;
  int visit_interval_weeks = 6;
  double care_leaver_min_weeks = 13;  // in care at least this long after 14 to qualify
};

struct CareLeavers {
  int support_to_age = 21;
  double extend_to_25_prob = 0.25;
};

// Age of children at referral, by band edges in years (band i covers [edge i, edge i+1)).
struct AgeProfile {
  std::vector<double> band_edges_years{0, 1, 5, 10, 16, 18};
  std::vector<double> probs{0.09, 0.19, 0.25, 0.35, 0.12};
};

struct Returns {
  double after_front_door_prob = 0.1;
  double after_closure_prob = 0.25;
  double referral_prob = 0.7;  // a returning child's contact becomes a referral
  Distribution delay;  // days from closure to the new contact
};

struct InitialStock {
  int assessments = 0, cin_plans = 0, cp_plans = 0, pre_proceedings = 0, proceedings = 0, cla = 0,
      care_leavers = 0;
  int returns_due = 0;  // closed cases whose child will come back: they keep contacts flowing from day one
  AgeProfile cla_age;
};

struct StaffTypeParams {
  double leave_rate_per_year = 0.15;
  double cost_gbp_per_year = 55'000;
  double induction_weeks = 4, induction_capacity_share = 0.5;
};

struct TeamParams {
  double establishment_fte = 0;
  double cap_cases = 18;          // hard ceiling on weighted caseload for a qualified worker
  double pace_cases = 18;         // weighted caseload at which work goes at a normal pace
  double asye_cap_cases = 12;     // protected caseload in the first year
  double initial_vacancy_share = 0.05;
  // Share of posts agency staff may cover in this team when above the service-wide target
  // (interim cover for a team in crisis); negative = the service-wide target applies.
  double agency_cover_share = -1.0;
};

struct WorkforceParams {
  std::array<TeamParams, kTeams> teams{};
  std::array<StaffTypeParams, kStaffTypes> staff{};
  double agency_target_share = 0.3;
  double initial_agency_share = 0.3;
  Distribution permanent_lead_time;  // days from vacancy to start (advert, offer, notice)
  double permanent_campaign_success_prob = 0.6;
  Distribution agency_lead_time;     // days to fill with an agency worker
  double agency_notice_days = 7;
  double agency_to_permanent_per_year = 0.1;
  int asye_intake_month = 9;
  int asye_intake_count = 0;
  int asye_months = 12;
  std::array<double, 12> sickness_share_by_month{};
  std::vector<DemandShock> sickness_shocks;  // multiplier[0] scales the sickness share
  // Dated periods of extra work per case (e.g. remedial home visits on open cases after a
  // lockdown): multiplier[0] scales the time every case takes.
  std::vector<DemandShock> workload_shocks;
  double manager_span = 6;
  double manager_cost_gbp_per_year = 74'100;
  double recruitment_cost_gbp_per_hire = 5'000;
  // Case weights by stage: a CP case takes more time than a CIN case.
  double weight_assessment = 1.0, weight_s47 = 1.5, weight_cin = 1.0, weight_cp = 1.5,
         weight_proceedings = 2.0, weight_cla = 1.0, weight_care_leaver = 1.0;
};

struct Costs {
  PerPlacement placement_gbp_per_week{};
};

// Everything that can change over time; `changes:` produce one of these per dated epoch.
struct Parameters {
  Demand demand;
  FrontDoor front_door;
  Referral referral;
  Assessment assessment;
  CpPlan cp;
  Proceedings proceedings;
  std::vector<StageRoute> routes;  // by stage id, for the scenario's stage table
  Care care;
  CareLeavers care_leavers;
  AgeProfile referral_age;
  Returns returns;
  WorkforceParams workforce;
  Costs costs;
};

struct Epoch {
  engine::CivilDate from;
  Parameters parameters;
};

class StageTable;

struct Scenario {
  std::string name;
  std::string description;
  engine::CivilDate start_date{2019, 4, 1};
  int horizon_months = 60;
  std::uint64_t seed = 1;
  std::uint32_t replications = 100;
  std::shared_ptr<const StageTable> stages;  // the journey's structure (sim/stage_table.h)
  InitialStock initial;
  std::vector<Epoch> epochs;  // first starts at start_date; sorted by date
  std::string resolved_yaml;  // the fully resolved scenario, for repeatability
  std::string hash;           // of resolved_yaml
};

}  // namespace caseflow::sim
