// Schools' referrals against the school-term calendar (calibrate/school_terms_fit.h): the
// exposures of a month's working days, the fit on series drawn from known multipliers, its
// rival winning where the calendar explains nothing, and the round trip on the baseline's own
// synthetic returns.
#include "calibrate/school_terms_fit.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <string>

#include "calibrate/observations.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"

namespace caseflow::calibrate {
namespace {

namespace fc = models::forecast;

const sim::Scenario& baseline() {
  static const sim::Scenario s = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  return s;
}
const sim::Demand& baseline_demand() { return baseline().epochs.front().parameters.demand; }

constexpr fc::YearMonth kFirst{2021, 4};
constexpr int kMonths = 36;

std::vector<TermExposure> baseline_exposures() {
  const sim::SchoolTerms calendar = calendar_for_window(baseline_demand().school_terms, kFirst, kMonths);
  return term_exposures(calendar, baseline_demand().weekday_profile, kFirst, kMonths);
}

TEST(TermExposures, ShareOutEachMonthsWorkingDaysByKind) {
  const auto e = baseline_exposures();
  ASSERT_EQ(e.size(), 36u);
  for (const auto& m : e) EXPECT_NEAR(m.term + m.holiday + m.end_of_term, 1.0, 1e-12);
  // August 2022 (index 16) lies inside the summer holiday (2022-07-23 to 2022-09-04).
  EXPECT_DOUBLE_EQ(e[16].holiday, 1.0);
  // November 2022 (index 19): all term, no holiday begins until 17 December.
  EXPECT_DOUBLE_EQ(e[19].term, 1.0);
  // July 2022 (index 15): the last two working days before the summer (21 and 22 July) are the
  // end of term, the rest of its 21 working days term or holiday.
  EXPECT_GT(e[15].end_of_term, 0.08);
  EXPECT_LT(e[15].end_of_term, 0.11);
  EXPECT_GT(e[15].holiday, 0.2);
}

TEST(TermExposures, TheRuleFillsYearsTheDefaultsDoNotList) {
  // The baseline lists holidays to March 2024; a window to 2027 is filled by the rule, so
  // August 2026 is a holiday too.
  const fc::YearMonth first{2024, 4};
  const sim::SchoolTerms calendar = calendar_for_window(baseline_demand().school_terms, first, 36);
  const auto e = term_exposures(calendar, baseline_demand().weekday_profile, first, 36);
  EXPECT_DOUBLE_EQ(e[28].holiday, 1.0);  // 2026-08
  EXPECT_EQ(calendar.outside_listed, "typical_english_rule");
}

// Draws of the calendar model's months: L x (T + h H + e E), Poisson, seed `seed`.
fc::MonthlySeries drawn(const std::vector<TermExposure>& e, double level, double h, double eot, unsigned seed,
                        const std::array<double, 12>& season = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}) {
  boost::random::mt19937_64 rng(seed);
  fc::MonthlySeries s{kFirst, {}};
  for (std::size_t k = 0; k < e.size(); ++k) {
    const int month_of_year = kFirst.plus_months(static_cast<int>(k)).month;
    const double mean = level * season[static_cast<std::size_t>(month_of_year - 1)] * (e[k].term + h * e[k].holiday + eot * e[k].end_of_term);
    s.counts.push_back(boost::random::poisson_distribution<int>(mean)(rng));
  }
  return s;
}

// 40 term-time referrals a month (the baseline's first referrals from schools are about 55),
// holidays at 0.25 and the end of term at 2, the baseline's own. Seed 2024 for the draws;
// over seeds 1-200 each interval covered its truth in 194 (the next test), so one seed's
// check is a 95% check, not a guarantee: 2024 is one of the seeds covering both (a fixed seed
// keeps the test repeatable).
TEST(SchoolTermsFit, RecoversMultipliersDrawnFromTheCalendar) {
  const auto e = baseline_exposures();
  const SchoolTermsFit fit = fit_school_terms(drawn(e, 40, 0.25, 2.0, 2024), e, {6, fc::covid_interventions()});
  EXPECT_TRUE(fit.calendar_preferred()) << fit.bic_calendar << " against " << fit.bic_free_season;
  EXPECT_TRUE(fit.end_of_term_estimated);
  EXPECT_LE(fit.holiday.low, 0.25);
  EXPECT_GE(fit.holiday.high, 0.25);
  EXPECT_LE(fit.end_of_term.low, 2.0);
  EXPECT_GE(fit.end_of_term.high, 2.0);
  EXPECT_LT(fit.holiday.low, fit.holiday.value);
  EXPECT_LT(fit.holiday.value, fit.holiday.high);
  // The window's mean month, term-time level x mean term factor, is about 40 x 0.87.
  EXPECT_NEAR(fit.term_time_level * fit.mean_term_factor / (40 * 0.87), 1.0, 0.1);
}

TEST(SchoolTermsFit, CoverageOverSeedsIsNearNominal) {
  // The intervals' coverage, measured: 200 seeds of the test above. Binomial(200, 0.95) lies
  // within 180-198 with probability above 99.9%, so fewer than 180 means the intervals are
  // too narrow (or the fit biased). Measured: 194 and 194.
  const auto e = baseline_exposures();
  int holiday = 0, end_of_term = 0;
  for (unsigned seed = 1; seed <= 200; ++seed) {
    const SchoolTermsFit fit = fit_school_terms(drawn(e, 40, 0.25, 2.0, seed), e, {6, fc::covid_interventions()});
    holiday += fit.holiday.low <= 0.25 && 0.25 <= fit.holiday.high;
    end_of_term += fit.end_of_term.low <= 2.0 && 2.0 <= fit.end_of_term.high;
  }
  EXPECT_GE(holiday, 180);
  EXPECT_GE(end_of_term, 180);
  EXPECT_LE(holiday, 200);
  std::cout << "coverage over 200 seeds: holiday " << holiday << ", end of term " << end_of_term << "\n";
}

TEST(SchoolTermsFit, AFreeSeasonWinsWhereTheCalendarExplainsNothing) {
  // No term effect at all, and a season the calendar cannot make (a winter peak, a spring
  // low): the free season must be preferred. Seed 7.
  const auto e = baseline_exposures();
  const std::array<double, 12> season{1.5, 1.4, 1.0, 0.7, 0.7, 0.8, 1.0, 1.0, 1.0, 1.1, 1.2, 1.4};
  const SchoolTermsFit fit = fit_school_terms(drawn(e, 60, 1.0, 1.0, 7, season), e, {6, fc::covid_interventions()});
  EXPECT_FALSE(fit.calendar_preferred()) << fit.bic_calendar << " against " << fit.bic_free_season;
}

TEST(SchoolTermsFit, RefusesMismatchedLengths) {
  auto e = baseline_exposures();
  e.pop_back();
  EXPECT_THROW(fit_school_terms(drawn(baseline_exposures(), 40, 0.25, 2.0, 1), e, {}), std::invalid_argument);
}

// The baseline's own synthetic returns (seed 20190401, three years to 31 March 2024): its
// first referrals from schools give back its holiday (0.25) and end-of-term (2.0) multipliers
// inside their 95% intervals (measured 0.285, 0.217-0.376, and 1.78, 1.1-2.89), and the
// calendar is preferred. All schools referrals, returning children's included, would not:
// theirs follow the day's mix of sources, which puts 0.35 (0.28-0.43) on the holidays.
TEST(SchoolTermsFit, RoundTripOnTheBaselinesReturns) {
  const synth::SynthRun run = synth::synthesize(baseline(), 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));
  ASSERT_EQ(o.months, 36);
  const auto e = baseline_exposures();
  const SchoolTermsFit fit = fit_school_terms({kFirst, o.schools_first_referrals_by_month}, e, {6, fc::covid_interventions()});
  const sim::SchoolTerms& truth = baseline_demand().school_terms;
  EXPECT_TRUE(fit.calendar_preferred());
  EXPECT_LE(fit.holiday.low, truth.holiday_multiplier);
  EXPECT_GE(fit.holiday.high, truth.holiday_multiplier);
  EXPECT_LE(fit.end_of_term.low, truth.end_of_term_multiplier);
  EXPECT_GE(fit.end_of_term.high, truth.end_of_term_multiplier);
  std::cout << "holiday " << fit.holiday.value << " (" << fit.holiday.low << "-" << fit.holiday.high << "), end of term "
            << fit.end_of_term.value << " (" << fit.end_of_term.low << "-" << fit.end_of_term.high << ")\n";
}

}  // namespace
}  // namespace caseflow::calibrate
