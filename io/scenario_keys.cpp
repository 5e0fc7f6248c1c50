#include "io/scenario_keys.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>
#include <type_traits>
#include <utility>

#include "io/edit_distance.h"
#include "io/key_validators.h"
#include "io/output_text.h"
#include "sim/stage_table.h"

namespace caseflow::io {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
const Range kNonNegative{0, kInf};
const Range kShare{0, 1};
// Upper bounds, each well past any English council and most past England as a whole, so
// that a slip such as 1e12 is an error when the scenario is read, not an out-of-memory crash
// minutes into a run (docs/reliability.md, "Resource limits").
const Range kReplications{1, 100000};   // issue 15's largest run; more needs shards
const Range kStock{0, 2e6};             // children in one stage; England has about 400,000 CIN
const Range kContactsPerMonth{0, 1e6};  // per source; England's 2.5 million a year is 210,000 a month
const Range kMultiplier{0, 100};        // seasonal, weekday, term and harm multipliers
const Range kPercentPerYear{-100, 100};
const Range kWorkingDays{0, 1000};      // targets and windows: four years
const Range kFte{0, 100000};            // per team; England has about 33,000 children's social workers
const Range kCases{0, 1000, true};      // weighted cases per worker
const Range kPerYear{0, 100};           // rates per worker or per case
const Range kGbpPerYear{0, 1e7};

template <typename>
struct is_double_array : std::false_type {};
template <std::size_t N>
struct is_double_array<std::array<double, N>> : std::true_type {};

// Turns an accessor lambda into the Binding for the type it returns: T& gives Field<T>,
// std::array<double, N>& gives Numbers, std::vector<double*> gives ShareFields.
template <typename F>
Binding bind_to(F get) {
  using R = std::invoke_result_t<F, Target&>;
  using T = std::remove_cvref_t<R>;
  if constexpr (std::is_same_v<T, std::vector<double*>>) {
    return ShareFields{std::move(get)};
  } else if constexpr (is_double_array<T>::value) {
    return Numbers{[get](Target& t) { return std::span<double>(get(t)); }};
  } else {
    static_assert(std::is_lvalue_reference_v<R>, "an accessor returns a reference to the field");
    return Field<T>{std::move(get)};
  }
}

template <typename F>
std::size_t array_length() {
  using T = std::remove_cvref_t<std::invoke_result_t<F, Target&>>;
  if constexpr (is_double_array<T>::value) return std::tuple_size_v<T>;
  return 0;
}

std::vector<std::string> names_of(std::span<const char* const> names) { return {names.begin(), names.end()}; }

// A stage's route in the dated parameters, made room for on first use (one per stage id).
sim::StageRoute& route_of(Target& x, std::size_t stage) {
  auto& routes = x.parameters.routes;
  if (routes.size() < sim::StageTable::standard()->size()) routes.resize(sim::StageTable::standard()->size());
  return routes[stage];
}

// The stages a demand shock's `entries` may hold back: those some outcome of the standard
// table enters (the journey holds entries at routing, sim/journey/routing.cpp), by stage id.
std::vector<std::string> held_entry_stages() {
  const sim::StageTable& table = *sim::StageTable::standard();
  std::vector<bool> entered(table.size(), false);
  for (const sim::StageSpec& spec : table.specs())
    for (const sim::OutcomeSpec& o : spec.outcomes)
      if (o.route == sim::Route::kEnter) entered[sim::stage_index(o.next)] = true;
  std::vector<std::string> names;
  for (const sim::StageSpec& spec : table.specs())
    if (entered[sim::stage_index(spec.id)]) names.push_back(spec.name);
  return names;
}

// Builds one declaration; the table below reads as one line of facts per key.
class Key {
 public:
  Key(std::string key, KeyType type, std::string meaning) {
    d_.key = std::move(key);
    d_.type = type;
    d_.meaning = std::move(meaning);
    if (type == KeyType::kProbability || type == KeyType::kShares) d_.range = kShare;
  }
  Key& unit(std::string unit) { return d_.unit = std::move(unit), *this; }
  Key& range(Range range) { return d_.range = range, *this; }
  Key& optional(std::string default_yaml) {
    d_.required = false;
    d_.default_yaml = std::move(default_yaml);
    return *this;
  }
  // Read only at the start of the run: dated `changes:` may not set it.
  Key& fixed() { return fixed_ = true, *this; }
  Key& names(std::vector<std::string> names) { return d_.names = std::move(names), *this; }
  Key& members(std::vector<std::size_t> members) { return d_.members = std::move(members), *this; }
  Key& check(Validator v) { return d_.validators.push_back(std::move(v)), *this; }
  Key& note(std::string note) { return d_.note = std::move(note), *this; }
  template <typename F>
  Key& bind(F get) {
    d_.length = array_length<F>();
    d_.bind = bind_to(std::move(get));
    return *this;
  }

  KeyDeclaration take(Part part) {
    d_.part = part;
    d_.changeable = part == Part::kParameters && d_.type != KeyType::kSection && !fixed_;
    return std::move(d_);
  }

 private:
  KeyDeclaration d_;
  bool fixed_ = false;
};

class Table {
 public:
  // Top-level sections of sim::Parameters: their keys make up each dated period.
  void parameters() { part_ = Part::kParameters; }
  void add(Key key) { keys_.push_back(key.take(part_)); }
  std::vector<KeyDeclaration> take() { return std::move(keys_); }

 private:
  std::vector<KeyDeclaration> keys_;
  Part part_ = Part::kScenario;
};

using K = KeyType;

std::vector<KeyDeclaration> declare() {
  Table t;
  const std::vector<std::string> sources = names_of(sim::source_names());
  const std::vector<std::string> placements = names_of(sim::placement_names());

  // --- The scenario: fixed for the whole run -------------------------------------------
  t.add(Key("name", K::kText, "the scenario's name, recorded in summary.json").bind([](Target& x) -> auto& {
    return x.scenario.name;
  }));
  t.add(Key("description", K::kText, "one line on what the scenario tests").optional("\"\"").bind([](Target& x) -> auto& {
    return x.scenario.description;
  }));
  t.add(Key("extends", K::kText, "the file this one builds on: its keys apply unless this file sets them")
            .optional("")
            .note("a path relative to this file's folder; see \"extends\" above"));
  t.add(Key("start_date", K::kDate, "first day simulated; initial_stock is open on this day").bind([](Target& x) -> auto& {
    return x.scenario.start_date;
  }));
  t.add(Key("horizon_months", K::kInteger, "months simulated from start_date")
            .unit("months")
            .range({1, 600})
            .bind([](Target& x) -> auto& { return x.scenario.horizon_months; }));
  t.add(Key("seed", K::kInteger, "random seed; the same seed gives the same results")
            .range(kNonNegative)
            .optional("1")
            .bind([](Target& x) -> auto& { return x.scenario.seed; }));
  t.add(Key("replications", K::kInteger, "independent runs summarised into mean and P10/P50/P90")
            .unit("runs")
            .range(kReplications)
            .optional("100")
            .bind([](Target& x) -> auto& { return x.scenario.replications; }));
  t.add(Key("changes", K::kChangeList, "dated changes to parameters; see \"changes\" above").optional("[]"));
  t.add(Key("parameter_draws", K::kText,
            "a file of the calibration's parameter draws (caseflow calibrate --parameter-draws writes it beside council.yaml): "
            "the replications are shared among them, each draw's parameters laid over the file that names this key, so the "
            "bands carry what the returns leave uncertain; relative to the scenario file that names it, as extends: is; \"\" "
            "runs the scenario as its files give it")
            .optional("\"\"")
            .note("docs/calibration.md, \"Parameter draws\"; `caseflow run` (whole and --shard, of a scenario or a region's councils), `compare`, `plan`, `validate`, `project`, `forecast --base` and caseflow-mpi read them, and every "
                  "other command refuses a scenario that names draws: give it a file that extends this one with "
                  "`parameter_draws: \"\"` to use the central calibration alone")
            .bind([](Target& x) -> auto& { return x.scenario.parameter_draws_file; }));

  t.add(Key("prices", K::kSection, "dated price indices: the yearly rises applied to the cost keys")
            .optional("")
            .note("the cost keys are in the prices of the financial year holding start_date; see docs/model.md, \"Costs and price indices\""));
  const std::vector<std::tuple<std::string, std::vector<double> sim::PriceIndices::*, std::string>> indices = {
      {"pay_award_pct", &sim::PriceIndices::pay_award_pct, "staff, agency, manager and recruitment costs"},
      {"placement_inflation_pct", &sim::PriceIndices::placement_inflation_pct, "every placement's weekly cost"}};
  for (const auto& [name, member, what] : indices)
    t.add(Key("prices." + name, K::kNumberList, "rise in " + what + " on each 1 April after start_date, first April first")
              .unit("% a year")
              .range({-50, 50})
              .optional("[]")
              .note("years past the list keep the last index; [] = prices held")
              .bind([member = member](Target& x) -> auto& { return x.scenario.prices.*member; }));

  t.add(Key("initial_stock", K::kSection, "cases open on start_date (a warm start)"));
  const std::vector<std::pair<std::string, int sim::InitialStock::*>> stock = {
      {"assessments", &sim::InitialStock::assessments}, {"cin_plans", &sim::InitialStock::cin_plans},
      {"cp_plans", &sim::InitialStock::cp_plans}, {"pre_proceedings", &sim::InitialStock::pre_proceedings},
      {"proceedings", &sim::InitialStock::proceedings}, {"cla", &sim::InitialStock::cla},
      {"care_leavers", &sim::InitialStock::care_leavers}};
  const std::map<std::string, std::string> stock_meaning = {
      {"assessments", "children with an assessment in progress"}, {"cin_plans", "children on a child in need plan"},
      {"cp_plans", "children on a child protection plan"}, {"pre_proceedings", "children in pre-proceedings (PLO)"},
      {"proceedings", "children in care proceedings"}, {"cla", "children looked after"},
      {"care_leavers", "care leavers receiving support"}};
  for (const auto& [name, member] : stock)
    t.add(Key("initial_stock." + name, K::kInteger, stock_meaning.at(name))
              .unit("children")
              .range(kStock)
              .bind([member = member](Target& x) -> auto& { return x.scenario.initial.*member; }));
  t.add(Key("initial_stock.returns_due", K::kInteger,
            "closed cases whose child will come back, so contacts flow from day one")
            .unit("children")
            .range(kStock)
            .bind([](Target& x) -> auto& { return x.scenario.initial.returns_due; }));
  t.add(Key("initial_stock.children", K::kText,
            "a CSV file of the children open on start_date, one a row (caseflow calibrate writes it): they replace the counted stocks, "
            "which must equal its counts by stage; relative to the scenario file that names it, as extends: is")
            .optional("\"\"")
            .bind([](Target& x) -> auto& { return x.scenario.initial.children_file; }));
  t.add(Key("initial_stock.cla_age", K::kSection, "age of the children looked after on start_date").check(age_bands()));
  t.add(Key("initial_stock.cla_age.band_edges_years", K::kNumberList, "age band edges; band i covers [edge i, edge i+1)")
            .unit("years of age")
            .range({0, 18})
            .bind([](Target& x) -> auto& { return x.scenario.initial.cla_age.band_edges_years; }));
  t.add(Key("initial_stock.cla_age.probs", K::kNumberList, "share of the children in each band")
            .unit("share")
            .range(kShare)
            .bind([](Target& x) -> auto& { return x.scenario.initial.cla_age.probs; }));

  // --- The parameters: each dated period has its own ------------------------------------
  t.parameters();
  t.add(Key("demand", K::kSection, "contacts: levels, seasonality, trend and shocks"));
  t.add(Key("demand.contacts_per_month", K::kNamedMap, "first contacts a month by source at start_date, before seasonality")
            .unit("contacts/month")
            .range(kContactsPerMonth)
            .names(sources)
            .bind([](Target& x) -> auto& { return x.parameters.demand.contacts_per_month; }));
  t.add(Key("demand.monthly_profile", K::kNumberList, "seasonal multiplier by calendar month, January first")
            .unit("multiplier")
            .range(kMultiplier)
            .bind([](Target& x) -> auto& { return x.parameters.demand.monthly_profile; }));
  t.add(Key("demand.schools_monthly_profile", K::kNumberList,
            "the schools source's seasonal multiplier by calendar month, January first (school_terms multiplies on top)")
            .unit("multiplier")
            .range(kMultiplier)
            .bind([](Target& x) -> auto& { return x.parameters.demand.schools_monthly_profile; }));
  t.add(Key("demand.school_terms", K::kSection, "school-term calendar for the schools source")
            .optional("")
            .note("absent: no calendar, the schools monthly profile alone")
            .check(school_calendar()));
  t.add(Key("demand.school_terms.holidays", K::kHolidayList,
            "school holidays, inclusive, in date order without overlaps; [] turns the calendar off")
            .bind([](Target& x) -> auto& { return x.parameters.demand.school_terms.holidays; }));
  t.add(Key("demand.school_terms.holiday_multiplier", K::kNumber, "schools contacts on working days inside a holiday")
            .unit("multiplier")
            .range(kMultiplier)
            .optional("1")
            .note("required when holidays are listed")
            .bind([](Target& x) -> auto& { return x.parameters.demand.school_terms.holiday_multiplier; }));
  t.add(Key("demand.school_terms.end_of_term_multiplier", K::kNumber,
            "schools contacts on the last end_of_term_days working days before each holiday")
            .unit("multiplier")
            .range(kMultiplier)
            .optional("1")
            .bind([](Target& x) -> auto& { return x.parameters.demand.school_terms.end_of_term_multiplier; }));
  t.add(Key("demand.school_terms.end_of_term_days", K::kInteger, "working days before a holiday that count as end of term")
            .unit("working days")
            .range(kWorkingDays)
            .optional("0")
            .bind([](Target& x) -> auto& { return x.parameters.demand.school_terms.end_of_term_days; }));
  t.add(Key("demand.school_terms.outside_listed", K::kText,
            "outside the span the listed holidays cover: `error` (a horizon past it is an error) or "
            "`typical_english_rule` (holidays by the rule in docs/model.md, School terms)")
            .optional("error")
            .bind([](Target& x) -> auto& { return x.parameters.demand.school_terms.outside_listed; }));
  t.add(Key("demand.weekday_profile", K::kNumberList, "multiplier by weekday, Monday to Friday, mean 1")
            .unit("multiplier")
            .range(kMultiplier)
            .bind([](Target& x) -> auto& { return x.parameters.demand.weekday_profile; }));
  t.add(Key("demand.trend_pct_per_year", K::kNumber, "change in contacts per child a year")
            .unit("% a year")
            .range(kPercentPerYear)
            .bind([](Target& x) -> auto& { return x.parameters.demand.trend_pct_per_year; }));
  t.add(Key("demand.child_population_growth_pct_per_year", K::kNumber, "change in the number of children a year")
            .unit("% a year")
            .range(kPercentPerYear)
            .optional("0")
            .bind([](Target& x) -> auto& { return x.parameters.demand.child_population_growth_pct_per_year; }));
  t.add(Key("demand.overdispersion_cv", K::kNumber, "day-to-day variation beyond Poisson (gamma-mixed daily rate); 0 = Poisson")
            .unit("coefficient of variation")
            .range({0, 10})
            .optional("0")
            .bind([](Target& x) -> auto& { return x.parameters.demand.overdispersion_cv; }));
  t.add(Key("demand.uasc_per_year", K::kNumber, "unaccompanied asylum-seeking children arriving into care")
            .unit("children/year")
            .range({0, 100000})
            .bind([](Target& x) -> auto& { return x.parameters.demand.uasc_per_year; }));
  t.add(Key("demand.level_paths", K::kText,
            "a CSV of sampled monthly paths of expected first contacts by source (caseflow forecast --base writes "
            "demand_paths.csv): replication r follows path r mod the number of paths, each month's expected first "
            "contacts from a source the file names become the path's; relative to the scenario file that names it, as "
            "extends: is")
            .optional("\"\"")
            .fixed()
            .note("the paths must cover start_date to the horizon's last month, and start_date must be a month's first day; "
                  "the file holds at most 100000 paths of at most 600 months, each value 0 to 1000000 (as "
                  "contacts_per_month); format in docs/forecast.md")
            .bind([](Target& x) -> auto& { return x.scenario.demand_level_paths_file; }));
  t.add(Key("demand.shocks", K::kShockList,
            "dated multipliers on contacts by source (a lockdown, a surge) and on UASC arrivals (`uasc`), and "
            "shares of entries into stages let through (`entries`); first contacts and UASC are thinned, returning "
            "children's contacts and held entries are deferred by the shock's length (docs/model.md, Shocks)")
            .names(held_entry_stages())
            .optional("[]")
            .bind([](Target& x) -> auto& { return x.parameters.demand.shocks; }));

  t.add(Key("front_door", K::kSection, "the decision on each contact"));
  t.add(Key("front_door.outcomes", K::kShares, "what contacts become")
            .names({"referral", "nfa", "early_help"})
            .bind([](Target& x) {
              auto& f = x.parameters.front_door;
              return std::vector<double*>{&f.referral_prob, &f.nfa_prob, &f.early_help_prob};
            }));
  t.add(Key("front_door.decisions_per_fte_per_day", K::kNumber, "contact decisions one front-door worker makes a working day")
            .unit("decisions/FTE/working day")
            .range({0, 1000, true})
            .bind([](Target& x) -> auto& { return x.parameters.front_door.decisions_per_fte_per_day; }));
  t.add(Key("front_door.decision_target_wd", K::kInteger, "target for a contact decision")
            .unit("working days")
            .range(kWorkingDays)
            .bind([](Target& x) -> auto& { return x.parameters.front_door.decision_target_wd; }));

  t.add(Key("referral", K::kSection, "from referral to strategy discussion, s47 enquiry and ICPC"));
  t.add(Key("referral.nfa_prob", K::kProbability, "referrals closed at the decision, without assessment")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.referral.nfa_prob; }));
  t.add(Key("referral.strategy_discussion_prob", K::kProbability, "referrals that lead to a strategy discussion")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.referral.strategy_discussion_prob; }));
  t.add(Key("referral.strategy_delay", K::kDistribution, "time from the referral to the strategy discussion")
            .unit("working days")
            .check(in_working_days())
            .bind([](Target& x) -> auto& { return x.parameters.referral.strategy_delay; }));
  t.add(Key("referral.s47_prob", K::kProbability, "strategy discussions that lead to an s47 enquiry")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.referral.s47_prob; }));
  t.add(Key("referral.s47_duration", K::kDistribution, "length of an s47 enquiry")
            .unit("working days")
            .check(in_working_days())
            .bind([](Target& x) -> auto& { return x.parameters.referral.s47_duration; }));
  t.add(Key("referral.icpc_prob", K::kProbability, "s47 enquiries that lead to an initial child protection conference")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.referral.icpc_prob; }));
  t.add(Key("referral.icpc_delay", K::kDistribution, "time from the strategy discussion to the ICPC")
            .unit("working days")
            .check(in_working_days())
            .bind([](Target& x) -> auto& { return x.parameters.referral.icpc_delay; }));
  t.add(Key("referral.cp_plan_prob", K::kProbability, "ICPCs that lead to a child protection plan")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.referral.cp_plan_prob; }));
  t.add(Key("referral.icpc_target_wd", K::kInteger, "target from the strategy discussion to the ICPC")
            .unit("working days")
            .range(kWorkingDays)
            .bind([](Target& x) -> auto& { return x.parameters.referral.icpc_target_wd; }));
  t.add(Key("referral.repeat_harm_multiplier", K::kNumber,
            "odds multiplier on a strategy discussion for a child who had a CP plan before")
            .unit("multiplier")
            .range(kMultiplier)
            .optional("1")
            .bind([](Target& x) -> auto& { return x.parameters.referral.repeat_harm_multiplier; }));
  t.add(Key("referral.prior_cp_plan_prob", K::kProbability,
            "children new to the model who had a CP plan before it (in earlier years or another council)")
            .unit("probability")
            .optional("0")
            .bind([](Target& x) -> auto& { return x.parameters.referral.prior_cp_plan_prob; }));

  // The stages' sections, from the stage table: each stage with outcomes has its duration
  // and its outcome shares, named by the table's outcomes; some have keys of their own.
  for (const sim::StageSpec& spec : sim::StageTable::standard()->specs()) {
    if (spec.section.empty()) continue;
    const std::size_t stage = sim::stage_index(spec.id);
    const std::size_t outcomes = spec.outcomes.size();
    t.add(Key(spec.section, K::kSection, spec.meaning));
    // The assessment's work runs in working days at the worker's pace (the 45-wd clock).
    const bool working_days = spec.id == sim::Stage::kAssessment;
    Key duration(spec.section + ".duration", K::kDistribution, spec.duration_meaning);
    duration.unit(working_days ? "working days" : "time");
    if (working_days) duration.check(in_working_days());
    t.add(std::move(duration.bind([stage](Target& x) -> auto& { return route_of(x, stage).duration; })));
    std::vector<std::string> names;
    for (const sim::OutcomeSpec& o : spec.outcomes) names.push_back(o.name);
    t.add(Key(spec.section + ".outcomes", K::kShares, spec.outcomes_meaning)
              .names(std::move(names))
              .bind([stage, outcomes](Target& x) {
                auto& shares = route_of(x, stage).outcome_shares;
                shares.resize(outcomes);
                std::vector<double*> fields;
                for (double& share : shares) fields.push_back(&share);
                return fields;
              }));
    switch (spec.id) {
      case sim::Stage::kAssessment:
        t.add(Key("assessment.target_wd", K::kInteger, "statutory target for completing an assessment")
                  .unit("working days")
                  .range(kWorkingDays)
                  .bind([](Target& x) -> auto& { return x.parameters.assessment.target_wd; }));
        break;
      case sim::Stage::kCp:
        t.add(Key("cp_plan.first_review_months", K::kInteger, "months from the ICPC to the first review conference")
                  .unit("months")
                  .range({0, 120, true})
                  .bind([](Target& x) -> auto& { return x.parameters.cp.first_review_months; }));
        t.add(Key("cp_plan.review_interval_months", K::kInteger, "months between later review conferences")
                  .unit("months")
                  .range({0, 120, true})
                  .bind([](Target& x) -> auto& { return x.parameters.cp.review_interval_months; }));
        t.add(Key("cp_plan.visit_interval_wd", K::kInteger, "time between statutory visits to a child on a CP plan")
                  .unit("working days")
                  .range({0, 1000, true})
                  .bind([](Target& x) -> auto& { return x.parameters.cp.visit_interval_wd; }));
        break;
      case sim::Stage::kProceedings:
        t.add(Key("proceedings.target_weeks", K::kInteger, "statutory target for concluding proceedings")
                  .unit("weeks")
                  .range({0, 520})
                  .bind([](Target& x) -> auto& { return x.parameters.proceedings.target_weeks; }));
        break;
      default: break;
    }
  }

  t.add(Key("care", K::kSection, "children looked after: placements, exits, visits"));
  t.add(Key("care.placement_shares", K::kNamedMap, "placement type of a child entering care")
            .unit("share")
            .range(kShare)
            .names(placements)
            .check(sums_to_one())
            .bind([](Target& x) -> auto& { return x.parameters.care.placement_shares; }));
  t.add(Key("care.uasc_placement_shares", K::kNamedMap, "placement type of an unaccompanied asylum-seeking child")
            .unit("share")
            .range(kShare)
            .names(placements)
            .check(sums_to_one())
            .bind([](Target& x) -> auto& { return x.parameters.care.uasc_placement_shares; }));
  t.add(Key("care.placement_moves_per_year", K::kNumber, "placement moves per child in care a year")
            .unit("moves/child/year")
            .range({0, 365})
            .bind([](Target& x) -> auto& { return x.parameters.care.placement_moves_per_year; }));
  t.add(Key("care.exits_before_18", K::kShares, "how children leave care before 18")
            .names({"home", "sgo", "adoption", "other"})
            .bind([](Target& x) {
              auto& c = x.parameters.care;
              return std::vector<double*>{&c.exit_home, &c.exit_sgo, &c.exit_adoption, &c.exit_other};
            }));
  t.add(Key("care.duration_by_exit", K::kSection, "time in care by the way the child leaves"));
  const std::vector<std::pair<std::string, sim::Distribution sim::Care::*>> exits = {
      {"home", &sim::Care::duration_home}, {"sgo", &sim::Care::duration_sgo},
      {"adoption", &sim::Care::duration_adoption}, {"other", &sim::Care::duration_other}};
  for (const auto& [name, member] : exits)
    t.add(Key("care.duration_by_exit." + name, K::kDistribution, "time in care before an exit: " + name)
              .unit("time")
              .bind([member = member](Target& x) -> auto& { return x.parameters.care.*member; }));
  t.add(Key("care.entry_by_age", K::kSection, "a what-if on entries into care by the child's age")
            .optional("")
            .note("absent: every age alike. Each route into care (assessment, CIN and CP plans, PLO, proceedings) is taken "
                  "multipliers[i] times as often by a child aged in band i, the stage's other outcomes sharing the difference "
                  "in proportion (a care share pushed past 1 stops at 1); for planted changes such as teenagers' entries up 30%")
            .check(multiplier_bands()));
  t.add(Key("care.entry_by_age.band_edges_years", K::kNumberList, "age band edges, 0 first and 18 last; band i covers [edge i, edge i+1)")
            .unit("years of age")
            .range({0, 18})
            .optional("[0, 18]")
            .bind([](Target& x) -> auto& { return x.parameters.care.entry_band_edges_years; }));
  t.add(Key("care.entry_by_age.multipliers", K::kNumberList, "the multiplier on every route into care, one per band")
            .unit("multiplier")
            .range({0, 10})
            .optional("[1]")
            .bind([](Target& x) -> auto& { return x.parameters.care.entry_multipliers; }));
  t.add(Key("care.by_age_at_entry", K::kCareBandList,
            "care by the child's age on entering care: a list of bands, youngest first, each "
            "{from_age, to_age, exits_before_18: {home, sgo, adoption, other}, duration_by_exit: {home, sgo, adoption, other}, "
            "placement_shares: {one per placement type}, placement_moves_per_year}; "
            "a band covers from_age up to (not including) to_age, in years")
            .optional("[]")
            .fixed()
            .note("absent or []: every child takes the care-wide keys. Bands must be contiguous, start at 0 and end at 18 "
                  "(DfE's bands at entry: 0, 1, 5, 10, 16, 18). A band sets at least one of: its exits (exits_before_18 "
                  "and duration_by_exit together), its placement_shares (at entry and at each move; UASC keep "
                  "care.uasc_placement_shares), its placement_moves_per_year (0 to 365); each as the care key of the same "
                  "name, and what it leaves out is that key's value. A child in care at a counted warm start takes the "
                  "band of its age at the start (docs/model.md, Care)")
            .bind([](Target& x) -> auto& { return x.parameters.care.by_age_at_entry; }));
  t.add(Key("care.visit_interval_weeks", K::kInteger, "time between statutory visits in a child's first year in care")
            .unit("weeks")
            .range({0, 520, true})
            .bind([](Target& x) -> auto& { return x.parameters.care.visit_interval_weeks; }));
  t.add(Key("care.care_leaver_min_weeks", K::kNumber, "weeks in care after age 14 that make a child a care leaver")
            .unit("weeks")
            .range({0, 520})
            .bind([](Target& x) -> auto& { return x.parameters.care.care_leaver_min_weeks; }));

  t.add(Key("care_leavers", K::kSection, "support for care leavers"));
  t.add(Key("care_leavers.support_to_age", K::kInteger, "age to which every care leaver is supported")
            .unit("years of age")
            .range({18, 25})
            .bind([](Target& x) -> auto& { return x.parameters.care_leavers.support_to_age; }));
  t.add(Key("care_leavers.extend_to_25_prob", K::kProbability, "care leavers who keep support to 25")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.care_leavers.extend_to_25_prob; }));

  t.add(Key("referral_age", K::kSection, "age of children at referral").check(age_bands()));
  t.add(Key("referral_age.band_edges_years", K::kNumberList, "age band edges; band i covers [edge i, edge i+1)")
            .unit("years of age")
            .range({0, 18})
            .bind([](Target& x) -> auto& { return x.parameters.referral_age.band_edges_years; }));
  t.add(Key("referral_age.probs", K::kNumberList, "share of referred children in each band")
            .unit("share")
            .range(kShare)
            .bind([](Target& x) -> auto& { return x.parameters.referral_age.probs; }));

  t.add(Key("returns", K::kSection, "children who come back after their case closed"));
  t.add(Key("returns.after_front_door_prob", K::kProbability, "children closed at the front door who come back")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.returns.after_front_door_prob; }));
  t.add(Key("returns.after_closure_prob", K::kProbability, "children whose case closed later who come back")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.returns.after_closure_prob; }));
  t.add(Key("returns.referral_prob", K::kProbability, "a returning child's new contact becomes a referral")
            .unit("probability")
            .bind([](Target& x) -> auto& { return x.parameters.returns.referral_prob; }));
  t.add(Key("returns.delay", K::kDistribution, "time from closure to the new contact")
            .unit("time")
            .bind([](Target& x) -> auto& { return x.parameters.returns.delay; }));

  t.add(Key("workforce", K::kSection, "teams, staff types, recruitment, sickness and caseload weights"));
  t.add(Key("workforce.teams", K::kSection, "one section per team"));
  t.add(Key("workforce.teams.<team>", K::kSection, "one team's posts, vacancies and caseload limits"));
  t.add(Key("workforce.teams.<team>.establishment_fte", K::kNumber, "funded posts")
            .unit("FTE")
            .range(kFte)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].establishment_fte; }));
  t.add(Key("workforce.teams.<team>.initial_vacancy_share", K::kProbability, "posts empty on start_date")
            .unit("share of posts")
            .fixed()
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].initial_vacancy_share; }));
  t.add(Key("workforce.teams.<team>.agency_cover_share", K::kProbability,
            "posts agency staff may cover in this team when above agency_target_share")
            .unit("share of posts")
            .optional("-1")
            .note("-1: agency_target_share applies")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].agency_cover_share; }));
  const std::vector<std::size_t> case_holding = {sim::index(sim::Team::kAssessment), sim::index(sim::Team::kHelpProtection),
                                                 sim::index(sim::Team::kChildrenInCare),
                                                 sim::index(sim::Team::kCareLeavers)};
  t.add(Key("workforce.teams.<team>.cap_cases", K::kNumber, "hard ceiling on a qualified worker's weighted caseload")
            .unit("weighted cases")
            .range(kCases)
            .members(case_holding)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].cap_cases; }));
  t.add(Key("workforce.teams.<team>.pace_cases", K::kNumber, "weighted caseload at which work goes at a normal pace")
            .unit("weighted cases")
            .range(kCases)
            .members(case_holding)
            .check(not_above("cap_cases"))
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].pace_cases; }));
  t.add(Key("workforce.teams.<team>.asye_cap_cases", K::kNumber, "protected caseload in a newly qualified worker's ASYE year")
            .unit("weighted cases")
            .range(kCases)
            .members(case_holding)
            .check(not_above("cap_cases"))
            .bind([](Target& x) -> auto& { return x.parameters.workforce.teams[x.member].asye_cap_cases; }));
  t.add(Key("workforce.staff", K::kSection, "one section per staff type"));
  t.add(Key("workforce.staff.<type>", K::kSection, "one staff type's turnover, cost and induction"));
  t.add(Key("workforce.staff.<type>.leave_rate_per_year", K::kNumber, "leavers a year per worker")
            .unit("per year")
            .range(kPerYear)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.staff[x.member].leave_rate_per_year; }));
  t.add(Key("workforce.staff.<type>.cost_gbp_per_year", K::kNumber, "cost of one FTE a year, on-costs included")
            .unit("GBP/FTE/year")
            .range(kGbpPerYear)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.staff[x.member].cost_gbp_per_year; }));
  t.add(Key("workforce.staff.<type>.induction_weeks", K::kNumber, "induction after starting")
            .unit("weeks")
            .range({0, 520})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.staff[x.member].induction_weeks; }));
  t.add(Key("workforce.staff.<type>.induction_capacity_share", K::kProbability, "share of the caseload cap during induction")
            .unit("share of cap")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.staff[x.member].induction_capacity_share; }));
  t.add(Key("workforce.agency_target_share", K::kProbability, "service-wide ceiling on agency staff")
            .unit("share of staff in post")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.agency_target_share; }));
  t.add(Key("workforce.initial_agency_share", K::kProbability, "agency staff on start_date")
            .unit("share of posts")
            .fixed()
            .bind([](Target& x) -> auto& { return x.parameters.workforce.initial_agency_share; }));
  t.add(Key("workforce.permanent_lead_time", K::kDistribution, "time from a vacancy to a permanent start (advert, offer, notice)")
            .unit("time")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.permanent_lead_time; }));
  t.add(Key("workforce.permanent_campaign_success_prob", K::kProbability, "recruitment campaigns that appoint")
            .unit("probability")
            .range({0, 1, true})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.permanent_campaign_success_prob; }));
  t.add(Key("workforce.agency_lead_time", K::kDistribution, "time to fill a post with an agency worker")
            .unit("time")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.agency_lead_time; }));
  t.add(Key("workforce.agency_notice_days", K::kNumber, "notice an agency worker is given on release")
            .unit("days")
            .range({0, 3650})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.agency_notice_days; }));
  t.add(Key("workforce.agency_to_permanent_per_year", K::kNumber, "agency workers who take a permanent post, per worker a year")
            .unit("per year")
            .range(kPerYear)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.agency_to_permanent_per_year; }));
  t.add(Key("workforce.asye_intake_month", K::kInteger, "calendar month newly qualified (ASYE) workers join")
            .unit("month (1 = January)")
            .range({1, 12})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.asye_intake_month; }));
  t.add(Key("workforce.asye_intake_count", K::kInteger, "ASYE workers joining each year, shared across teams by establishment")
            .unit("workers/year")
            .range({0, 100000})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.asye_intake_count; }));
  t.add(Key("workforce.asye_months", K::kInteger, "length of the ASYE year, with its protected caseload")
            .unit("months")
            .range({0, 120, true})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.asye_months; }));
  t.add(Key("workforce.sickness_share_by_month", K::kNumberList, "staff off sick by calendar month, January first")
            .unit("share of staff")
            .range({0, 1, false, true})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.sickness_share_by_month; }));
  t.add(Key("workforce.leaving_by_month", K::kNumberList, "each staff type's leaving rate by calendar month, January first")
            .unit("multiplier")
            .range({0, 12})
            .optional("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]")
            .note("mean 1, so the year's leavers stay leave_rate_per_year; all 1: no season")
            .check(averages_one())
            .bind([](Target& x) -> auto& { return x.parameters.workforce.leaving_by_month; }));
  t.add(Key("workforce.sickness_shocks", K::kShockList, "dated multipliers on sickness (multipliers.all scales it)")
            .optional("[]")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.sickness_shocks; }));
  t.add(Key("workforce.workload_shocks", K::kShockList,
            "dated periods of extra work per case (multipliers.all scales the time every case takes)")
            .optional("[]")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.workload_shocks; }));
  t.add(Key("workforce.allocation_stretch_queue_per_fte", K::kNumber,
            "cases waiting in a team, per worker in post, at which managers allocate up to cap_cases")
            .unit("cases/FTE")
            .range({0, 1000, true})
            .note("with nobody waiting, cases go only to workers under pace_cases; the ceiling rises in proportion to the queue")
            .bind([](Target& x) -> auto& { return x.parameters.workforce.allocation_stretch_queue_per_fte; }));
  t.add(Key("workforce.manager_span", K::kNumber, "workers per team manager")
            .unit("FTE/manager")
            .range({0, 1000, true})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.manager_span; }));
  t.add(Key("workforce.manager_cost_gbp_per_year", K::kNumber, "cost of one team manager a year, on-costs included")
            .unit("GBP/year")
            .range(kGbpPerYear)
            .bind([](Target& x) -> auto& { return x.parameters.workforce.manager_cost_gbp_per_year; }));
  t.add(Key("workforce.recruitment_cost_gbp_per_hire", K::kNumber, "cost of each permanent hire")
            .unit("GBP/hire")
            .range({0, 1e6})
            .bind([](Target& x) -> auto& { return x.parameters.workforce.recruitment_cost_gbp_per_hire; }));
  t.add(Key("workforce.case_weights", K::kSection, "relative time a case takes, by stage"));
  const std::vector<std::tuple<std::string, double sim::WorkforceParams::*, std::string>> weights = {
      {"assessment", &sim::WorkforceParams::weight_assessment, "an assessment"},
      {"s47", &sim::WorkforceParams::weight_s47, "an s47 enquiry"},
      {"cin", &sim::WorkforceParams::weight_cin, "a CIN plan"},
      {"cp", &sim::WorkforceParams::weight_cp, "a CP plan"},
      {"proceedings", &sim::WorkforceParams::weight_proceedings, "pre-proceedings and proceedings"},
      {"cla", &sim::WorkforceParams::weight_cla, "a child looked after"},
      {"care_leaver", &sim::WorkforceParams::weight_care_leaver, "a care leaver"}};
  for (const auto& [name, member, what] : weights)
    t.add(Key("workforce.case_weights." + name, K::kNumber, "weight of " + what + " in a caseload")
              .unit("weighted cases")
              .range({0, 100, true})
              .bind([member = member](Target& x) -> auto& { return x.parameters.workforce.*member; }));

  t.add(Key("costs", K::kSection, "placement costs (staff costs are under workforce)"));
  t.add(Key("costs.placement_gbp_per_week", K::kNamedMap, "cost of a week in each placement type")
            .unit("GBP/week")
            .range({0, 1e6})
            .names(placements)
            .bind([](Target& x) -> auto& { return x.parameters.costs.placement_gbp_per_week; }));
  return t.take();
}

}  // namespace

bool Range::contains(double value) const {
  if (min_open ? !(value > min) : !(value >= min)) return false;
  if (max_open ? !(value < max) : !(value <= max)) return false;
  return true;
}

bool Range::unbounded() const { return std::isinf(min) && std::isinf(max); }

std::string Range::text() const {
  const bool low = !std::isinf(min), high = !std::isinf(max);
  if (!low && !high) return "any";
  const std::string lo = (min_open ? "> " : ">= ") + message_number(min);
  const std::string hi = (max_open ? "< " : "<= ") + message_number(max);
  if (low && high && !min_open && !max_open) return message_number(min) + " to " + message_number(max);
  if (low && high) return lo + " and " + hi;
  return low ? lo : hi;
}

std::string Range::rule() const {
  const bool low = !std::isinf(min), high = !std::isinf(max);
  if (low && high && !min_open && !max_open) return "must be between " + message_number(min) + " and " + message_number(max);
  if (low && !high && min == 0) return min_open ? "must be greater than zero" : "must not be negative";
  std::string rule = "must be";
  if (low) rule += (min_open ? " greater than " : " at least ") + message_number(min);
  if (low && high) rule += " and";
  if (high) rule += (max_open ? " below " : " at most ") + message_number(max);
  return rule;
}

const std::vector<KeyDeclaration>& scenario_keys() {
  static const std::vector<KeyDeclaration> kKeys = declare();
  return kKeys;
}

const std::vector<KeyFamily>& key_families() {
  static const std::vector<KeyFamily> kFamilies = {{"<team>", names_of(sim::team_names())},
                                                   {"<type>", names_of(sim::staff_type_names())}};
  return kFamilies;
}

std::string ConcreteKey::name() const {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

std::string ConcreteKey::parent() const {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? std::string() : key.substr(0, dot);
}

const std::vector<ConcreteKey>& concrete_keys() {
  static const std::vector<ConcreteKey> kConcrete = [] {
    std::vector<ConcreteKey> out;
    for (const auto& d : scenario_keys()) {
      const KeyFamily* family = nullptr;
      std::size_t at = std::string::npos;
      for (const auto& f : key_families())
        if ((at = d.key.find(f.placeholder)) != std::string::npos) {
          family = &f;
          break;
        }
      if (!family) {
        out.push_back({d.key, &d, 0});
        continue;
      }
      for (std::size_t m = 0; m < family->names.size(); ++m) {
        if (!d.members.empty() && std::find(d.members.begin(), d.members.end(), m) == d.members.end()) continue;
        std::string key = d.key;
        key.replace(at, family->placeholder.size(), family->names[m]);
        out.push_back({key, &d, m});
      }
    }
    return out;
  }();
  return kConcrete;
}

const ConcreteKey* find_key(const std::string& dotted) {
  static const std::map<std::string, const ConcreteKey*> kByName = [] {
    std::map<std::string, const ConcreteKey*> out;
    for (const auto& k : concrete_keys()) out.emplace(k.key, &k);
    return out;
  }();
  const auto it = kByName.find(dotted);
  return it == kByName.end() ? nullptr : it->second;
}

std::string nearest_key(const std::string& dotted) {
  std::string best_key;
  std::size_t best = 4;
  for (const auto& k : concrete_keys())
    if (const std::size_t d = edit_distance(dotted, k.key); d < best) {
      best = d;
      best_key = k.key;
    }
  return best_key;
}

std::string type_name(KeyType type) {
  switch (type) {
    case KeyType::kSection: return "section";
    case KeyType::kText: return "text";
    case KeyType::kDate: return "date";
    case KeyType::kNumber: return "number";
    case KeyType::kInteger: return "integer";
    case KeyType::kProbability: return "probability";
    case KeyType::kNumberList: return "list of numbers";
    case KeyType::kNamedMap: return "named map";
    case KeyType::kShares: return "share group";
    case KeyType::kDistribution: return "distribution";
    case KeyType::kShockList: return "list of shocks";
    case KeyType::kHolidayList: return "list of holidays";
    case KeyType::kCareBandList: return "list of age bands";
    case KeyType::kChangeList: return "list of changes";
  }
  return "?";
}

}  // namespace caseflow::io
