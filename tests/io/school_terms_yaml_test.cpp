// demand.school_terms: the baseline's calendar loads; bad dates, backwards or overlapping
// holidays, negative multipliers and unknown keys are user errors naming file, line and key;
// `holidays: []` turns an inherited calendar off. Fixtures in tests/data/school_terms_*.yaml.
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "scenario_error_helpers.h"

namespace caseflow::io {
namespace {

using testing::fixture;
// Every school-terms error names the file, a line and the key.
const auto expect_error = testing::expect_located;

TEST(SchoolTermsYaml, BaselineCalendarLoads) {
  const sim::Scenario s = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const sim::SchoolTerms& t = s.epochs.front().parameters.demand.school_terms;
  ASSERT_EQ(t.holidays.size(), 31u);  // Easter 2019 to Easter 2024
  EXPECT_EQ(t.holidays.front().from, (engine::CivilDate{2019, 4, 6}));
  EXPECT_EQ(t.holidays.back().to, (engine::CivilDate{2024, 4, 7}));
  EXPECT_DOUBLE_EQ(t.holiday_multiplier, 0.25);
  EXPECT_DOUBLE_EQ(t.end_of_term_multiplier, 2.0);
  EXPECT_EQ(t.end_of_term_days, 2);
}

TEST(SchoolTermsYaml, EmptyHolidaysTurnTheCalendarOff) {
  const sim::Scenario s = load_scenario(fixture("school_terms_off.yaml"));
  EXPECT_TRUE(s.epochs.front().parameters.demand.school_terms.holidays.empty());
  EXPECT_DOUBLE_EQ(s.epochs.front().parameters.demand.school_terms.holiday_multiplier, 1.0);
}

TEST(SchoolTermsYaml, BadDate) { expect_error("school_terms_bad_date.yaml", "demand.school_terms.holidays[0].to", "YYYY-MM-DD"); }

TEST(SchoolTermsYaml, EndsBeforeItStarts) {
  expect_error("school_terms_backwards.yaml", "demand.school_terms.holidays[0].to", "ends before it starts");
}

TEST(SchoolTermsYaml, Overlap) {
  expect_error("school_terms_overlap.yaml", "demand.school_terms.holidays[1].from", "previous holiday");
}

TEST(SchoolTermsYaml, NegativeMultiplier) {
  expect_error("school_terms_negative.yaml", "demand.school_terms.holiday_multiplier", "negative");
}

TEST(SchoolTermsYaml, UnknownKey) {
  expect_error("school_terms_unknown_key.yaml", "end_of_term_day", "did you mean 'end_of_term_days'");
}

// Issue 16: past the end of its listed holidays the schools source used to lose its term
// effects without a word (August contacts 64 -> 214). Now a horizon the calendar does not
// cover is an error naming the span it covers.
TEST(SchoolTermsYaml, AHorizonPastTheListedHolidaysIsAnError) {
  expect_error("school_terms_short.yaml", "demand.school_terms.holidays", "covers 2019-02-25 to 2019-05-24");
  const std::string later = testing::error_of(fixture("school_terms_later_start.yaml"));
  EXPECT_NE(later.find("covers 2019-02-25 to 2024-05-24"), std::string::npos) << later;
  EXPECT_NE(later.find("horizon runs 2026-04-01 to 2031-03-31"), std::string::npos) << later;
  EXPECT_NE(later.find("outside_listed: typical_english_rule"), std::string::npos) << later;
}

TEST(SchoolTermsYaml, TheRuleFillsTheYearsTheListDoesNotCover) {
  const sim::Scenario s = load_scenario(fixture("school_terms_rule.yaml"));
  EXPECT_TRUE(s.epochs.front().parameters.demand.school_terms.fill_by_rule());
}

TEST(SchoolTermsYaml, OutsideListedTakesTwoValues) {
  expect_error("school_terms_bad_outside.yaml", "demand.school_terms.outside_listed", "must be error or typical_english_rule");
}

}  // namespace
}  // namespace caseflow::io
