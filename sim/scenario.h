#pragma once
// A scenario as plain structs: one local authority and one what-if. Units are in the names.
// Parsed and validated by io/scenario_yaml; the simulation only reads it. Each scenario key is
// declared once in io/scenario_keys.cpp (docs/scenario-format.md): a field whose key is
// required starts at zero or empty, since every scenario sets it; a field whose key is
// optional starts at the key's documented default (tests/io/scenario_keys_test.cpp checks).
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
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

// A dated multiplier on named sources, e.g. a lockdown or a reopening surge. First contacts
// (and UASC arrivals, `uasc`) are thinned as a rate; returning children's contacts, and a
// demand shock's `entries` into stages (care during a lockdown), are held back for the
// shock's length instead (sim/demand/hold_back.h).
struct DemandShock {
  std::string name;
  engine::CivilDate from, to;  // inclusive
  PerSource multiplier{1, 1, 1, 1, 1, 1};
  // By stage id of the standard table (sim/stage.h): the share of entries into the stage let
  // through while the shock lasts; 1 = not held back.
  double uasc = 1.0;  // multiplier on UASC arrivals into care (a rate, thinned as first contacts are)
  std::array<double, kStandardStages> entries = [] {
    std::array<double, kStandardStages> all;
    all.fill(1.0);
    return all;
  }();
  bool covers(const engine::CivilDate& date) const { return !(date < from) && !(to < date); }
  int length_days() const { return engine::days_from_civil(to) - engine::days_from_civil(from) + 1; }
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
  // Outside the span the listed holidays cover: "error" (a horizon past the span is an error)
  // or "typical_english_rule" (sim/demand/school_term_rule.h fills in).
  std::string outside_listed = "error";
  bool fill_by_rule() const { return outside_listed == "typical_english_rule"; }
};

struct Demand {
  PerSource contacts_per_month{};             // mean at the start date, before seasonality
  std::array<double, 12> monthly_profile{};
  std::array<double, 12> schools_monthly_profile{};
  SchoolTerms school_terms;                   // schools only; multiplies on top of the profile
  std::array<double, 5> weekday_profile{};    // Monday..Friday, mean 1
  double trend_pct_per_year = 0.0;                 // change in contacts per child
  double child_population_growth_pct_per_year = 0.0;  // change in the number of children
  double overdispersion_cv = 0.0;  // gamma-mixed daily rate; 0 = Poisson
  double uasc_per_year = 0.0;
  std::vector<DemandShock> shocks;
};

struct FrontDoor {
  double referral_prob = 0, nfa_prob = 0, early_help_prob = 0;
  double decisions_per_fte_per_day = 0;
  int decision_target_wd = 0;
};

struct Referral {
  double nfa_prob = 0.0;  // referrals closed at the decision, without assessment
  double strategy_discussion_prob = 0;
  Distribution strategy_delay;  // wd after the referral
  double s47_prob = 0;          // strategy discussion -> s47 enquiry
  Distribution s47_duration;    // wd
  double icpc_prob = 0;         // s47 -> ICPC
  Distribution icpc_delay;      // wd after the strategy discussion
  double cp_plan_prob = 0;      // ICPC -> CP plan
  int icpc_target_wd = 0;
  double repeat_harm_multiplier = 1.0;  // strategy discussion odds for children with a past CP plan
  double prior_cp_plan_prob = 0.0;      // children new to the model who had a CP plan before it
};

// A stage's duration and where it leads, for each stage of the stage table that has
// outcomes (sim/stage_table.h): `outcome_shares` follow the table's outcomes for the stage,
// in its order, and sum to 1. The assessment's duration is its work at a normal pace.
struct StageRoute {
  Distribution duration;
  std::vector<double> outcome_shares;
};

struct Assessment {
  int target_wd = 0;
};

struct CpPlan {
  int first_review_months = 0, review_interval_months = 0;
  int visit_interval_wd = 0;
};

struct Proceedings {
  int target_weeks = 0;
};

// How children leave care before 18 (the route's share) and how long each route takes.
struct CareExits {
  double exit_home = 0, exit_sgo = 0, exit_adoption = 0, exit_other = 0;  // before 18
  Distribution duration_home, duration_sgo, duration_adoption, duration_other;
};

// What differs for children who enter care aged from_age_years up to (not including)
// to_age_years: a baby is adopted or goes home, a teenager entering at 16 mostly stays to 18,
// and teenagers live in residential homes and move placement far more often than infants.
// Each part is optional: a band without it takes the care-wide value (struct Care).
struct CareAgeBand {
  double from_age_years = 0, to_age_years = 0;
  std::optional<CareExits> exits;
  std::optional<PerPlacement> placement_shares;  // at entry and at each move (UASC excepted)
  std::optional<double> placement_moves_per_year;
};

struct Care : CareExits {  // the exits of every child without a band that sets its own
  PerPlacement placement_shares{};
  PerPlacement uasc_placement_shares{};
  double placement_moves_per_year = 0;
  int visit_interval_weeks = 0;
  double care_leaver_min_weeks = 0;  // in care at least this long after 14 to qualify
  // Optional: contiguous bands of age at entry into care covering 0-18, each with its own
  // exits, placements or moves (io/key_reader.cpp checks). Empty: every child takes the values above.
  std::vector<CareAgeBand> by_age_at_entry;
  // Optional what-if (care.entry_by_age): a child aged in band i of entry_band_edges_years
  // takes every route into care entry_multipliers[i] times as often, the stage's other
  // outcomes sharing the difference in proportion (sim/journey/routing.cpp). The default, one
  // band 0-18 at 1, is every age alike.
  std::vector<double> entry_band_edges_years{0, 18}, entry_multipliers{1};
  double entry_multiplier_at(double age_years) const {
    for (std::size_t b = 0; b < entry_multipliers.size(); ++b)
      if (b + 1 == entry_multipliers.size() || age_years < entry_band_edges_years[b + 1]) return entry_multipliers[b];
    return 1.0;
  }
  bool entry_by_age_in_force() const {
    for (double m : entry_multipliers)
      if (m != 1.0) return true;
    return false;
  }

  // The band of a child who entered care at `age_years` (below 0: the first band; 18 or
  // over: the last; 0 without bands).
  std::size_t band_at_entry_age(double age_years) const {
    for (std::size_t b = 0; b + 1 < by_age_at_entry.size(); ++b)
      if (age_years < by_age_at_entry[b].to_age_years) return b;
    return by_age_at_entry.empty() ? 0 : by_age_at_entry.size() - 1;
  }
  // A band's exits, placement shares (of a child who is not UASC) and moves a year: its own
  // where it sets them, else the care-wide ones.
  const CareExits& exits_of_band(std::size_t band) const {
    const CareAgeBand* b = band_or_null(band);
    return b && b->exits ? *b->exits : *this;
  }
  const PerPlacement& placement_shares_of_band(std::size_t band) const {
    const CareAgeBand* b = band_or_null(band);
    return b && b->placement_shares ? *b->placement_shares : placement_shares;
  }
  double placement_moves_of_band(std::size_t band) const {
    const CareAgeBand* b = band_or_null(band);
    return b && b->placement_moves_per_year ? *b->placement_moves_per_year : placement_moves_per_year;
  }

 private:
  const CareAgeBand* band_or_null(std::size_t band) const {
    return by_age_at_entry.empty() ? nullptr : &by_age_at_entry[std::min(band, by_age_at_entry.size() - 1)];
  }
};

struct CareLeavers {
  int support_to_age = 0;
  double extend_to_25_prob = 0;
};

// Age of children at referral, by band edges in years (band i covers [edge i, edge i+1)).
struct AgeProfile {
  std::vector<double> band_edges_years;
  std::vector<double> probs;
};

struct Returns {
  double after_front_door_prob = 0;
  double after_closure_prob = 0;
  double referral_prob = 0;  // a returning child's contact becomes a referral
  Distribution delay;  // days from closure to the new contact
};

// One child open at the start date, from a council's returns (calibrate writes them): the
// stage it is in and how long it has been there, so its time left is drawn given the time
// already spent (Distribution::total_given_elapsed) instead of from the stage's equilibrium.
struct InitialChild {
  std::string id;            // pseudonymised: never the council's own id
  Stage stage = Stage::kNone;  // kAssessment .. kCareLeaver
  double days_in_stage = 0;  // days since the stage began (for care: since care began)
  double age_years = 0;      // at the start date
  int placement = -1;        // care: index into placement_names(); -1 elsewhere
  int cp_plans_before = 0;   // CP plans the child had before (repeat CP behaviour)
  double s47_days = -1;      // assessment: days since an s47 enquiry still open began; -1 for none
  // assessment: the enquiry is a CIN plan's step-up (a child already in need, no referral's
  // assessment): it returns to CIN unless its ICPC makes a CP plan, and counts no assessment.
  bool step_up = false;
};

struct InitialStock {
  int assessments = 0, cin_plans = 0, cp_plans = 0, pre_proceedings = 0, proceedings = 0, cla = 0,
      care_leavers = 0;
  int returns_due = 0;  // closed cases whose child will come back: they keep contacts flowing from day one
  AgeProfile cla_age;
  // The open children one by one, when the scenario names a file of them (initial_stock.children):
  // they replace the counted stocks above, which must then equal the file's counts by stage.
  std::string children_file;
  std::vector<InitialChild> children;
};

struct StaffTypeParams {
  double leave_rate_per_year = 0;
  double cost_gbp_per_year = 0;
  double induction_weeks = 0, induction_capacity_share = 0;
};

struct TeamParams {
  double establishment_fte = 0;
  // The caseload limits are keys of the case-holding teams only: the front door holds no
  // cases, so its limits stay 0 and never bind.
  double cap_cases = 0;           // hard ceiling on weighted caseload for a qualified worker
  double pace_cases = 0;          // weighted caseload at which work goes at a normal pace
  double asye_cap_cases = 0;      // protected caseload in the first year
  double initial_vacancy_share = 0;
  // Share of posts agency staff may cover in this team when above the service-wide target
  // (interim cover for a team in crisis); negative = the service-wide target applies.
  double agency_cover_share = -1.0;
};

struct WorkforceParams {
  std::array<TeamParams, kTeams> teams{};
  std::array<StaffTypeParams, kStaffTypes> staff{};
  double agency_target_share = 0;
  double initial_agency_share = 0;
  Distribution permanent_lead_time;  // days from vacancy to start (advert, offer, notice)
  double permanent_campaign_success_prob = 0;
  Distribution agency_lead_time;     // days to fill with an agency worker
  double agency_notice_days = 0;
  double agency_to_permanent_per_year = 0;
  int asye_intake_month = 0;
  int asye_intake_count = 0;
  int asye_months = 0;
  std::array<double, 12> sickness_share_by_month{};
  // Each staff type's leaving rate by calendar month, January first, mean 1: the season of
  // leaving (all 1: none, and the draws of a scenario without one are unchanged).
  std::array<double, 12> leaving_by_month{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  std::vector<DemandShock> sickness_shocks;  // multiplier[0] scales the sickness share
  // Dated periods of extra work per case (e.g. remedial home visits on open cases after a
  // lockdown): multiplier[0] scales the time every case takes.
  std::vector<DemandShock> workload_shocks;
  // Cases waiting per worker in post at which managers allocate up to the hard cap; below it
  // the ceiling they allocate to rises in proportion from the pace caseload (docs/model.md).
  double allocation_stretch_queue_per_fte = 0;
  double manager_span = 0;
  double manager_cost_gbp_per_year = 0;
  double recruitment_cost_gbp_per_hire = 0;
  // Case weights by stage: a CP case takes more time than a CIN case.
  double weight_assessment = 0, weight_s47 = 0, weight_cin = 0, weight_cp = 0, weight_proceedings = 0,
         weight_cla = 0, weight_care_leaver = 0;
};

struct Costs {
  PerPlacement placement_gbp_per_week{};
};

// Dated price indices (docs/model.md, "Costs and price indices"): the cost keys are in the
// prices of the financial year (April-March) holding start_date; entry i of each list is the
// percentage rise that takes effect on 1 April of the (i+1)-th financial year after that one.
// Years past the end of a list keep the last index (no further rise). Empty: prices held.
struct PriceIndices {
  std::vector<double> pay_award_pct;            // staff, agency, managers and recruitment
  std::vector<double> placement_inflation_pct;  // placements of every type
  // The multiplier on base prices `years_after_start` financial years after the start's.
  static double index(const std::vector<double>& rises_pct, int years_after_start) {
    double index = 1.0;
    for (int i = 0; i < years_after_start && i < static_cast<int>(rises_pct.size()); ++i)
      index *= 1.0 + rises_pct[static_cast<std::size_t>(i)] / 100.0;
    return index;
  }
  double pay(int years_after_start) const { return index(pay_award_pct, years_after_start); }
  double placements(int years_after_start) const { return index(placement_inflation_pct, years_after_start); }
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

struct DemandLevelPaths;  // sim/demand/level_paths.h

struct Scenario {
  std::string name;
  std::string description;
  engine::CivilDate start_date{};
  int horizon_months = 0;
  std::uint64_t seed = 1;
  std::uint32_t replications = 100;
  std::shared_ptr<const StageTable> stages;  // the journey's structure (sim/stage_table.h)
  InitialStock initial;
  PriceIndices prices;
  std::vector<Epoch> epochs;  // first starts at start_date; sorted by date
  // `demand.level_paths`: the file as written in the scenario, and its paths once read
  // (null without the key: every draw is then as it was before the key existed).
  std::string demand_level_paths_file;
  std::shared_ptr<const DemandLevelPaths> demand_level_paths;
  // `parameter_draws`: the file of the calibration's parameter draws as written in the
  // scenario, or "" (io/parameter_draws_file.h; io::load_scenario_and_draws reads them).
  std::string parameter_draws_file;
  std::uint32_t parameter_draws = 0;  // how many that file holds (set when they are read): provenance
  std::string resolved_yaml;  // the fully resolved scenario, for repeatability
  std::string hash;           // of resolved_yaml, and of the parameter draws' file when it names one
};

}  // namespace caseflow::sim
