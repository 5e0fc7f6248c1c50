#include "calibrate/markov_projection.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>

#include "models/markov/step_duration.h"
#include "sim/demand/demand.h"
#include "sim/durations.h"
#include "sim/engine/calendar.h"
#include "sim/stage_table.h"

namespace caseflow::calibrate {

namespace {

using models::markov::Compartment;
using models::markov::Destination;
using models::markov::InitialCohort;
using models::markov::kLeave;
using models::markov::StepPmf;
using sim::Distribution;
using sim::Stage;

// Durations are resolved to this many days (25 years): beyond any horizon, and long enough
// that the residual of a stage in progress at the start is normalised over its whole tail.
constexpr int kLongestDays = 9132;
constexpr int kLongestWorkingDays = 6000;

double days_per_unit(sim::TimeUnit unit) {
  switch (unit) {
    case sim::TimeUnit::kWeeks: return sim::kDaysPerWeek;
    case sim::TimeUnit::kMonths: return sim::kDaysPerMonth;
    default: return 1.0;
  }
}

// A duration without the tail beyond which less than 1e-12 of it is left: the convolutions
// run over a pmf's length, and what is dropped (never leaving) is far below any figure's
// precision.
StepPmf trimmed(StepPmf pmf) {
  double tail = 0;
  while (pmf.size() > 2 && tail + pmf.back() < 1e-12) {
    tail += pmf.back();
    pmf.pop_back();
  }
  return pmf;
}

// Whole working days, as the simulation counts them: ceil(D), the quantile read in working
// days (the s47 path's delays and the assessment's work are, whatever their unit); at least
// one, as the projection has no same-instant exits.
StepPmf whole_working_days(const Distribution& d) {
  StepPmf pmf(kLongestWorkingDays + 1, 0.0);
  double below = 0;
  for (int n = 0; n <= kLongestWorkingDays; ++n) {
    const double upto = std::max(below, d.cdf(n));
    pmf[static_cast<std::size_t>(std::max(n, 1))] += upto - below;
    below = upto;
  }
  return trimmed(std::move(pmf));
}

// A duration as the projection counts it: calendar days, or working days on the calendar.
struct Duration {
  StepPmf pmf;
  bool working_steps = false;
};

// A stage's duration as the simulation draws it (sim/durations.h): working days on the
// calendar, the other units at fixed lengths rounded to the nearest day. Where the
// projection needs calendar days (care, with its age limit), working days are read at the
// calendar's mean rate, 365.25 / 253 days each.
Duration stage_duration(const Distribution& d, bool working_days_allowed = true) {
  if (d.unit == sim::TimeUnit::kWorkingDays && working_days_allowed) return {whole_working_days(d), true};
  const double unit = d.unit == sim::TimeUnit::kWorkingDays ? sim::kDaysPerYear / 253.0 : days_per_unit(d.unit);
  return {trimmed(models::markov::rounded_pmf([&](double x) { return d.cdf(x / unit); }, kLongestDays)), false};
}

// Exits of `count` in progress at the start, by the equilibrium residual of their duration:
// the simulation's warm start draws them from the length-biased duration with a uniform
// elapsed part (sim/distribution.h, in_progress), whose time left is this residual.
std::vector<double> residual_exits(double count, const StepPmf& duration, int days) {
  const StepPmf r = models::markov::equilibrium_residual(duration);
  std::vector<double> exits(static_cast<std::size_t>(days), 0.0);
  for (std::size_t t = 1; t < exits.size() && t < r.size(); ++t) exits[t] = count * r[t];
  return exits;
}
// Exits of `count` leaving whole working days after the start by `wd`: at the n-th working
// day after day 0, as the simulation schedules work from the start (Calendar::add_working_days).
std::vector<double> working_day_exits(double count, const StepPmf& wd, const engine::Calendar& calendar, int days) {
  std::vector<double> exits(static_cast<std::size_t>(days), 0.0);
  for (std::size_t n = 1; n < wd.size(); ++n) {
    const int t = calendar.add_working_days(0, static_cast<int>(n));
    if (t >= days) break;
    exits[static_cast<std::size_t>(t)] += count * wd[n];
  }
  return exits;
}
// Exits due on a day that is not a working day wait for the next one (a returning child's
// contact waits for the front door).
std::vector<double> on_working_days(std::vector<double> exits, const engine::Calendar& calendar) {
  double waiting = 0;
  for (std::size_t t = 0; t < exits.size(); ++t) {
    waiting += exits[t];
    exits[t] = 0;
    if (calendar.is_working_day(static_cast<int>(t))) std::swap(exits[t], waiting);
  }
  return exits;
}

// P(age <= a years) for an age profile, linear within its bands; ages above `cap` are at it.
double age_cdf(const sim::AgeProfile& age, double a, double cap) {
  if (a >= cap) return 1.0;
  double cumulative = 0;
  for (std::size_t b = 0; b < age.probs.size(); ++b) {
    const double lo = age.band_edges_years[b], hi = age.band_edges_years[b + 1];
    if (a < hi) return cumulative + (a > lo ? age.probs[b] * (a - lo) / (hi - lo) : 0.0);
    cumulative += age.probs[b];
  }
  return 1.0;
}

// The age families of children entering the model (models/markov/cohort_projection.h).
constexpr int kReferralAges = 0, kUniformAges = 1;

// Destinations with their shares, merged by compartment.
using Mix = std::map<int, double>;
void add_to(Mix& into, const Mix& from, double weight) {
  if (weight == 0) return;
  for (const auto& [c, share] : from) into[c] += weight * share;
}
Mix only(int compartment) { return Mix{{compartment, 1.0}}; }
std::vector<Destination> destinations(const Mix& mix) {
  std::vector<Destination> to;
  for (const auto& [c, share] : mix)
    if (c != kLeave && share > 0) to.push_back({c, share});
  return to;
}

// The compartments of one history flag: children who have had a CP plan (flag 1) reach a
// strategy discussion more often (referral.repeat_harm_multiplier), so the journey up to care
// runs twice, once for each flag; a CP plan moves a child to flag 1.
struct Flagged {
  int single = 0, strategy_only = 0, s47 = 0, icpc = 0;           // assessments after a referral
  int step_up_s47 = 0, step_up_icpc = 0, step_up_strategy = 0;    // step-ups from CIN
  int cin = 0, pre_proceedings = 0, proceedings = 0, returns = 0;
  std::vector<int> cla_home;  // by band of age at entry into care
};

// The bands of age at entry into care (sim::Care::by_age_at_entry), or one band for all.
std::size_t care_bands(const sim::Care& care) { return std::max<std::size_t>(1, care.by_age_at_entry.size()); }

class Builder {
 public:
  explicit Builder(const sim::Scenario& scenario)
      : scenario_(scenario),
        p_(&scenario.epochs.front().parameters),
        table_(*scenario.stages),
        calendar_(scenario.start_date, 5, scenario.horizon_months / 12 + 30),
        days_(static_cast<int>(calendar_.month_start_time(scenario.horizon_months))) {}

  MarkovModel build();

 private:
  int add(const std::string& name, Stage stage, Duration duration) {
    Compartment c;
    c.name = name;
    c.group = stage == Stage::kNone ? -1 : static_cast<int>(sim::stage_index(stage)) - 1;
    c.duration = std::move(duration.pmf);
    c.counts_working_steps = duration.working_steps;
    model_.network.compartments.push_back(std::move(c));
    return static_cast<int>(model_.network.compartments.size()) - 1;
  }
  Compartment& at(int c) { return model_.network.compartments[static_cast<std::size_t>(c)]; }
  const sim::StageRoute& route(Stage s) const { return p_->routes[sim::stage_index(s)]; }

  // Where children go at each decision, by flag.
  Mix close_with_return(int f) const {
    return Mix{{flag_[f].returns, p_->returns.after_closure_prob}};
  }
  // Every band's compartments are sent the whole flow by its band's shares and keep the part
  // whose age at entry is in the band (models/markov: AgeLimit's entry window).
  Mix care_entry(int f) const {
    Mix m;
    for (std::size_t b = 0; b < care_bands(p_->care); ++b) {
      const sim::CareExits& c = p_->care.exits_of_band(b);
      add_to(m, Mix{{flag_[f].cla_home[b], c.exit_home}, {cla_sgo_[b], c.exit_sgo}, {cla_adoption_[b], c.exit_adoption},
                    {cla_other_[b], c.exit_other}},
             1.0);
    }
    return m;
  }
  Mix enter(Stage s, int f) const {
    switch (s) {
      case Stage::kCin: return only(flag_[f].cin);
      case Stage::kCp: return only(cp_);
      case Stage::kPreProceedings: return only(flag_[f].pre_proceedings);
      case Stage::kProceedings: return only(flag_[f].proceedings);
      case Stage::kCla: return care_entry(f);
      default: throw std::invalid_argument("markov projection: an outcome enters a stage it cannot");
    }
  }
  // A stage's outcomes from the stage table and the scenario's shares.
  Mix outcomes(Stage s, int f) const {
    Mix m;
    const auto& spec = table_[s];
    const auto& shares = route(s).outcome_shares;
    for (std::size_t k = 0; k < spec.outcomes.size(); ++k) {
      const auto& o = spec.outcomes[k];
      switch (o.route) {
        case sim::Route::kEnter: add_to(m, enter(o.next, f), shares[k]); break;
        case sim::Route::kClose: add_to(m, close_with_return(f), shares[k]); break;
        case sim::Route::kCloseForGood: break;
        case sim::Route::kStepUp: add_to(m, step_up(f), shares[k]); break;
      }
    }
    return m;
  }
  Mix step_up(int f) const {
    const auto& r = p_->referral;
    Mix m;
    add_to(m, only(flag_[f].step_up_icpc), r.s47_prob * r.icpc_prob);
    add_to(m, only(flag_[f].step_up_s47), r.s47_prob * (1 - r.icpc_prob));
    add_to(m, only(flag_[f].step_up_strategy), 1 - r.s47_prob);
    return m;
  }
  Mix referral(int f) const {
    const auto& r = p_->referral;
    const double harm = std::min(1.0, r.strategy_discussion_prob * (f == 1 ? r.repeat_harm_multiplier : 1.0));
    Mix m;
    add_to(m, close_with_return(f), r.nfa_prob);
    const double assessed = 1 - r.nfa_prob;
    add_to(m, only(flag_[f].icpc), assessed * harm * r.s47_prob * r.icpc_prob);
    add_to(m, only(flag_[f].s47), assessed * harm * r.s47_prob * (1 - r.icpc_prob));
    add_to(m, only(flag_[f].strategy_only), assessed * harm * (1 - r.s47_prob));
    add_to(m, only(flag_[f].single), assessed * (1 - harm));
    return m;
  }
  Mix at_icpc(int f) const {
    Mix m;
    add_to(m, only(cp_), p_->referral.cp_plan_prob);
    add_to(m, outcomes(Stage::kAssessment, f), 1 - p_->referral.cp_plan_prob);
    return m;
  }
  Mix new_child(const Mix& flag0, const Mix& flag1) const {
    Mix m;
    add_to(m, flag0, 1 - p_->referral.prior_cp_plan_prob);
    add_to(m, flag1, p_->referral.prior_cp_plan_prob);
    return m;
  }
  // Occupancy at the start that leaves by `exits`, routed as the compartment's exits of a kind
  // are when they leave (by default those after a short stay), or by `to`.
  void add_initial(int c, double count, std::vector<double> exits,
                   models::markov::RoutedAs as = models::markov::RoutedAs::kShortStay) {
    if (count > 0) at(c).initial.push_back({.count = count, .exits = std::move(exits), .routed_as = as});
  }
  void add_initial(int c, double count, std::vector<double> exits, const std::vector<Destination>& to) {
    if (count > 0) at(c).initial.push_back({.count = count, .exits = std::move(exits), .to = to});
  }
  void route_all();  // every compartment's routing by the period *p_
  bool durations_or_ages_change() const;
  void add_routing_changes();
  void add_initial_cla();
  void add_inflows();

  const sim::Scenario& scenario_;
  const sim::Parameters* p_;  // the period whose rules are being read (the start's but while dated changes are read)
  const sim::StageTable& table_;
  engine::Calendar calendar_;
  int days_;
  MarkovModel model_;
  std::array<Flagged, 2> flag_{};
  int min_stay_ = 0;  // days in care that make a care leaver
  int cp_ = 0, uasc_ = 0, cla_start_ = 0, leaver_to_21_ = 0, leaver_to_25_ = 0;
  std::vector<int> cla_sgo_, cla_adoption_, cla_other_;            // by band of age at entry
  std::vector<std::array<StepPmf, 4>> cla_route_days_;              // by band: home, sgo, adoption, other
};

MarkovModel Builder::build() {
  if (table_.size() != sim::kStandardStages)
    throw std::invalid_argument("markov projection: the stage table has stages added to the standard one");
  model_.network.groups = table_.group_labels();
  model_.days = days_;
  for (int d = 0; d < days_; ++d) model_.network.working.push_back(calendar_.is_working_day(d) ? 1 : 0);
  for (int m = 0; m < scenario_.horizon_months; ++m)
  {
    model_.month_starts.push_back(std::max(0, static_cast<int>(calendar_.month_start_time(m))));
    model_.month_labels.push_back(engine::to_year_month(calendar_.month_start(m)));
  }

  const auto& r = p_->referral;
  const auto& care = p_->care;
  // The s47 path in whole working days, added up before they meet the calendar.
  const StepPmf work = whole_working_days(route(Stage::kAssessment).duration);
  const StepPmf strategy = whole_working_days(r.strategy_delay), s47 = whole_working_days(r.s47_duration),
                icpc = whole_working_days(r.icpc_delay);
  using models::markov::max_pmf;
  using models::markov::sum_pmf;
  const Duration strategy_then_s47{sum_pmf(strategy, s47, kLongestWorkingDays), true};
  const Duration strategy_then_icpc{sum_pmf(strategy, icpc, kLongestWorkingDays), true};
  // A returning child's contact is seen on the day after the return falls due (floor(due) +
  // 1, sim/journey/due_returns.h: half a day later than rounding on average), and waits for
  // the front door's next working day.
  const Distribution& delay = p_->returns.delay;
  const double delay_unit =
      delay.unit == sim::TimeUnit::kWorkingDays ? sim::kDaysPerYear / 253.0 : days_per_unit(delay.unit);
  const Duration returns_days{
      models::markov::rounded_pmf([&](double x) { return delay.cdf((x - 0.5) / delay_unit); }, kLongestDays)};

  const char* flag_name[2] = {"", " (past CP plan)"};
  for (int f = 0; f < 2; ++f) {
    const std::string tag = flag_name[f];
    Flagged& g = flag_[static_cast<std::size_t>(f)];
    g.single = add("assessment" + tag, Stage::kAssessment, {work, true});
    g.strategy_only =
        add("assessment, strategy discussion without s47" + tag, Stage::kAssessment, {max_pmf(strategy, work), true});
    g.s47 = add("assessment, s47 without ICPC" + tag, Stage::kAssessment, strategy_then_s47);
    g.icpc = add("assessment, s47 to ICPC" + tag, Stage::kAssessment, strategy_then_icpc);
    g.step_up_s47 = add("step-up s47 without ICPC" + tag, Stage::kAssessment, strategy_then_s47);
    g.step_up_icpc = add("step-up s47 to ICPC" + tag, Stage::kAssessment, strategy_then_icpc);
    g.step_up_strategy = add("step-up strategy discussion without s47" + tag, Stage::kAssessment, {strategy, true});
    g.cin = add("cin" + tag, Stage::kCin, stage_duration(route(Stage::kCin).duration));
    g.pre_proceedings =
        add("pre_proceedings" + tag, Stage::kPreProceedings, stage_duration(route(Stage::kPreProceedings).duration));
    g.proceedings = add("proceedings" + tag, Stage::kProceedings, stage_duration(route(Stage::kProceedings).duration));
    g.returns = add("returns due" + tag, Stage::kNone, returns_days);
    at(g.returns).exits_wait_for_working = true;
  }
  cp_ = add("cp", Stage::kCp, stage_duration(route(Stage::kCp).duration));
  // Care by exit route, and by band of age at entry when the scenario has bands: each band's
  // compartments take the entries of its ages (their entry window below).
  const std::size_t bands = care_bands(care);
  std::vector<int> care_compartments;
  for (std::size_t b = 0; b < bands; ++b) {
    const sim::CareExits& exits = care.exits_of_band(b);
    const Distribution* routes[4] = {&exits.duration_home, &exits.duration_sgo, &exits.duration_adoption, &exits.duration_other};
    auto& days = cla_route_days_.emplace_back();
    for (int k = 0; k < 4; ++k) days[static_cast<std::size_t>(k)] = stage_duration(*routes[k], false).pmf;
    std::string band;
    if (!care.by_age_at_entry.empty()) {
      char text[48];
      std::snprintf(text, sizeof text, " (entered aged %g-%g)", care.by_age_at_entry[b].from_age_years, care.by_age_at_entry[b].to_age_years);
      band = text;
    }
    flag_[0].cla_home.push_back(add("cla, leaving home" + band, Stage::kCla, {days[0]}));
    flag_[1].cla_home.push_back(add("cla, leaving home (past CP plan)" + band, Stage::kCla, {days[0]}));
    cla_sgo_.push_back(add("cla, leaving on an SGO" + band, Stage::kCla, {days[1]}));
    cla_adoption_.push_back(add("cla, leaving by adoption" + band, Stage::kCla, {days[2]}));
    cla_other_.push_back(add("cla, leaving otherwise" + band, Stage::kCla, {days[3]}));
    for (int c : {flag_[0].cla_home.back(), flag_[1].cla_home.back(), cla_sgo_.back(), cla_adoption_.back(), cla_other_.back()}) {
      care_compartments.push_back(c);
      if (care.by_age_at_entry.empty()) continue;
      // The simulation puts ages below 0 in the first band and 18 or over in the last.
      if (b > 0) at(c).age_limit.entry_from = care.by_age_at_entry[b].from_age_years * sim::kDaysPerYear;
      if (b + 1 < bands) at(c).age_limit.entry_to = care.by_age_at_entry[b].to_age_years * sim::kDaysPerYear;
    }
  }
  // UASC arrive aged 16 to 18 (uniform, sim/model.cpp) and stay until 18.
  uasc_ = add("cla, UASC", Stage::kCla,
              {trimmed(models::markov::rounded_pmf(
                  [](double x) { return std::clamp((x / sim::kDaysPerYear - 0.01) / 1.99, 0.0, 1.0); }, kLongestDays))});
  cla_start_ = add("cla at the start", Stage::kCla, {StepPmf{0.0}});
  const double years_to_21 = p_->care_leavers.support_to_age - 18.0;
  leaver_to_21_ = add("care leavers", Stage::kCareLeaver,
                      {models::markov::fixed_pmf(static_cast<int>(std::lround(years_to_21 * sim::kDaysPerYear)))});
  leaver_to_25_ = add("care leavers supported to 25", Stage::kCareLeaver,
                      {models::markov::fixed_pmf(static_cast<int>(std::lround(7.0 * sim::kDaysPerYear)))});

  // Ages on entering the model (sim/journey/front_door.cpp): a first contact referred at once
  // has an age from referral_age (at most 17.9), one turned away who will come back a uniform
  // age under 17.9 (age family 1). The warm start's children have referral ages.
  std::vector<std::vector<double>> entry_age_cdfs(2);
  for (int d = 0; d <= static_cast<int>(18 * sim::kDaysPerYear) + 2; ++d) {
    const double years = d / sim::kDaysPerYear;
    entry_age_cdfs[kReferralAges].push_back(age_cdf(p_->referral_age, years, 17.9));
    entry_age_cdfs[kUniformAges].push_back(std::min(1.0, years / 17.9));
  }
  model_.network.age_families = 2;
  for (int c : care_compartments) {
    at(c).has_age_limit = true;
    at(c).age_limit.entry_age_cdfs = entry_age_cdfs;
    at(c).age_limit.limit = 18.0 * sim::kDaysPerYear;
  }
  min_stay_ = static_cast<int>(std::lround(care.care_leaver_min_weeks * sim::kDaysPerWeek));
  route_all();
  add_routing_changes();

  // The warm start (sim/journey/initial_stock.cpp).
  const auto& init = scenario_.initial;
  const double prior = r.prior_cp_plan_prob;
  const double flag_share[2] = {1 - prior, prior};
  {
    const double s47_share = std::min(1.0, r.strategy_discussion_prob) * r.s47_prob;
    const double to_icpc = s47_share * r.icpc_prob * (r.strategy_delay.mean() + r.icpc_delay.mean());
    const double to_s47_end = s47_share * (1 - r.icpc_prob) * (r.strategy_delay.mean() + r.s47_duration.mean());
    const double to_work_end = (1 - s47_share) * route(Stage::kAssessment).duration.mean();
    const double all = to_icpc + to_s47_end + to_work_end;
    // The enquiries in progress run their whole drawn delay from the start (their strategy
    // discussion is placed in the past only for the clocks); the single assessments have
    // their work's residual left.
    const StepPmf work_left = models::markov::equilibrium_residual(work);
    for (int f = 0; f < 2; ++f) {
      const Flagged& g = flag_[static_cast<std::size_t>(f)];
      const double n = init.assessments * flag_share[f];
      const double n_icpc = n * to_icpc / all, n_s47 = n * to_s47_end / all, n_work = n * to_work_end / all;
      add_initial(g.icpc, n_icpc, working_day_exits(n_icpc, icpc, calendar_, days_));
      add_initial(g.s47, n_s47, working_day_exits(n_s47, s47, calendar_, days_));
      add_initial(g.single, n_work, working_day_exits(n_work, work_left, calendar_, days_));
      const struct {
        int compartment, count;
      } in_progress[] = {{g.cin, init.cin_plans}, {g.pre_proceedings, init.pre_proceedings},
                         {g.proceedings, init.proceedings}, {g.returns, init.returns_due}};
      for (const auto& s : in_progress) {
        const double count = s.count * flag_share[f];
        std::vector<double> exits = residual_exits(count, at(s.compartment).duration, days_);
        if (at(s.compartment).exits_wait_for_working) exits = on_working_days(std::move(exits), calendar_);
        add_initial(s.compartment, count, std::move(exits));
      }
    }
    add_initial(cp_, init.cp_plans, residual_exits(init.cp_plans, at(cp_).duration, days_));
  }
  add_initial_cla();
  {
    // Care leavers: ages spread evenly over each group's years of support.
    const double extend = p_->care_leavers.extend_to_25_prob;
    const double extended = extend > 0 ? extend * 7.0 / (extend * 7.0 + (1 - extend) * years_to_21) : 0.0;
    for (const auto& [c, count] : {std::pair{leaver_to_21_, init.care_leavers * (1 - extended)},
                                   std::pair{leaver_to_25_, init.care_leavers * extended}}) {
      const int span = static_cast<int>(at(c).duration.size()) - 1;
      std::vector<double> exits(static_cast<std::size_t>(days_), 0.0);
      for (int t = 1; t < days_ && t <= span; ++t) exits[static_cast<std::size_t>(t)] = count / span;
      add_initial(c, count, exits, {});
    }
  }
  add_inflows();
  return std::move(model_);
}

void Builder::route_all() {
  // Care leavers qualify after min_stay_ days in care (the start's: a cohort's stays are split
  // when it enters care), supported to 21 or, with extend_to_25_prob, to 25.
  const double extend = p_->care_leavers.extend_to_25_prob;
  const models::markov::Routing at_18 = {.to = {}, .long_from = min_stay_,
                                         .to_long = {{leaver_to_21_, 1 - extend}, {leaver_to_25_, extend}}};
  for (int f = 0; f < 2; ++f) {
    const Flagged& g = flag_[static_cast<std::size_t>(f)];
    const auto assessment = destinations(outcomes(Stage::kAssessment, f));
    at(g.single).routing.to = assessment;
    at(g.strategy_only).routing.to = assessment;
    at(g.s47).routing.to = assessment;
    at(g.icpc).routing.to = destinations(at_icpc(f));
    // A step-up that did not reach an ICPC returns to CIN; one without an s47 ends at the
    // strategy discussion and routes by the assessment's outcomes (sim/journey/routing.cpp).
    at(g.step_up_s47).routing.to = destinations(only(g.cin));
    at(g.step_up_icpc).routing.to = destinations(at_icpc(f));
    at(g.step_up_strategy).routing.to = assessment;
    at(g.cin).routing.to = destinations(outcomes(Stage::kCin, f));
    at(g.pre_proceedings).routing.to = destinations(outcomes(Stage::kPreProceedings, f));
    at(g.proceedings).routing.to = destinations(outcomes(Stage::kProceedings, f));
    Mix back;  // a returning child's contact: referred, or closed and perhaps back again
    add_to(back, referral(f), p_->returns.referral_prob);
    add_to(back, only(g.returns), (1 - p_->returns.referral_prob) * p_->returns.after_front_door_prob);
    at(g.returns).routing.to = destinations(back);
    for (int c : g.cla_home) {
      at(c).routing.to = destinations(close_with_return(f));
      at(c).age_limit.routing = at_18;
    }
  }
  at(cp_).routing.to = destinations(outcomes(Stage::kCp, 1));
  for (const auto* by_band : {&cla_sgo_, &cla_adoption_, &cla_other_})
    for (int c : *by_band) at(c).age_limit.routing = at_18;
  // The care stock at the start: those who go home may come back (new children of either
  // history); at 18, care leavers as above.
  at(cla_start_).routing.to = destinations(new_child(close_with_return(0), close_with_return(1)));
  at(cla_start_).age_limit.routing = at_18;
  at(uasc_).routing = at_18;
}

bool same(const models::markov::Routing& a, const models::markov::Routing& b) {
  auto same_to = [](const std::vector<Destination>& x, const std::vector<Destination>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i].compartment != y[i].compartment || x[i].share != y[i].share) return false;
    return true;
  };
  return a.long_from == b.long_from && same_to(a.to, b.to) && same_to(a.to_long, b.to_long);
}

void Builder::add_routing_changes() {
  // Each later period's routing (its shares, at the day it starts), where it differs from the
  // one in force: the simulation routes a child by the shares of the day the stage ends.
  auto& all = model_.network.compartments;
  for (std::size_t e = 1; e < scenario_.epochs.size(); ++e) {
    const int from = calendar_.day_of(scenario_.epochs[e].from);
    if (from <= 0 || from >= days_) continue;
    std::vector<std::pair<models::markov::Routing, models::markov::Routing>> start;
    for (const Compartment& c : all) start.emplace_back(c.routing, c.age_limit.routing);
    p_ = &scenario_.epochs[e].parameters;
    route_all();
    for (std::size_t i = 0; i < all.size(); ++i) {
      Compartment& c = all[i];
      const bool changed_before = !c.routing_changes.empty();
      const auto& in_force = changed_before ? c.routing_changes.back().routing : start[i].first;
      const auto& in_force_limit = changed_before ? c.routing_changes.back().at_age_limit : start[i].second;
      if (!same(c.routing, in_force) || !same(c.age_limit.routing, in_force_limit))
        c.routing_changes.push_back({from, c.routing, c.age_limit.routing});
      c.routing = start[i].first;
      c.age_limit.routing = start[i].second;
    }
  }
  p_ = &scenario_.epochs.front().parameters;
}

bool same(const Distribution& a, const Distribution& b) {
  return a.kind == b.kind && a.unit == b.unit && a.value == b.value && a.p90 == b.p90 && a.sigma == b.sigma &&
         a.upper == b.upper && a.probs == b.probs && a.tail_mean == b.tail_mean;
}

bool Builder::durations_or_ages_change() const {
  const sim::Parameters& p0 = scenario_.epochs.front().parameters;
  for (const auto& e : scenario_.epochs) {
    const sim::Parameters& p = e.parameters;
    for (std::size_t s = 1; s < p.routes.size(); ++s)
      if (!same(p.routes[s].duration, p0.routes[s].duration)) return true;
    const auto& r = p.referral;
    const auto& c = p.care;
    for (std::size_t b = 0; b < care_bands(c); ++b) {
      const sim::CareExits& x = c.exits_of_band(b);
      const sim::CareExits& x0 = p0.care.exits_of_band(b);
      if (!same(x.duration_home, x0.duration_home) || !same(x.duration_sgo, x0.duration_sgo) ||
          !same(x.duration_adoption, x0.duration_adoption) || !same(x.duration_other, x0.duration_other))
        return true;
    }
    if (!same(r.strategy_delay, p0.referral.strategy_delay) || !same(r.s47_duration, p0.referral.s47_duration) ||
        !same(r.icpc_delay, p0.referral.icpc_delay) || !same(p.returns.delay, p0.returns.delay) ||
        !same(c.duration_home, p0.care.duration_home) || !same(c.duration_sgo, p0.care.duration_sgo) ||
        !same(c.duration_adoption, p0.care.duration_adoption) || !same(c.duration_other, p0.care.duration_other) ||
        c.care_leaver_min_weeks != p0.care.care_leaver_min_weeks ||
        p.care_leavers.support_to_age != p0.care_leavers.support_to_age ||
        p.referral_age.band_edges_years != p0.referral_age.band_edges_years ||
        p.referral_age.probs != p0.referral_age.probs)
      return true;
  }
  return false;
}

void Builder::add_initial_cla() {
  // Children in care at the start: an exit route by the exit shares, the time left from the
  // route's equilibrium residual, an age from initial_stock.cla_age (under 18); they leave by
  // the route or at 18, whichever comes first, and become care leavers at 18 if in care 13
  // weeks by then (the elapsed part counts). Worked out here as exit schedules: the model's
  // age limit is for entries after the start. With bands of age at entry, a counted child
  // takes the band of its age at the start (sim/journey/initial_stock.cpp): each band's
  // children have the ages of cla_age within the band, and the band's routes.
  const double n_all = scenario_.initial.cla;
  if (n_all <= 0) return;
  const auto& care = p_->care;
  const int horizon = static_cast<int>(18 * sim::kDaysPerYear) + 2;  // every child is 18 by then
  // P(age <= a) of the children in care at the start: ages within their band, at most 18 less a day.
  const double top = 18.0 - 1.0 / sim::kDaysPerYear;
  auto age_at_most = [&](double a) { return age_cdf(scenario_.initial.cla_age, a, top); };
  std::vector<double> route_exits[4], eligible(static_cast<std::size_t>(horizon), 0.0), ineligible = eligible;
  for (auto& r : route_exits) r.assign(static_cast<std::size_t>(horizon), 0.0);
  for (std::size_t b = 0; b < care_bands(care); ++b) {
    // The band's ages now: [lo, hi) (the first band takes every age below, the last every age above).
    const bool banded = !care.by_age_at_entry.empty();
    const double lo_cdf = banded && b > 0 ? age_at_most(care.by_age_at_entry[b].from_age_years) : 0.0;
    const double hi_cdf = banded && b + 1 < care_bands(care) ? age_at_most(care.by_age_at_entry[b].to_age_years) : 1.0;
    if (hi_cdf <= lo_cdf) continue;
    const double n = n_all * (hi_cdf - lo_cdf);
    // P(time to 18 in days <= y) within the band.
    auto to_18_at_most = [&](double y) {
      return 1.0 - (std::clamp(age_at_most(18.0 - y / sim::kDaysPerYear), lo_cdf, hi_cdf) - lo_cdf) / (hi_cdf - lo_cdf);
    };
    const sim::CareExits& exits = care.exits_of_band(b);
    const double shares[4] = {exits.exit_home, exits.exit_sgo, exits.exit_adoption, exits.exit_other};
    for (int k = 0; k < 4; ++k) {
      const StepPmf& d = cla_route_days_[b][static_cast<std::size_t>(k)];
      const std::vector<double> s = models::markov::survival_of(d);
      const StepPmf residual = models::markov::equilibrium_residual(d);
      const std::vector<double> residual_survival = models::markov::survival_of(residual);
      // tail[x] = sum over m >= x of P(duration > m): the weight of (elapsed >= c, left >= t) is tail[c + t - 1].
      std::vector<double> tail(s.size() + 1, 0.0);
      for (std::size_t m = s.size(); m-- > 0;) tail[m] = tail[m + 1] + s[m];
      auto tail_at = [&](int x) { return x < static_cast<int>(tail.size()) ? tail[static_cast<std::size_t>(x)] : 0.0; };
      for (int t = 1; t < horizon; ++t) {
        const auto ut = static_cast<std::size_t>(t);
        const double left_before = ut - 1 < residual_survival.size() ? residual_survival[ut - 1] : 0.0;  // P(left >= t)
        const double by_route = ut < residual.size() ? residual[ut] : 0.0;
        route_exits[k][ut] += n * shares[k] * by_route * (1 - to_18_at_most(t + 0.5));
        const double at_18 = n * shares[k] * left_before *
                             (to_18_at_most(t + 0.5) - (t == 1 ? 0.0 : to_18_at_most(t - 0.5)));
        const double denominator = tail_at(t - 1);
        const double long_enough = denominator > 0 ? tail_at(std::max(0, min_stay_ - t) + t - 1) / denominator : 1.0;
        eligible[ut] += at_18 * long_enough;
        ineligible[ut] += at_18 * (1 - long_enough);
      }
    }
  }
  using models::markov::RoutedAs;
  auto add = [&](std::vector<double> exits, RoutedAs as) {
    double count = 0;
    for (double x : exits) count += x;
    exits.resize(static_cast<std::size_t>(days_), 0.0);
    if (as == RoutedAs::kOwnDestinations)
      add_initial(cla_start_, count, std::move(exits), {});  // out of the model
    else
      add_initial(cla_start_, count, std::move(exits), as);
  };
  add(route_exits[0], RoutedAs::kShortStay);  // home, and perhaps back
  for (int k = 1; k < 4; ++k) add(route_exits[k], RoutedAs::kOwnDestinations);
  add(eligible, RoutedAs::kAgeLimitLongStay);
  add(ineligible, RoutedAs::kOwnDestinations);
}

void Builder::add_inflows() {
  sim::DemandModel demand(calendar_, scenario_.horizon_months);
  for (const auto& e : scenario_.epochs) demand.prepare(e.parameters.demand);
  // A first contact, by the rules of the day's period: referred (a new child, with a CP plan
  // before the model with prior_cp_plan_prob), or not, and then back later with
  // after_front_door_prob.
  std::vector<std::array<Mix, 2>> first_contact;  // by period: by age family
  for (const auto& e : scenario_.epochs) {
    p_ = &e.parameters;
    std::array<Mix, 2> mix;
    add_to(mix[kReferralAges], new_child(referral(0), referral(1)), p_->front_door.referral_prob);
    add_to(mix[kUniformAges], new_child(only(flag_[0].returns), only(flag_[1].returns)),
           (1 - p_->front_door.referral_prob) * p_->returns.after_front_door_prob);
    first_contact.push_back(std::move(mix));
  }
  p_ = &scenario_.epochs.front().parameters;
  std::map<std::pair<int, int>, std::vector<double>> entries;  // by (compartment, age family): per day
  std::vector<double> uasc(static_cast<std::size_t>(days_), 0.0);
  std::size_t epoch = 0;
  for (int d = 0; d < days_; ++d) {
    while (epoch + 1 < scenario_.epochs.size() && calendar_.day_of(scenario_.epochs[epoch + 1].from) <= d) ++epoch;
    const sim::Demand& dm = scenario_.epochs[epoch].parameters.demand;
    double contacts = 0;
    for (std::size_t s = 0; s < sim::kSources; ++s) contacts += demand.intensity(dm, static_cast<sim::Source>(s), d);
    uasc[static_cast<std::size_t>(d)] = demand.uasc_per_day(dm, d);
    for (int family : {kReferralAges, kUniformAges})
      for (const auto& [c, share] : first_contact[epoch][static_cast<std::size_t>(family)]) {
        if (c == kLeave) continue;
        auto& per_day = entries[{c, family}];
        if (per_day.empty()) per_day.assign(static_cast<std::size_t>(days_), 0.0);
        per_day[static_cast<std::size_t>(d)] += contacts * share;
      }
  }
  for (auto& [key, per_day] : entries) model_.inflows.push_back({key.first, std::move(per_day), key.second});
  model_.inflows.push_back({uasc_, uasc});
  // What follows the dated changes and shocks, and what does not.
  if (durations_or_ages_change())
    model_.not_carried.push_back(
        "dated changes of durations, ages, or who qualifies as a care leaver: the projection keeps the start's "
        "(shares and demand follow every change)");
  bool holds = false;
  for (const auto& e : scenario_.epochs)
    for (const auto& shock : e.parameters.demand.shocks) {
      for (double m : shock.multiplier) holds = holds || m < 1.0;
      for (double x : shock.entries) holds = holds || x < 1.0;
    }
  if (holds)
    model_.not_carried.push_back(
        "shocks: first contacts and UASC arrivals are thinned as in the simulation; returning children's contacts and "
        "entries into stages that a shock holds back are not deferred");
}

}  // namespace

MarkovModel build_markov_model(const sim::Scenario& scenario) {
  if (!scenario.stages || scenario.epochs.empty()) throw std::invalid_argument("markov projection: the scenario has no stage table or parameters");
  // Its routes into care are shares of the stage, with no age at routing to scale them by.
  for (const auto& epoch : scenario.epochs)
    if (epoch.parameters.care.entry_by_age_in_force())
      throw std::invalid_argument("care.entry_by_age: the Markov projection has no age at routing, so it cannot take entries into care by age");
  return Builder(scenario).build();
}

MarkovProjection project_markov(const sim::Scenario& scenario) {
  const MarkovModel model = build_markov_model(scenario);
  const auto projection = models::markov::project(model.network, model.inflows, model.days);
  const auto series = models::markov::by_group_and_period(model.network, projection, model.month_starts);
  MarkovProjection out;
  out.stages = model.network.groups;
  out.months = model.month_labels;
  out.stock = series.stock;
  out.starts = series.starts;
  out.ends = series.ends;
  out.not_carried = model.not_carried;
  return out;
}

}  // namespace caseflow::calibrate
