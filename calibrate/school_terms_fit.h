#pragma once
// Referrals from schools against the school-term calendar (issue 12: "school terms where
// identifiable"). The model's schools contacts on a working day are a level times a term
// factor: `holiday_multiplier` inside a holiday, `end_of_term_multiplier` on the last
// `end_of_term_days` working days before one, 1 otherwise (sim/demand/demand.h). A month's
// expected schools referrals are then
//   exp(a + b t + shocks) x (T + h H + e E),
// where T, H and E are the weekday-weighted shares of the month's working days in term, in a
// holiday and at the end of a term. Where the holidays move between months (Easter in March
// or April, a half-term's end of term) and where a month is all holiday (August), h and e are
// told apart from the level; twelve free month effects would soak them up, so this model
// has none, and a free-season model is its rival (fit_school_terms chooses by BIC).
//
// Months, not days: a referral is dated when the front door decides, up to a working day or
// two after the contact, which would move an end of term's contacts into the holiday that
// follows it if single days were compared. Over a month that shift matters only at its ends.
#include <array>
#include <string>
#include <vector>

#include "models/forecast/forecaster.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

// A month's working days by kind, weighted by the weekday profile, as shares of the month's
// weighted working days (they sum to 1).
struct TermExposure {
  double term = 0, end_of_term = 0, holiday = 0;
};

// The calendar the fit reads a council's months against: the defaults' holidays in force over
// `months` months from `first` (and a month either side), the typical English rule filling the
// years they do not list, listed one by one, with the rule beyond them; the defaults'
// end_of_term_days (their multipliers are kept: only the days matter to the fit).
sim::SchoolTerms calendar_for_window(const sim::SchoolTerms& defaults, models::forecast::YearMonth first, int months);

// The exposures of `months` months from `first`, with the model's working days (bank holidays
// of England and Wales) and the weekday weights of `weekday_profile` (Monday first).
std::vector<TermExposure> term_exposures(const sim::SchoolTerms& terms, const std::array<double, 5>& weekday_profile,
                                         models::forecast::YearMonth first, int months);

struct Multiplier {
  double value = 1, low = 1, high = 1;  // the estimate and its 95% interval
};

struct SchoolTermsFit {
  Multiplier holiday, end_of_term;
  bool end_of_term_estimated = false;  // false when the calendar has no end-of-term days
  // The fitted line's mean over the window, in term-time referrals a month (shocks out), and
  // the mean term factor T + h H + e E of the window's months: their product is the window's
  // mean month.
  double term_time_level = 0, mean_term_factor = 1;
  // Dispersion (Pearson chi-squared over residual degrees of freedom of the free-season fit,
  // at least 1): the intervals and the BIC comparison are quasi-Poisson.
  double dispersion = 1;
  double bic_calendar = 0, bic_free_season = 0;
  bool calendar_preferred() const { return bic_calendar < bic_free_season; }
};

// Fits the calendar model and its rival, a free effect for each calendar month with no
// calendar (the forecast model's design: trend, seasonality, the spec's interventions). Both
// are Poisson with the same trend and interventions. Throws std::invalid_argument when the
// series and the exposures differ in length.
SchoolTermsFit fit_school_terms(const models::forecast::MonthlySeries& schools, const std::vector<TermExposure>& exposure,
                                const models::forecast::ModelSpec& spec);

}  // namespace caseflow::calibrate
