#include "calibrate/estimates.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "calibrate/care_exits.h"
#include "calibrate/care_placements_by_age.h"
#include "calibrate/duration_fit.h"
#include "calibrate/leaving_season.h"
#include "calibrate/legal_stage_split.h"
#include "calibrate/school_terms_fit.h"
#include "calibrate/share_estimate.h"
#include "calibrate/yaml_text.h"
#include "io/returns/dates.h"
#include "io/returns/oc3_scope.h"
#include "io/user_error.h"
#include "models/forecast/forecaster.h"
#include "sim/durations.h"
#include "sim/stage_table.h"

using caseflow::sim::Distribution;

namespace caseflow::calibrate {
namespace {

constexpr long long kMinCount = 20;  // below this many cases a share or duration is not estimated

std::string years_text(const std::vector<int>& years) {
  if (years.empty()) return "none";
  const auto [lo, hi] = std::minmax_element(years.begin(), years.end());
  return *lo == *hi ? std::to_string(*lo) : std::to_string(*lo) + "-" + std::to_string(*hi);
}

std::string interval_text(const ShareEstimate& e) {
  return count_text(e.k) + " of " + count_text(e.n) + ", 95% " + number_text(e.low, 3) + "-" + number_text(e.high, 3);
}

class Estimator {
 public:
  explicit Estimator(const CalibrationInput& in)
      : in_(in), o_(in.observed), p_(in.defaults.epochs.front().parameters) {
    cin_ = "CIN census " + years_text(in.history.cin_years);
    lac_ = "SSDA903 " + years_text(in.history.ssda903_years);
    window_ = returns::format_iso(o_.first_day) + " to " + returns::format_iso(o_.as_of);
  }

  CouncilEstimates run() {
    header();
    demand();
    referral();
    stages();
    care();
    if (has_903()) {
      placements_by_age();
      write_care_bands();
    }
    ages();
    returns_();
    initial_stock();
    workforce();
    return std::move(out_);
  }

 private:
  void set(const std::string& key, std::string yaml, std::string comment, std::optional<ShareEstimate> share = std::nullopt) {
    out_.keys[key] = {std::move(yaml), std::move(comment), {}, share};
  }
  void defaulted(const std::string& key, const std::string& why) { out_.defaulted.push_back(key + ": " + why); }
  bool has_cin() const { return !in_.history.cin_years.empty(); }
  bool has_903() const { return !in_.history.ssda903_years.empty(); }
  double years() const { return o_.months / 12.0; }

  void header() {
    out_.header.push_back("Calibrated by `caseflow calibrate " + in_.returns_dir + "` from the council's returns: " + cin_ + ", " + lac_ +
                          ", CSWW " + years_text(in_.history.csww_years) + ".");
    out_.header.push_back("Window: referrals, spells and care periods starting " + window_ + " (" + std::to_string(o_.months) +
                          " whole months); spells open at the as-of date are censored there (Kaplan-Meier).");
    out_.header.push_back("Defaults for what the returns cannot give: " + in_.defaults_path + " (\"default, not estimated\").");
    out_.header.push_back("Every estimate is explained in docs/calibration.md.");
  }

  // A share group from outcome counts, in the stage table's order; nullopt-like false when
  // too few cases.
  bool shares(const std::string& key, const std::vector<std::string>& names, const std::map<std::string, long long>& counts,
              const std::string& what, const std::map<std::string, std::string>& notes = {}) {
    long long n = 0;
    for (const auto& name : names) n += counts.contains(name) ? counts.at(name) : 0;
    if (n < kMinCount) {
      defaulted(key, "too few " + what + " (" + count_text(n) + ")");
      return false;
    }
    KeyEstimate k;
    k.comment = what + " (" + count_text(n) + ", " + cin_ + (key.starts_with("care") ? ", " + lac_ : "") + ", " + window_ + ")";
    double written = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const long long c = counts.contains(names[i]) ? counts.at(names[i]) : 0;
      const auto e = estimate_share(c, n);
      double value = std::stod(share_text(e.share));
      if (i + 1 == names.size()) value = std::max(0.0, std::stod(share_text(1.0 - written)));
      written += value;
      std::string comment = interval_text(e);
      if (notes.contains(names[i])) comment += "; " + notes.at(names[i]);
      k.entries.push_back({names[i], share_text(value), comment, e});
    }
    out_.keys[key] = std::move(k);
    return true;
  }

  std::vector<std::string> outcome_names(sim::Stage s) const {
    std::vector<std::string> names;
    for (const auto& o : sim::StageTable::standard()->operator[](s).outcomes) names.push_back(o.name);
    return names;
  }

  void duration(const std::string& key, const std::vector<Spell>& spells, sim::TimeUnit unit, const std::string& what,
                const std::string& source) {
    const auto fit = fit_duration(KaplanMeier(spells), unit, what);
    if (!fit.fitted) {
      defaulted(key, fit.note);
      return;
    }
    set(key, fit.yaml, fit.note + " (" + source + ", " + window_ + ")");
    out_.keys[key].source = "(" + source + ", " + window_ + ")";
  }

  // The front door's referral share, from the council's contact counts where it gave them,
  // else the defaults'. In the model the share applies to first contacts; a returning child's
  // contact is referred with returns.referral_prob, and a first contact not referred may come
  // back (after_front_door_prob, a) and be referred then (r). Over the window's last year,
  // with K = contacts less the closed cases' returning contacts (re-referrals / r):
  //   K = first contacts x (1 + (1 - p) a)        (first contacts, and those coming back)
  //   first referrals = first contacts x (p + (1 - p) a r)
  // which solve to p = (F (1 + a) - K a r) / (K (1 - a r) + F a).
  // The rest of the contacts are shared between NFA and early help as the defaults share them.
  double front_door() {
    const auto& counts = in_.contacts_by_month;
    if (counts.empty()) {
      defaulted("front_door.outcomes", "no contact counts given (--contacts): the defaults' referral share " +
                                           number_text(p_.front_door.referral_prob, 3) + " stands");
      return p_.front_door.referral_prob;
    }
    double contacts = 0, referrals = 0;
    int months = 0;
    const int first = o_.first_month_year * 12 + o_.first_month - 1;
    for (int m = std::max(0, o_.months - o_.first_referral_months); m < o_.months; ++m)
      if (const auto it = counts.find(first + m); it != counts.end()) {
        contacts += it->second;
        referrals += o_.referrals_by_month[static_cast<std::size_t>(m)];
        ++months;
      }
    double first_referrals = 0;
    for (double f : o_.first_referrals_by_source) first_referrals += f;
    if (months < o_.first_referral_months) {
      throw io::UserError(in_.contacts_path, 0, 0, "needs a count for every month of the window's last year (" + std::to_string(o_.first_referral_months) +
                                                       " months to " + returns::format_iso(o_.as_of) + "); found " + std::to_string(months));
    }
    const double a = p_.returns.after_front_door_prob, r = p_.returns.referral_prob;
    const double k_contacts = contacts - (referrals - first_referrals) / r;
    const double p = (first_referrals * (1 + a) - k_contacts * a * r) / (k_contacts * (1 - a * r) + first_referrals * a);
    if (!(p > 0 && p < 1))
      throw io::UserError(in_.contacts_path, 0, 0, "the contact counts (" + count_text(static_cast<long long>(contacts)) + " in " + std::to_string(months) +
                                                       " months) do not fit the referrals (" + count_text(static_cast<long long>(referrals)) +
                                                       "): fewer contacts than the referrals they must have made");
    const double nfa = p_.front_door.nfa_prob, early_help = p_.front_door.early_help_prob;
    const double ref = std::stod(share_text(p)), nfa_share = std::stod(share_text((1 - ref) * nfa / (nfa + early_help)));
    KeyEstimate k;
    k.comment = "from " + count_text(static_cast<long long>(contacts)) + " contacts and " + count_text(static_cast<long long>(referrals)) +
                " referrals (" + count_text(static_cast<long long>(first_referrals)) + " first) in " + std::to_string(months) + " months (" +
                in_.contacts_path + ", " + cin_ + "), returning contacts taken out (docs/calibration.md)";
    k.entries.push_back({"referral", share_text(ref), "of first contacts, at the front door (returning contacts and later referrals taken out)"});
    k.entries.push_back({"nfa", share_text(nfa_share), "the rest shared as the defaults' nfa:early_help"});
    k.entries.push_back({"early_help", share_text(std::stod(share_text(1 - ref - nfa_share))), "the rest"});
    out_.keys["front_door.outcomes"] = std::move(k);
    return ref;
  }

  void demand() {
    if (!has_cin()) {
      defaulted("demand", "no CIN census: referrals unknown");
      return;
    }
    // The referral series, fitted with the forecast model (models/forecast: negative binomial
    // with a trend, a free effect for each calendar month, and the Covid shocks as
    // interventions where the window holds them): its trend, its seasonal profile, and its
    // level at the start date with the season and shocks taken out.
    namespace fc = models::forecast;
    const fc::MonthlySeries series{{o_.first_month_year, o_.first_month}, o_.referrals_by_month};
    if (o_.months < 24) {
      defaulted("demand", "fewer than 24 whole months of referrals: the trend and season cannot be told apart");
      return;
    }
    const fc::FittedSeries fit(series, {6, fc::covid_interventions()}, fc::Family::negative_binomial);
    const fc::YearMonth start = fit.last_month().plus_months(1);
    const double b = fit.glm().beta(fc::Design::trend_column), se = fit.glm().standard_errors(fc::Design::trend_column);
    const std::string model = "negative binomial fit of " + std::to_string(o_.months) + " months of referrals (" + count_text(o_.referrals) +
                              ", " + cin_ + ", models/forecast)";
    const std::string interval = "95% " + number_text(100 * (std::exp(b - 1.959964 * se) - 1), 3) + " to " +
                                 number_text(100 * (std::exp(b + 1.959964 * se) - 1), 3);
    // The trend is carried only when its interval excludes 0. Three years of a flat series
    // give a fitted trend of a percent a year either way by chance; carried forward it grows
    // the demand every year of the run, and extrapolated to the start date it lifts the level
    // too (on the demo council: +0.76% a year, 95% -1.1 to +2.7, on a flat truth: referrals
    // 3.4% high by the third year). Without a trend the level is the fitted line's mean over
    // the window, which is the series' mean level with the season and shocks taken out.
    const bool trend_carried = b - 1.959964 * se > 0 || b + 1.959964 * se < 0;
    double level = 0;
    if (trend_carried) {
      level = fit.deseasonalised_level(start);
      set("demand.trend_pct_per_year", number_text(fit.trend_pct_per_year(), 3), "referrals' trend; " + interval + "; " + model);
    } else {
      level = mean_level(fit);
      set("demand.trend_pct_per_year", "0",
          "none carried: the referrals' fitted trend, " + number_text(fit.trend_pct_per_year(), 3) + "% a year (" + interval +
              "), is not told apart from 0; " + model);
    }
    const double front_door_share = front_door();
    const double referral_share = front_door_share + (1 - front_door_share) * p_.returns.after_front_door_prob * p_.returns.referral_prob;
    front_door_share_ = front_door_share;
    if (!demand_by_source(fit, trend_carried, referral_share, model)) demand_as_one_series(fit, level, trend_carried, referral_share, model);
    if (has_903())
      set("demand.uasc_per_year", number_text(static_cast<double>(o_.uasc_care_starts) / std::max(years(), 1e-9), 4),
          count_text(o_.uasc_care_starts) + " UASC care starts over " + number_text(years(), 3) + " years (" + lac_ + ")");
  }

  // First contacts: a level's share of first referrals (children with no earlier referral in
  // the returns, over the window's last year), by source, over the referrals a first contact
  // makes: at the front door (the default referral share), or later when a contact not
  // referred comes back (returns.after_front_door_prob) and is then referred.
  struct SourceGroup {
    double level = 0;  // referrals a month
    double first_share = 0;
    std::vector<std::size_t> sources;
  };
  static double sum_last(const std::vector<double>& months, int last) {
    double sum = 0;
    for (int m = std::max(0, static_cast<int>(months.size()) - last); m < static_cast<int>(months.size()); ++m) sum += months[static_cast<std::size_t>(m)];
    return sum;
  }
  void write_contacts(const std::vector<SourceGroup>& groups, double referral_share, std::string comment) {
    KeyEstimate k;
    k.comment = std::move(comment) + ", / " + number_text(referral_share, 3) +
                " referrals a first contact makes (the front-door referral share, and contacts not referred that come back and are)";
    referrals_per_month_ = first_contacts_per_month_ = 0;
    std::vector<KeyEstimate::Entry> entries(sim::kSources);
    for (const SourceGroup& g : groups) {
      double first_in_group = 0;
      for (std::size_t s : g.sources) first_in_group += o_.first_referrals_by_source[s];
      referrals_per_month_ += g.level;
      for (std::size_t s : g.sources) {
        const double source_share = first_in_group > 0 ? o_.first_referrals_by_source[s] / first_in_group : 0;
        const double per_month = g.level * g.first_share * source_share;
        first_contacts_per_month_ += per_month / referral_share;
        entries[s] = {sim::source_names()[s], number_text(per_month / referral_share, 4),
                      number_text(per_month, 4) + " first referrals a month (" + percent_text(source_share) +
                          (groups.size() > 1 ? " of the group's)" : " of them)")};
      }
    }
    k.entries = std::move(entries);
    out_.keys["demand.contacts_per_month"] = std::move(k);
  }
  static std::string profile_yaml(const std::array<double, 12>& profile) {
    std::string yaml = "[";  // January first, as the scenario format has it
    for (std::size_t i = 0; i < 12; ++i) yaml += (i ? ", " : "") + number_text(profile[i], 3);
    return yaml + "]";
  }
  static double mean_level(const models::forecast::FittedSeries& fit) {
    double level = 0;
    for (int m = 0; m < fit.months(); ++m) level += fit.deseasonalised_level(fit.first_month().plus_months(m)) / fit.months();
    return level;
  }

  // Every source one series: one profile for all, and the term calendar emptied (the
  // council's referrals already hold its school holidays). Used when schools' or the other
  // sources' referrals are too few to fit alone.
  void demand_as_one_series(const models::forecast::FittedSeries& fit, double level, bool trend_carried, double referral_share,
                            const std::string& model) {
    double first_total = 0;
    for (std::size_t s = 0; s < sim::kSources; ++s) first_total += o_.first_referrals_by_source[s];
    const double recent_total = sum_last(o_.referrals_by_month, o_.first_referral_months);
    SourceGroup all{level, recent_total > 0 ? first_total / recent_total : 0, {}};
    for (std::size_t s = 0; s < sim::kSources; ++s) all.sources.push_back(s);
    write_contacts({all}, referral_share,
                   std::string(trend_carried ? "the series' level at the start date, " : "the series' mean level over the window (no trend carried), ") +
                       number_text(level, 4) + " referrals a month, x " + percent_text(all.first_share) +
                       " first referrals (no earlier referral of the child in the returns, the window's last " +
                       std::to_string(o_.first_referral_months) + " months), shared by their sources");
    const std::string yaml = profile_yaml(fit.seasonal_profile());
    set("demand.monthly_profile", yaml, "the fit's month-of-year effects, January first, mean 1; " + model);
    set("demand.schools_monthly_profile", yaml,
        "as monthly_profile: the council's referrals already hold its school holidays (the term calendar below is left empty)");
  }

  // Schools apart from the other sources (issue 12: referrals by source; school terms where
  // identifiable): the other sources' series gets its own season (monthly_profile); schools
  // are read against the term calendar (calibrate/school_terms_fit.h), or get a season of
  // their own when the calendar does not explain them better (BIC). The trend stays the one
  // of all referrals: each group's mean level over the window, carried to the start date by
  // it when it is carried. False, having written only a warning, when either group has fewer
  // than kMinFirstReferralsAMonth first referrals a month.
  bool demand_by_source(const models::forecast::FittedSeries& all, bool trend_carried, double referral_share, const std::string& model) {
    namespace fc = models::forecast;
    constexpr double kMinFirstReferralsAMonth = 5;  // assumption: below it a month's season is mostly noise
    const std::size_t schools = sim::index(sim::Source::kSchools);
    const std::size_t months = o_.referrals_by_month.size();
    std::vector<double> other(months), other_first(months);
    double schools_first_total = 0, other_first_total = 0;
    for (std::size_t m = 0; m < months; ++m) {
      other[m] = o_.referrals_by_month[m] - o_.schools_referrals_by_month[m];
      other_first[m] = o_.first_referrals_by_month[m] - o_.schools_first_referrals_by_month[m];
      schools_first_total += o_.schools_first_referrals_by_month[m], other_first_total += other_first[m];
    }
    if (schools_first_total < kMinFirstReferralsAMonth * o_.months || other_first_total < kMinFirstReferralsAMonth * o_.months) {
      out_.warnings.push_back("demand: first referrals from schools (" + count_text(static_cast<long long>(schools_first_total)) +
                              ") or from the other sources (" + count_text(static_cast<long long>(other_first_total)) + ") are fewer than " +
                              number_text(kMinFirstReferralsAMonth, 2) + " a month: one season for every source, and no term calendar");
      return false;
    }
    const fc::YearMonth first{o_.first_month_year, o_.first_month}, start = all.last_month().plus_months(1);
    const double b = all.glm().beta(fc::Design::trend_column);
    const double years_to_start = (fc::months_between(first, start) - (o_.months - 1) / 2.0) / 12.0;
    const double carried = trend_carried ? std::exp(b * years_to_start) : 1.0;
    const std::string carried_text = trend_carried ? ", carried to the start date by the trend (x " + number_text(carried, 4) + ")" : "";
    const fc::ModelSpec spec{6, fc::covid_interventions()};
    const std::string months_text = std::to_string(o_.months) + " months";

    // Each group's level: all its referrals (the returning children's too), season and shocks
    // taken out. Its season: its first referrals', since the model's returning children do not
    // follow the season of first contacts (their sources follow the day's mix).
    const double other_level = mean_level(fc::FittedSeries({first, other}, spec, fc::Family::negative_binomial));
    const double schools_level = mean_level(fc::FittedSeries({first, o_.schools_referrals_by_month}, spec, fc::Family::negative_binomial));
    const fc::FittedSeries other_season({first, other_first}, spec, fc::Family::negative_binomial);
    set("demand.monthly_profile", profile_yaml(other_season.seasonal_profile()),
        "every source but schools: the month-of-year effects of a negative binomial fit of their first referrals (" +
            count_text(static_cast<long long>(other_first_total)) + " over " + months_text + ", " + cin_ + ", models/forecast), January first, mean 1");

    const fc::MonthlySeries schools_first{first, o_.schools_first_referrals_by_month};
    const sim::SchoolTerms calendar = calendar_for_window(p_.demand.school_terms, first, o_.months);
    const SchoolTermsFit terms = fit_school_terms(schools_first, term_exposures(calendar, p_.demand.weekday_profile, first, o_.months), spec);
    const std::string schools_n = count_text(static_cast<long long>(schools_first_total)) + " first referrals from schools over " + months_text;
    const std::string bic = "BIC " + number_text(terms.bic_calendar, 4) + " with the term calendar against " + number_text(terms.bic_free_season, 4) +
                            " with a free season (quasi-Poisson, dispersion " + number_text(terms.dispersion, 3) + ")";
    if (terms.calendar_preferred()) {
      std::array<double, 12> flat;
      flat.fill(1.0 / terms.mean_term_factor);
      set("demand.schools_monthly_profile", profile_yaml(flat),
          "flat: the term calendar makes the schools' season; 1 / the mean term factor of the window's months (" + number_text(terms.mean_term_factor, 4) +
              "), so contacts_per_month.schools is the mean month's; " + bic);
      auto interval = [](const Multiplier& m) { return "95% " + number_text(m.low, 3) + " to " + number_text(m.high, 3); };
      set("demand.school_terms.holiday_multiplier", number_text(terms.holiday.value, 3),
          "schools' first referrals on a holiday's working days over a term day's: " + interval(terms.holiday) + " (" + schools_n + ", " + cin_ +
              ", against the holidays below)");
      if (terms.end_of_term_estimated)
        set("demand.school_terms.end_of_term_multiplier", number_text(terms.end_of_term.value, 3),
            "on the last end_of_term_days working days of a term: " + interval(terms.end_of_term) + " (the same fit; months, not days, so a wide interval)");
      KeyEstimate holidays;
      holidays.comment = "the term dates the fit read the window against: the defaults' (" + in_.defaults_path +
                         ", the typical English rule where they list none); a council's own dates are better (docs/calibration.md)";
      for (const auto& h : calendar.holidays)
        holidays.entries.push_back({"", "{from: " + returns::format_iso(engine::days_from_civil(h.from)) + ", to: " +
                                            returns::format_iso(engine::days_from_civil(h.to)) + "}", ""});
      out_.keys["demand.school_terms.holidays"] = std::move(holidays);
      set("demand.school_terms.outside_listed", "typical_english_rule", "the horizon's years by the rule of docs/model.md, School terms");
    } else {
      const fc::FittedSeries schools_season(schools_first, spec, fc::Family::negative_binomial);
      set("demand.schools_monthly_profile", profile_yaml(schools_season.seasonal_profile()),
          "schools: the month-of-year effects of a negative binomial fit of their first referrals (" + schools_n +
              "), January first, mean 1; the term calendar does not explain them better, so it is left empty: " + bic);
    }
    const double recent_schools = sum_last(o_.schools_referrals_by_month, o_.first_referral_months);
    const double recent_other = sum_last(o_.referrals_by_month, o_.first_referral_months) - recent_schools;
    double first_other = 0;
    for (std::size_t s = 0; s < sim::kSources; ++s)
      if (s != schools) first_other += o_.first_referrals_by_source[s];
    SourceGroup school_group{schools_level * carried, recent_schools > 0 ? o_.first_referrals_by_source[schools] / recent_schools : 0, {schools}};
    SourceGroup other_group{other_level * carried, recent_other > 0 ? first_other / recent_other : 0, {}};
    for (std::size_t s = 0; s < sim::kSources; ++s)
      if (s != schools) other_group.sources.push_back(s);
    write_contacts({school_group, other_group}, referral_share,
                   "schools and the other sources apart: each group's mean referrals a month over the window, season and shocks taken out" + carried_text +
                       ", x its share of first referrals (no earlier referral of the child in the returns, the window's last " +
                       std::to_string(o_.first_referral_months) + " months): schools " + number_text(school_group.level, 4) + " a month x " +
                       percent_text(school_group.first_share) + ", every other source " + number_text(other_group.level, 4) + " a month x " +
                       percent_text(other_group.first_share) + " shared by their first referrals; the trend as " + model);
    return true;
  }

  void referral() {
    if (!has_cin()) return;
    const auto nfa = estimate_share(o_.referrals_nfa, o_.referrals);
    if (nfa.n >= kMinCount) set("referral.nfa_prob", number_text(nfa.share, 4), "referrals with ReferralNFA: " + interval_text(nfa) + " (" + cin_ + ")", nfa);
    // The returns record s47 enquiries, not strategy discussions: the share of referrals with
    // an s47 enquiry is the product of the two, split with the default s47 share.
    const auto s47 = estimate_share(o_.referrals_with_s47, o_.referrals);
    if (s47.n >= kMinCount) {
      const double strategy = std::min(1.0, s47.share / p_.referral.s47_prob);
      set("referral.strategy_discussion_prob", number_text(strategy, 4),
          "referrals with an s47 enquiry before any plan (" + interval_text(s47) + ") / the default s47_prob " +
              number_text(p_.referral.s47_prob, 3) + " (strategy discussions are not in the returns; " + cin_ + ")");
    }
    const auto icpc = estimate_share(o_.icpcs, o_.s47s);
    if (icpc.n >= kMinCount) set("referral.icpc_prob", number_text(icpc.share, 4), "s47 enquiries with an ICPC: " + interval_text(icpc) + " (" + cin_ + ")", icpc);
    else defaulted("referral.icpc_prob", "too few s47 enquiries");
    const auto cp = estimate_share(o_.cp_plans_after_icpc, o_.icpcs);
    if (cp.n >= kMinCount) set("referral.cp_plan_prob", number_text(cp.share, 4), "ICPCs followed by a CP plan within " + std::to_string(kLinkDays) + " days: " + interval_text(cp) + " (" + cin_ + ")", cp);
    else defaulted("referral.cp_plan_prob", "too few ICPCs");
    duration("referral.icpc_delay", o_.icpc_delay_wd, sim::TimeUnit::kWorkingDays, "s47 enquiries to their ICPC", cin_);
  }

  void stages() {
    if (!has_cin()) return;
    duration("assessment.duration", o_.assessment_wd, sim::TimeUnit::kWorkingDays, "assessments", cin_);
    duration("cin_plan.duration", o_.cin_plan_days, sim::TimeUnit::kDays, "CIN plans", cin_);
    duration("cp_plan.duration", o_.cp_plan_days, sim::TimeUnit::kDays, "CP plans", cin_);

    // Assessments closed with RC8 before RC9 existed (2022-23) are not-in-need or early help:
    // shared in the proportion of the years that tell them apart, else the defaults'.
    auto assessment = o_.assessment_outcomes;
    const auto names = outcome_names(sim::Stage::kAssessment);
    double nfa_share = 0;
    std::string split_note;
    if (o_.not_in_need_closures + o_.early_help_closures > 0) {
      nfa_share = static_cast<double>(o_.not_in_need_closures) / static_cast<double>(o_.not_in_need_closures + o_.early_help_closures);
      split_note = "RC8 closures before 2023 shared as the later years' RC8:RC9";
    } else {
      const auto& shares = p_.routes[sim::stage_index(sim::Stage::kAssessment)].outcome_shares;
      nfa_share = shares[0] / (shares[0] + shares[1]);
      split_note = "RC8 closures shared as the defaults' nfa:early_help";
    }
    const long long unknown = o_.assessments_in_need_unknown;
    const auto to_nfa = static_cast<long long>(std::llround(static_cast<double>(unknown) * nfa_share));
    assessment["nfa"] += to_nfa;
    assessment["early_help"] += unknown - to_nfa;
    shares("assessment.outcomes", names, assessment, "assessments completed, by what followed",
           unknown ? std::map<std::string, std::string>{{"nfa", split_note + " (" + count_text(unknown) + ")"}} : std::map<std::string, std::string>{});

    // CIN plans: `close` and `step_down` both close the case in the returns: split as the defaults.
    auto cin = o_.cin_plan_outcomes;
    const auto cin_names = outcome_names(sim::Stage::kCin);
    const auto& cin_default = p_.routes[sim::stage_index(sim::Stage::kCin)].outcome_shares;
    std::map<std::string, double> cin_d;
    for (std::size_t i = 0; i < cin_names.size(); ++i) cin_d[cin_names[i]] = cin_default[i];
    if (cin.contains("close") && cin_d.contains("step_down")) {
      const long long closed = cin["close"];
      const auto down = static_cast<long long>(std::llround(static_cast<double>(closed) * cin_d["step_down"] / (cin_d["step_down"] + cin_d["close"])));
      cin["step_down"] = down;
      cin["close"] = closed - down;
    }
    shares("cin_plan.outcomes", cin_names, cin, "CIN plans ended, by what followed",
           {{"step_down", "closures shared between close and step_down as the defaults (the returns do not tell them apart)"},
            {"pre_proceedings", "referral left open with no visible next step (PLO is not in the returns)"}});
    shares("cp_plan.outcomes", outcome_names(sim::Stage::kCp), o_.cp_plan_outcomes, "CP plans ended, by what followed",
           {{"pre_proceedings", "referral left open with no visible next step (PLO is not in the returns)"}});
  }

  void care() {
    if (!has_903()) {
      defaulted("care", "no SSDA903: care is not estimated");
      return;
    }
    // Placement at the start of each period of care.
    long long starts = 0;
    for (double c : o_.care_starts_by_placement) starts += static_cast<long long>(c);
    std::map<std::string, long long> placement_counts;
    std::vector<std::string> placement_names;
    for (std::size_t i = 0; i < sim::kPlacements; ++i) {
      placement_names.push_back(sim::placement_names()[i]);
      placement_counts[sim::placement_names()[i]] = static_cast<long long>(o_.care_starts_by_placement[i]);
    }
    if (shares("care.placement_shares", placement_names, placement_counts, "first placements of care periods (not UASC)") &&
        o_.care_starts_unmapped_placement > 0)
      out_.keys["care.placement_shares"].comment += "; " + count_text(o_.care_starts_unmapped_placement) + " placements of other types left out";
    if (o_.care_years > 1)
      set("care.placement_moves_per_year", number_text(static_cast<double>(o_.placement_moves) / o_.care_years, 3),
          count_text(o_.placement_moves) + " placement changes in " + number_text(o_.care_years, 4) + " years looked after (" + lac_ + ")");

    // Exit routes before 18 and the time to each, fitted together (calibrate/care_exits.h):
    // most periods are still open or end at 18, and those are the long ones.
    std::vector<CarePeriodObservation> periods;
    std::vector<double> ages;  // on entering care, by period; -1 without a date of birth
    long long ended = 0;
    for (const auto& p : o_.care_periods) {
      if (p.uasc) continue;
      int route = -1;
      for (std::size_t r = 0; r < kCareRoutes; ++r)
        if (p.spell.ended && p.exit == kCareRouteNames[r]) route = static_cast<int>(r);
      periods.push_back({p.spell.length, route});
      ages.push_back(p.age_years);
      ended += route >= 0;
    }
    if (ended < kMinCount) {
      defaulted("care.exits_before_18", "too few periods of care ended before 18 (" + count_text(ended) + ")");
      defaulted("care.duration_by_exit", "as care.exits_before_18");
      return;
    }
    const CareExitFit fit = fit_care_exits(periods);
    if (!fit.converged || !fit.intervals) {
      defaulted("care.exits_before_18", "the routes and durations could not be fitted (no convergence or a flat likelihood)");
      defaulted("care.duration_by_exit", "as care.exits_before_18");
      return;
    }
    const std::string source = " (" + lac_ + ", periods begun " + window_ + ", not UASC)";
    KeyEstimate exits;
    exits.comment = "maximum likelihood over " + count_text(fit.periods) + " periods of care, " + count_text(fit.periods - fit.censored) +
                    " ended before 18, the rest open or cut at 18 (competing lognormal routes)" + source;
    double written = 0;
    for (std::size_t r = 0; r < kCareRoutes; ++r) {
      const auto& f = fit.routes[r];
      double value = std::stod(share_text(f.share));
      if (r + 1 == kCareRoutes) value = std::max(0.0, std::stod(share_text(1.0 - written)));
      written += value;
      ShareEstimate e{f.share, f.share_low, f.share_high, f.ended, fit.periods};
      exits.entries.push_back({kCareRouteNames[r], share_text(value),
                               count_text(f.ended) + " ended by this route; 95% " + number_text(f.share_low, 3) + "-" + number_text(f.share_high, 3), e});
      set(std::string("care.duration_by_exit.") + kCareRouteNames[r],
          "{dist: lognormal, median_days: " + number_text(f.median_days, 4) + ", p90_days: " + number_text(f.p90_days, 4) + "}",
          "median 95% " + number_text(f.median_low, 4) + "-" + number_text(f.median_high, 4) + " days, p90 " + number_text(f.p90_low, 4) + "-" +
              number_text(f.p90_high, 4) + ", from " + count_text(f.ended) + " periods ended by this route and the censored rest" + source);
    }
    out_.keys["care.exits_before_18"] = std::move(exits);
    care_by_age(periods, ages, fit, source);
  }

  // The same fit within bands of age at entry into care (care.by_age_at_entry): DfE's bands at
  // entry (under 1, 1-4, 5-9, 10-15, 16 and over). A band with fewer than kMinCount periods
  // ended before 18 by a route, or whose fit fails, is pooled with the neighbour that has
  // fewer (a warning says so): 20 is the floor of every estimate here, and below it a band's
  // route shares have intervals wider than 0.4. Within a band, a route with fewer than
  // kMinRouteEnded periods ended by it keeps the all-ages fit's duration and only its share is
  // fitted: a lognormal's two parameters from fewer than 10 lengths, among censored
  // competitors, swing by factors of several. (Fitting its median with the all-ages spread was
  // tried: the sparse routes' medians ran to 6-10 years to hold the periods still open, and
  // the round trip's children looked after came out +11.8% where this gives +0.8%.) A route
  // no period of the band ended by has share 0 (its likelihood is highest there) and the
  // all-ages duration.
  void care_by_age(const std::vector<CarePeriodObservation>& periods, const std::vector<double>& ages, const CareExitFit& pooled,
                   const std::string& source) {
    constexpr long long kMinRouteEnded = 10;
    std::vector<double> edges = {0, 1, 5, 10, 16, 18};
    const auto band_of = [&](double age) {
      std::size_t b = 0;
      while (b + 2 < edges.size() && age >= edges[b + 1]) ++b;
      return b;
    };
    std::vector<std::string> pooled_notes;
    auto merge = [&](std::size_t b, const std::vector<long long>& ended, const std::string& why) {
      // With the neighbour that has fewer periods ended: the smaller merge loses least detail.
      const bool up = b == 0 || (b + 2 < edges.size() && ended[b + 1] < ended[b - 1]);
      const std::size_t lo = up ? b : b - 1;
      pooled_notes.push_back(number_text(edges[b], 3) + "-" + number_text(edges[b + 1], 3) + " pooled with " +
                             number_text(edges[up ? b + 1 : b - 1], 3) + "-" + number_text(edges[up ? b + 2 : b], 3) + " (" + why + ")");
      edges.erase(edges.begin() + static_cast<std::ptrdiff_t>(lo + 1));
    };
    std::vector<CareBandEstimate> bands;
    std::string lr_note;
    while (edges.size() > 2) {
      std::vector<std::vector<CarePeriodObservation>> by_band(edges.size() - 1);
      std::vector<long long> ended(edges.size() - 1, 0);
      for (std::size_t i = 0; i < periods.size(); ++i) {
        if (ages[i] < 0) continue;  // no date of birth: in the all-ages fit only
        const std::size_t b = band_of(ages[i]);
        by_band[b].push_back(periods[i]);
        ended[b] += periods[i].route >= 0;
      }
      const auto fewest = static_cast<std::size_t>(std::min_element(ended.begin(), ended.end()) - ended.begin());
      if (ended[fewest] < kMinCount) {
        merge(fewest, ended, count_text(ended[fewest]) + " periods ended before 18");
        continue;
      }
      bands.clear();
      std::size_t failed = by_band.size();
      for (std::size_t b = 0; b < by_band.size() && failed == by_band.size(); ++b) {
        std::array<std::optional<GivenDuration>, kCareRoutes> given;
        std::array<long long, kCareRoutes> route_ended{};
        for (const auto& p : by_band[b])
          if (p.route >= 0) route_ended[static_cast<std::size_t>(p.route)] += 1;
        for (std::size_t r = 0; r < kCareRoutes; ++r)
          if (route_ended[r] < kMinRouteEnded) given[r] = GivenDuration{pooled.routes[r].median_days, pooled.routes[r].p90_days};
        CareBandEstimate e{edges[b], edges[b + 1], fit_care_exits(by_band[b], given)};
        if (!e.fit.converged || !e.fit.intervals) failed = b;
        bands.push_back(e);
      }
      if (failed == by_band.size()) break;
      merge(failed, ended, "its fit did not converge or its likelihood was flat");
    }
    // Bands only where they explain the periods better than one set of exits for every age,
    // by the Bayesian information criterion against the all-ages fit of the same periods: the
    // log-likelihood gain must exceed (extra parameters / 2) x ln(periods). A chi-square test
    // at 5% was tried first: it admitted bands on the baseline's 2019-22 window (33.6 on 16
    // degrees of freedom, 5% point 26.3), whose truth has one set of exits for every age (the
    // test's asymptotics fail where shares sit at 0 and durations are borrowed), and those
    // noisier fits lifted the back-test's children looked after from a MAPE of 4.8% to 6.6%.
    // The different round-trip scenario's bands pass with room (207 on 18, penalty 123).
    if (edges.size() > 2) {
      std::vector<CarePeriodObservation> dated;
      for (std::size_t i = 0; i < periods.size(); ++i)
        if (ages[i] >= 0) dated.push_back(periods[i]);
      const CareExitFit one = fit_care_exits(dated);
      double banded_ll = 0;
      std::size_t banded_parameters = 0;
      for (const auto& b : bands) banded_ll += b.fit.log_likelihood, banded_parameters += b.fit.parameters;
      const double statistic = 2 * (banded_ll - one.log_likelihood);
      const double df = static_cast<double>(banded_parameters) - static_cast<double>(one.parameters);
      const double critical = df * std::log(static_cast<double>(dated.size()));
      const std::string test = "likelihood ratio " + number_text(statistic, 3) + " for " + number_text(df, 3) +
                               " more parameters, BIC penalty " + number_text(critical, 3);
      if (!one.converged || df < 1 || statistic < critical) {
        out_.warnings.push_back("care.by_age_at_entry: not written, the bands of age at entry fit no better than one set of exits (" + test +
                                "); every child takes care.exits_before_18");
        return;
      }
      lr_note = "bands fit better than one set of exits (" + test + ")";
    }
    if (edges.size() <= 2) {
      out_.warnings.push_back("care.by_age_at_entry: not written, too few periods of care to fit more than one band of age at entry (" +
                              (pooled_notes.empty() ? std::string("no date of birth") : pooled_notes.back()) +
                              "); every child takes care.exits_before_18");
      bands.clear();
      return;
    }
    for (const auto& n : pooled_notes) out_.warnings.push_back("care.by_age_at_entry: age at entry " + n);
    long long n = 0, censored = 0;
    for (const auto& b : bands) n += b.fit.periods, censored += b.fit.censored;
    care_bands_comment_.push_back(
        "exits: competing lognormal routes fitted per band of age at entry (DfE's bands" +
        std::string(pooled_notes.empty() ? "" : "; " + std::to_string(pooled_notes.size()) + " pooled: see the warnings") + "), " +
        count_text(n) + " periods with a date of birth, " + percent_text(static_cast<double>(censored) / static_cast<double>(n)) +
        " open or cut at 18; " + lr_note + source);
    for (const auto& b : bands) {
      std::string shares = "{", durations = "{", comment;
      double written = 0;
      comment = count_text(b.fit.periods) + " periods, " + count_text(b.fit.periods - b.fit.censored) + " ended before 18, " +
                percent_text(static_cast<double>(b.fit.censored) / static_cast<double>(b.fit.periods)) + " censored;";
      for (std::size_t r = 0; r < kCareRoutes; ++r) {
        const auto& f = b.fit.routes[r];
        double value = std::stod(share_text(f.share));
        if (r + 1 == kCareRoutes) value = std::max(0.0, std::stod(share_text(1.0 - written)));
        written += value;
        shares += std::string(r ? ", " : "") + kCareRouteNames[r] + ": " + share_text(value);
        durations += std::string(r ? ", " : "") + kCareRouteNames[r] + ": {dist: lognormal, median_days: " + number_text(f.median_days, 4) +
                     ", p90_days: " + number_text(f.p90_days, 4) + "}";
        comment += std::string(" ") + kCareRouteNames[r] + " " + count_text(f.ended) + " ended, share 95% " + number_text(f.share_low, 3) +
                   "-" + number_text(f.share_high, 3) +
                   (f.absent           ? ", none ended: share 0, duration all ages'"
                    : f.duration_given ? ", duration all ages'"
                                       : ", median 95% " + number_text(f.median_low, 4) + "-" + number_text(f.median_high, 4) + " days") +
                   (r + 1 < kCareRoutes ? ";" : "");
      }
      care_band_parts_.push_back({b.from_age, b.to_age, {"exits_before_18: " + shares + "}, duration_by_exit: " + durations + "}"}, comment});
    }
    out_.care_bands = std::move(bands);
  }

  // Placement types and moves by band of age at entry (calibrate/care_placements_by_age.h), on
  // the exits' bands when those were written, else on DfE's: a band with too few first
  // placements (or years in care) for its own keeps the care-wide value.
  void placements_by_age() {
    std::vector<double> edges = {0, 1, 5, 10, 16, 18};
    if (!care_band_parts_.empty()) {
      edges = {0};
      for (const auto& b : care_band_parts_) edges.push_back(b.to_age);
    }
    std::vector<std::string> pooled;
    const PlacementsByAge r = calibrate::placements_by_age(in_.observed, edges, kMinCount, care_band_parts_.empty(), pooled);
    if (r.shares_by_band || r.moves_by_band)
      for (const auto& n : pooled) out_.warnings.push_back("care.by_age_at_entry: placements, age at entry " + n);
    const std::string source = " (" + lac_ + ", " + window_ + ")";
    if (!r.shares_test.empty())
      (r.shares_by_band ? care_bands_comment_.push_back("placement_shares: first placements of periods begun, not UASC, by band (" +
                                                        r.shares_test + ")" + source)
                        : out_.warnings.push_back("care.by_age_at_entry: no placement_shares by band, they fit no better than one set (" +
                                                  r.shares_test + "); every child takes care.placement_shares"));
    if (!r.moves_test.empty())
      (r.moves_by_band ? care_bands_comment_.push_back("placement_moves_per_year: moves over years looked after, by band (" +
                                                       r.moves_test + ")" + source)
                       : out_.warnings.push_back("care.by_age_at_entry: no placement_moves_per_year by band, one rate fits as well (" +
                                                 r.moves_test + "); every child takes care.placement_moves_per_year"));
    for (const PlacementBandEstimate& b : r.bands) {
      if (!b.shares_written && !b.moves_written) continue;
      CareBandParts* parts = nullptr;
      for (auto& p : care_band_parts_)
        if (p.from_age == b.from_age) parts = &p;
      if (!parts) parts = &care_band_parts_.emplace_back(CareBandParts{b.from_age, b.to_age, {}, ""});
      std::string comment;
      if (b.shares_written) {
        std::string shares = "{";
        std::vector<double> estimated;
        for (const auto& e : b.shares) estimated.push_back(e.share);
        const std::vector<std::string> written = whole_shares_text(estimated);
        comment = count_text(b.n) + " first placements:";
        for (std::size_t k = 0; k < sim::kPlacements; ++k) {
          shares += std::string(k ? ", " : "") + sim::placement_names()[k] + ": " + written[k];
          comment += std::string(" ") + sim::placement_names()[k] + " 95% " + number_text(b.shares[k].low, 3) + "-" +
                     number_text(b.shares[k].high, 3) + (k + 1 < sim::kPlacements ? ";" : "");
        }
        parts->parts.push_back("placement_shares: " + shares + "}");
      }
      if (b.moves_written) {
        parts->parts.push_back("placement_moves_per_year: " + number_text(b.moves_per_year, 3));
        comment += std::string(comment.empty() ? "" : ";") + " " + count_text(b.moves) + " moves in " + number_text(b.years, 4) +
                   " years looked after, 95% " + number_text(b.moves_low, 3) + "-" + number_text(b.moves_high, 3);
      }
      parts->comment += (parts->comment.empty() ? "" : " ") + comment;
    }
    std::sort(care_band_parts_.begin(), care_band_parts_.end(), [](const auto& a, const auto& b) { return a.from_age < b.from_age; });
    out_.placements_by_age = r;
  }

  // care.by_age_at_entry as written: one entry a band, each with the parts estimated for it.
  void write_care_bands() {
    if (care_band_parts_.empty()) return;
    KeyEstimate k;
    for (const auto& c : care_bands_comment_) k.comment += (k.comment.empty() ? "" : "; ") + c;
    for (const auto& b : care_band_parts_) {
      std::string value = "{from_age: " + number_text(b.from_age, 3) + ", to_age: " + number_text(b.to_age, 3);
      for (const auto& part : b.parts) value += ", " + part;
      k.entries.push_back({"", value + "}", b.comment, {}});
    }
    out_.keys["care.by_age_at_entry"] = std::move(k);
  }

  std::string age_shares(const std::vector<double>& ages, const std::vector<double>& edges, long long& n) const {
    std::vector<double> counts(edges.size() - 1, 0);
    n = 0;
    for (double a : ages)
      for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        if (a >= edges[i] && a < edges[i + 1]) counts[i] += 1, ++n;
    std::string yaml = "[";
    double written = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      double v = n ? std::stod(share_text(counts[i] / static_cast<double>(n))) : 0;
      if (i + 1 == counts.size()) v = std::max(0.0, std::stod(share_text(1.0 - written)));
      written += v;
      yaml += (i ? ", " : "") + share_text(v);
    }
    return yaml + "]";
  }

  void ages() {
    long long n = 0;
    const std::string referral = age_shares(o_.referral_age_years, p_.referral_age.band_edges_years, n);
    if (n >= kMinCount)
      set("referral_age.probs", referral,
          "age at a first referral (none earlier in the returns), " + count_text(n) + " in the window's last year, in the default bands (" + cin_ + ")");
    else defaulted("referral_age.probs", "too few referrals with a birth date");
    const std::string cla = age_shares(o_.cla_age_years_at_as_of, in_.defaults.initial.cla_age.band_edges_years, n);
    if (n >= kMinCount) set("initial_stock.cla_age.probs", cla, "age of the " + count_text(n) + " children looked after at the as-of date (" + lac_ + ")");
    else defaulted("initial_stock.cla_age.probs", "too few children looked after at the as-of date");
  }

  void returns_() {
    if (!has_cin()) return;
    // Re-referrals within 12 months of a closure, over the chance that a returning child's
    // contact is accepted (default referral_prob) and comes within 12 months (default delay).
    const auto rr = estimate_share(o_.re_referred_within_12m, o_.closures_followed);
    if (rr.n < kMinCount) {
      defaulted("returns.after_closure_prob", "too few closures with a year to follow");
      return;
    }
    double lo = 0, hi = 1;  // the default delay's cumulative probability at 365 days, by bisection on its quantile
    const auto& delay = p_.returns.delay;
    const double year = delay.unit == sim::TimeUnit::kDays ? 365.0 : delay.unit == sim::TimeUnit::kWeeks ? 365.0 / 7 : delay.unit == sim::TimeUnit::kMonths ? 12.0 : 253.0;
    for (int i = 0; i < 60; ++i) {
      const double mid = (lo + hi) / 2;
      (delay.quantile(std::clamp(mid, 1e-9, 1 - 1e-9)) <= year ? lo : hi) = mid;
    }
    const double within_year = lo;
    const double prob = std::min(1.0, rr.share / (p_.returns.referral_prob * within_year));
    after_closure_prob_ = std::stod(number_text(prob, 4));
    set("returns.after_closure_prob", number_text(prob, 4),
        "closures re-referred within 12 months (" + interval_text(rr) + ") / (default referral_prob " + number_text(p_.returns.referral_prob, 3) +
            " x the default delay's " + percent_text(within_year) + " within a year) (" + cin_ + ")");
  }

  void initial_stock() {
    // The open caseload child by child; its counts by stage are the counted stocks. PLO and
    // proceedings are not in the returns: a case gone quiet after a CIN or CP plan is in PLO
    // or in proceedings by the defaults' durations (legal_stage_split.h).
    const auto& plo_route = p_.routes[sim::stage_index(sim::Stage::kPreProceedings)];
    const auto plo_outcomes = outcome_names(sim::Stage::kPreProceedings);
    double court_share = 0;
    for (std::size_t i = 0; i < plo_outcomes.size(); ++i)
      if (plo_outcomes[i] == "proceedings") court_share = plo_route.outcome_shares[i];
    out_.open_children = o_.open_children;
    split_legal_stages(out_.open_children, plo_route.duration, p_.routes[sim::stage_index(sim::Stage::kProceedings)].duration, court_share);
    const long long unseen = unseen_care_leavers();
    std::map<sim::Stage, long long> n;
    for (const auto& c : out_.open_children) n[c.stage] += 1;
    const std::string at = " open at " + returns::format_iso(o_.as_of) + ", one stage a child (the furthest on)";
    if (!has_cin()) defaulted("initial_stock (CIN census stages)", "no CIN census: assessments, CIN and CP plans, PLO and proceedings from the defaults");
    if (!has_903()) defaulted("initial_stock (care)", "no SSDA903: children looked after and care leavers from the defaults");
    auto count = [&](const std::string& key, sim::Stage stage, const std::string& what, const std::string& source) {
      set("initial_stock." + key, std::to_string(n[stage]),
          what + at + " (" + source + ")" + (has_cin() && has_903() ? "; each listed in initial_stock.children" : ""));
    };
    if (has_cin()) {
      count("assessments", sim::Stage::kAssessment, "assessments", cin_);
      count("cin_plans", sim::Stage::kCin, "CIN plans", cin_);
      count("cp_plans", sim::Stage::kCp, "CP plans", cin_);
      count("pre_proceedings", sim::Stage::kPreProceedings,
            "cases with no visible step since a CIN or CP plan, in PLO by the defaults' PLO and proceedings durations (docs/calibration.md)", cin_);
      count("proceedings", sim::Stage::kProceedings,
            "cases with no visible step since an assessment, or since a plan and past PLO by those durations", cin_);
    }
    if (has_cin() && referrals_per_month_ > 0) returns_due();
    if (has_903()) {
      count("cla", sim::Stage::kCla, "children looked after", lac_);
      count("care_leavers", sim::Stage::kCareLeaver,
            "young people who left care at 18 or later and are supported (the year's OC3 record not NREQ, under 25; returns without "
            "any OC3 record: under 21 after 13 weeks in care)" +
                (unseen > 0 ? ", and " + std::to_string(unseen) + " the OC3 cannot show (supported past 22, or left care before the returns begin, " +
                                  returns::format_iso(o_.ssda903_first_day) + "), estimated (docs/calibration.md, \"The open caseload\")"
                            : std::string()),
            lac_);
    }
  }

  // Care leavers the returns cannot show: those who left care before the SSDA903 returns
  // begin, and those past the year of their 21st birthday, whom the OC3 no longer follows
  // (io/returns/oc3_scope.h). They are still supported if their support lasts that long: those
  // supported to 25 past 22 or past the returns' years, those supported to 21 on returns of
  // under 3 years. Their number is the window's care leavers a year x the share supported to
  // each age (the defaults' extend_to_25_prob) x the years of support the returns do not
  // reach; each is listed at an age spread evenly over those years (the warm start then gives
  // those under 21 support to 25 by the same share, and those older support to 25). Without them the demo council's returns started with 15-20% fewer care leavers
  // than the replication held (8 seeds), the to-25 group past 22 missing.
  long long unseen_care_leavers() {
    if (!has_903() || o_.ssda903_first_day == 0 || o_.months <= 0) return 0;
    const double per_year = static_cast<double>(o_.care_leavers_started) * 12.0 / o_.months;
    const double seen_years = (o_.as_of - o_.ssda903_first_day + 1) / sim::kDaysPerYear;
    const double to_21 = p_.care_leavers.support_to_age, extend = p_.care_leavers.extend_to_25_prob;
    // The age past which the returns show no care leaver: in the as-of date's collection year
    // the OC3 holds those turning 21 in it, so up to 21 and the part of the year gone by (22 at
    // 31 March); returns with no OC3 at all count care leavers only under 21 (observations.cpp).
    const returns::Day year_start = returns::collection_year_start(returns::collection_year_of(o_.as_of));
    const double oc3_ends = o_.returns_have_oc3 ? returns::kOc3OldestAge + (o_.as_of + 1 - year_start) / sim::kDaysPerYear : 21.0;
    long long added = 0;
    for (const auto& [to_age, share] : {std::pair{to_21, 1.0 - extend}, std::pair{25.0, extend}}) {
      const double from_age = std::min(18.0 + seen_years, oc3_ends);
      if (from_age >= to_age) continue;
      const auto count = static_cast<long long>(std::llround(per_year * share * (to_age - from_age)));
      for (long long i = 0; i < count; ++i) {
        sim::InitialChild row;
        row.id = "C" + std::to_string(out_.open_children.size() + 1);
        row.stage = sim::Stage::kCareLeaver;
        row.age_years = from_age + (static_cast<double>(i) + 0.5) / static_cast<double>(count) * (to_age - from_age);
        row.days_in_stage = (row.age_years - 18.0) * sim::kDaysPerYear;
        out_.open_children.push_back(row);
      }
      added += count;
    }
    return added;
  }

  // Children due back at the start: in a running service the returns waiting are their flow
  // times the mean wait (Little's law). The flow: closed cases that come back (every referral
  // closes in time; those that age out or leave care at 18 are few) and first contacts not
  // referred that come back. Taken from the defaults' count instead, a council ten times the
  // defaults' size started with a tenth of its returns, and its referrals ran a third low in
  // the first month.
  void returns_due() {
    const auto& r = p_.returns;
    const double after_closure = after_closure_prob_ >= 0 ? after_closure_prob_ : r.after_closure_prob;
    const double per_day = (referrals_per_month_ * after_closure + first_contacts_per_month_ * (1 - front_door_share_) * r.after_front_door_prob) /
                           sim::kDaysPerMonth;
    const double unit_days = r.delay.unit == sim::TimeUnit::kWeeks    ? sim::kDaysPerWeek
                             : r.delay.unit == sim::TimeUnit::kMonths ? sim::kDaysPerMonth
                             : r.delay.unit == sim::TimeUnit::kWorkingDays ? 7.0 / 5.0
                                                                         : 1.0;
    const double wait_days = r.delay.mean() * unit_days;
    set("initial_stock.returns_due", std::to_string(static_cast<long long>(std::llround(per_day * wait_days))),
        "Little's law: (" + number_text(referrals_per_month_, 4) + " referrals a month x returns.after_closure_prob " + number_text(after_closure, 3) +
            " + " + number_text(first_contacts_per_month_, 4) + " first contacts a month x " + number_text(1 - front_door_share_, 3) +
            " not referred x after_front_door_prob " + number_text(r.after_front_door_prob, 3) + ") x the return delay's mean " +
            number_text(wait_days, 3) + " days (" + cin_ + ")");
  }

  void workforce() {
    const auto& h = in_.history;
    int census = 0;
    for (int y : h.csww_years)
      if (engine::days_from_civil({y, 9, 30}) <= o_.as_of) census = std::max(census, y);
    if (census == 0) {
      defaulted("workforce", "no workforce census (CSWW) on or before the as-of date");
      return;
    }
    const std::string src = "CSWW " + std::to_string(census);
    double case_holders = 0, others = 0, agency = 0;
    for (const auto& w : h.workers) {
      if (w.census_year != census || !w.reason_leave.empty() || w.fte_at_30_sept <= 0) continue;
      (w.org_role == 5 ? case_holders : others) += w.fte_at_30_sept;
      if (w.agency) agency += w.fte_at_30_sept;
    }
    double vacancies = 0;
    for (const auto& v : h.vacancies)
      if (v.census_year == census) vacancies = v.vacancies_fte;
    const double in_post = case_holders + others;
    if (in_post <= 0) {
      defaulted("workforce", "no worker in post at the " + src + " census");
      return;
    }
    const double vacancy_share = vacancies / (vacancies + in_post);
    // The census has roles, not teams: case holders are shared among the case-holding teams as
    // the defaults' establishment is; qualified workers without cases (OrgRole 6) staff the front door.
    const auto& teams = p_.workforce.teams;
    double default_case_holding = 0;
    for (std::size_t t = 1; t < sim::kTeams; ++t) default_case_holding += teams[t].establishment_fte;
    for (std::size_t t = 0; t < sim::kTeams; ++t) {
      const std::string team = sim::team_names()[t];
      const double fte = t == 0 ? others : case_holders * teams[t].establishment_fte / default_case_holding;
      const double establishment = fte / (1 - vacancy_share);
      set("workforce.teams." + team + ".establishment_fte", number_text(establishment, 4),
          number_text(fte, 4) + " FTE in post / (1 - the vacancy share)" +
              (t == 0 ? ": OrgRole 6 (qualified, no cases)" : ": case holders (OrgRole 5) shared as the defaults' teams") + " (" + src + ")");
      set("workforce.teams." + team + ".initial_vacancy_share", number_text(vacancy_share, 4),
          "LALevelVacancies " + number_text(vacancies, 4) + " FTE / (vacancies + " + number_text(in_post, 4) + " FTE in post) (" + src + ")");
    }
    const double agency_share = agency / in_post;
    set("workforce.initial_agency_share", number_text(agency_share, 4), "agency FTE / FTE in post at 30 September (" + src + ")");
    set("workforce.agency_target_share", number_text(agency_share, 4), "assumption: the council holds its agency share (" + src + "); set your policy here");
    // Turnover: permanent leavers in the years to each census in the window, over the
    // permanent FTE in post at those censuses, pooled (one year's leavers are few: on the demo
    // council 13, 15 and 20 in three years, about 100 in post).
    long long pooled_leavers = 0;
    double pooled_in_post = 0;
    std::vector<int> pooled_years;
    for (int y : h.csww_years) {
      const returns::Day day = engine::days_from_civil({y, 9, 30});
      if (day > o_.as_of || day < o_.first_day) continue;
      pooled_years.push_back(y);
      for (const auto& w : h.workers) {
        if (w.census_year != y || w.agency) continue;
        if (!w.reason_leave.empty()) ++pooled_leavers;
        else pooled_in_post += std::max(0.0, w.fte_at_30_sept);
      }
    }
    if (pooled_in_post > 0 && pooled_leavers >= kMinCount) {
      const auto e = estimate_share(pooled_leavers, static_cast<long long>(std::llround(pooled_in_post)));
      set("workforce.staff.permanent.leave_rate_per_year", number_text(static_cast<double>(pooled_leavers) / pooled_in_post, 3),
          count_text(pooled_leavers) + " permanent leavers in the years to the censuses of " + years_text(pooled_years) + " / " +
              number_text(pooled_in_post, 4) + " permanent FTE in post at them (95% " + number_text(e.low, 3) + "-" + number_text(e.high, 3) + ")");
    } else {
      defaulted("workforce.staff.permanent.leave_rate_per_year", "too few permanent leavers in the censuses of the window (" + count_text(pooled_leavers) + ")");
    }
    leaving(pooled_years);
    sickness(pooled_years);
    cases_held(census);
  }

  // The season of leaving: the permanent leavers' RoleEndDate by calendar month in the years
  // to the window's censuses (leaving_season.h), written only when it beats a flat rate by BIC.
  // One season for every staff type: agency and ASYE leavers are too few to see their own.
  void leaving(const std::vector<int>& years) {
    const std::string key = "workforce.leaving_by_month";
    std::vector<returns::Day> days;
    for (const auto& w : in_.history.workers)
      if (!w.agency && !w.reason_leave.empty() && w.role_end && std::find(years.begin(), years.end(), w.census_year) != years.end())
        days.push_back(*w.role_end);
    const LeavingSeason season = leaving_season(days);
    std::string counts, intervals;
    for (std::size_t m = 0; m < 12; ++m) {
      counts += (m ? ", " : "") + std::to_string(season.leavers[m]);
      intervals += (m ? ", " : "") + number_text(season.low[m], 2) + "-" + number_text(season.high[m], 2);
    }
    const std::string figures = count_text(season.total) + " permanent leavers by month of leaving (RoleEndDate), January first: " + counts +
                                "; likelihood ratio " + number_text(season.likelihood_ratio, 3) + " against a flat rate, BIC penalty " +
                                number_text(season.penalty, 3);
    if (season.total < kMinCount) {
      defaulted(key, "too few permanent leavers with a leaving date (" + count_text(season.total) + ")");
      return;
    }
    if (!season.beats_flat()) {
      out_.warnings.push_back(key + ": not written, the leavers' months fit no better than a flat rate (" + figures + "); no season of leaving");
      return;
    }
    std::string yaml = "[";
    for (std::size_t m = 0; m < 12; ++m) yaml += (m ? ", " : "") + number_text(season.multipliers[m], 3);
    set(key, yaml + "]", figures + "; each month's 95%: " + intervals + " (CSWW " + years_text(years) + ")");
  }

  // Sickness: the working days lost in the years to the window's censuses over the weekdays
  // the same workers were in post, pooled (a ratio estimate, its interval from the spread
  // between workers). The census gives a year's total, not its months: the defaults' monthly
  // shape is kept and scaled to the council's level.
  void sickness(const std::vector<int>& years) {
    const std::string key = "workforce.sickness_share_by_month";
    std::vector<std::pair<double, double>> records;  // (days lost, weekdays in post)
    double lost = 0, weekdays = 0;
    std::array<double, 12> month_weekdays{};
    for (int y : years) {
      const returns::Day year_start = engine::days_from_civil({y - 1, 10, 1}), census = engine::days_from_civil({y, 9, 30});
      for (int m = 0; m < 12; ++m) {
        const int month = (9 + m) % 12 + 1, year = month >= 10 ? y - 1 : y;
        month_weekdays[static_cast<std::size_t>(month - 1)] +=
            engine::weekdays_between(engine::days_from_civil({year, month, 1}),
                                     engine::days_from_civil({year, month, engine::days_in_month(year, month)}));
      }
      for (const auto& w : in_.history.workers) {
        if (w.census_year != y) continue;
        const returns::Day first = std::max(w.role_start.value_or(year_start), year_start);
        const returns::Day last = std::min(w.role_end.value_or(census), census);
        const int in_post = engine::weekdays_between(first, last);
        if (in_post == 0) continue;
        records.emplace_back(w.working_days_lost, in_post);
        lost += w.working_days_lost;
        weekdays += in_post;
      }
    }
    const auto n = static_cast<long long>(records.size());
    if (n < kMinCount) return defaulted(key, "too few worker records in the censuses of the window (" + count_text(n) + ")");
    if (lost <= 0) return defaulted(key, "no working days lost in the censuses of the window: taken as not recorded");
    const double share = lost / weekdays;
    double spread = 0;
    for (const auto& [d, w] : records) spread += (d - share * w) * (d - share * w);
    const double mean_weekdays = weekdays / static_cast<double>(n);
    const double se = std::sqrt(spread / (static_cast<double>(n) * static_cast<double>(n - 1))) / mean_weekdays;
    // The defaults' shape, weighted by the weekdays of each month (a year's days lost are
    // summed over weekdays).
    const auto& shape = p_.workforce.sickness_share_by_month;
    double shape_mean = 0, all_weekdays = 0;
    for (std::size_t m = 0; m < 12; ++m) {
      shape_mean += shape[m] * month_weekdays[m];
      all_weekdays += month_weekdays[m];
    }
    shape_mean /= all_weekdays;
    std::string yaml = "[";
    for (std::size_t m = 0; m < 12; ++m) {
      const double v = shape_mean > 0 ? shape[m] * share / shape_mean : share;
      if (v >= 1) return defaulted(key, "the defaults' monthly shape scaled to the council's level " + number_text(share, 3) + " reaches 1");
      yaml += (m ? ", " : "") + number_text(v, 3);
    }
    yaml += "]";
    set(key, yaml,
        "the defaults' monthly shape (the census has a year's total only) scaled to " + number_text(share, 3) + ": " +
            number_text(lost, 5) + " working days lost over " + number_text(weekdays, 6) + " weekdays in post (" + count_text(n) +
            " worker records, CSWW " + years_text(years) + "; 95% " + number_text(std::max(0.0, share - 1.96 * se), 3) + "-" +
            number_text(share + 1.96 * se, 3) + ")");
  }

  // Cases held per case holder at the last census: observed, not a parameter (the caseload
  // limits stay the defaults'); the header says it, to compare with the run's caseload per FTE.
  void cases_held(int census) {
    double cases = 0, fte = 0, sum = 0, sum_sq = 0;  // sum: of each worker's cases per FTE
    long long n = 0;
    for (const auto& w : in_.history.workers) {
      if (w.census_year != census || w.org_role != 5 || !w.cases_at_30_sept || w.fte_at_30_sept <= 0) continue;
      const double c = *w.cases_at_30_sept / w.fte_at_30_sept;
      cases += *w.cases_at_30_sept;
      fte += w.fte_at_30_sept;
      sum += c;
      sum_sq += c * c;
      ++n;
    }
    if (n < kMinCount)
      return defaulted("cases held per worker",
                       "too few case holders with Cases30 at the CSWW " + std::to_string(census) + " census (" + count_text(n) + ")");
    const double count = static_cast<double>(n), mean = sum / count;
    const double half = 1.96 * std::sqrt(std::max(0.0, (sum_sq - count * mean * mean) / (count - 1)) / count);
    out_.header.push_back("Observed, not a parameter: case holders (OrgRole 5) held " + number_text(cases, 6) + " cases at 30 September " +
                          std::to_string(census) + ", " + number_text(cases / fte, 3) + " per FTE in post (" + count_text(n) +
                          " workers; a worker's mean " + number_text(mean, 3) + ", 95% " + number_text(std::max(0.0, mean - half), 3) +
                          "-" + number_text(mean + half, 3) + "). Compare the run's caseload per FTE; cap_cases and pace_cases stay the defaults'.");
  }

  const CalibrationInput& in_;
  const Observations& o_;
  const sim::Parameters& p_;
  std::string cin_, lac_, window_;
  // care.by_age_at_entry's bands as they are estimated (exits, then placements), written last.
  struct CareBandParts {
    double from_age = 0, to_age = 0;
    std::vector<std::string> parts;  // "exits_before_18: {...}", "placement_shares: {...}", ...
    std::string comment;
  };
  std::vector<CareBandParts> care_band_parts_;
  std::vector<std::string> care_bands_comment_;
  // From demand() and returns_(), for the returns due at the start (returns_due()).
  double referrals_per_month_ = 0, first_contacts_per_month_ = 0, front_door_share_ = 0, after_closure_prob_ = -1;
  CouncilEstimates out_;
};

}  // namespace

CouncilEstimates estimate(const CalibrationInput& input) { return Estimator(input).run(); }

}  // namespace caseflow::calibrate
