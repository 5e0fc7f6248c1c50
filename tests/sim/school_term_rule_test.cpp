// The typical English school-holiday rule (sim/demand/school_term_rule.*): checked against
// the baseline's listed calendar (Easter 2019 to Easter 2024, typical county dates), and for
// what the schools source needs from it: every August weekday a holiday in every year, and
// listed holidays overriding the rule inside their span.
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "sim/demand/school_term_rule.h"

namespace caseflow::sim {
namespace {

using engine::CivilDate;
int serial(const CivilDate& d) { return engine::days_from_civil(d); }

SchoolTerms baseline_terms() {
  return io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml")
      .epochs.front()
      .parameters.demand.school_terms;
}

int overlap_days(const SchoolHoliday& a, const SchoolHoliday& b) {
  return std::max(0, std::min(serial(a.to), serial(b.to)) - std::max(serial(a.from), serial(b.from)) + 1);
}

// Each of the baseline's 31 listed holidays meets a rule holiday, and the two share most of
// their days. Term dates differ between councils by a few days, so "most" is the test: at
// least half the listed holiday's days on average, and none missed outright.
TEST(SchoolTermRule, MatchesTheBaselinesListedCalendar) {
  const SchoolTerms listed = baseline_terms();
  const auto rule = typical_english_holidays(2019, 2024);
  int shared = 0, listed_days = 0;
  for (const auto& h : listed.holidays) {
    int best = 0;
    for (const auto& r : rule) best = std::max(best, overlap_days(h, r));
    EXPECT_GT(best, 0) << engine::to_iso(h.from);
    shared += best;
    listed_days += serial(h.to) - serial(h.from) + 1;
  }
  EXPECT_GT(shared, listed_days * 3 / 4) << shared << " of " << listed_days;
}

TEST(SchoolTermRule, HolidaysAscendWithoutOverlapsAndEveryAugustWeekdayIsAHoliday) {
  const auto rule = typical_english_holidays(2024, 2040);
  ASSERT_EQ(rule.size(), 17u * 6u);
  for (std::size_t i = 0; i < rule.size(); ++i) {
    EXPECT_LE(rule[i].from, rule[i].to);
    if (i > 0) {
      EXPECT_LT(rule[i - 1].to, rule[i].from) << engine::to_iso(rule[i].from);
    }
  }
  for (int y = 2024; y <= 2040; ++y)
    for (int d = 1; d <= 31; ++d) {
      const int day = serial({y, 8, d});
      bool in_holiday = false;
      for (const auto& h : rule) in_holiday = in_holiday || (serial(h.from) <= day && day <= serial(h.to));
      EXPECT_TRUE(in_holiday) << y << "-08-" << d;
    }
}

TEST(SchoolTermRule, ListedHolidaysOverrideTheRuleInsideTheirSpan) {
  SchoolTerms terms = baseline_terms();
  const auto span = listed_span(terms);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->first, (CivilDate{2019, 2, 25}));  // after the rule's February half-term 2019
  EXPECT_EQ(span->last, (CivilDate{2024, 5, 24}));   // before the rule's May half-term 2024

  EXPECT_EQ(holidays_in_force(terms, {2019, 4, 1}, {2030, 3, 31}).size(), terms.holidays.size());  // no rule unless asked
  EXPECT_TRUE(calendar_falls_short(terms, {2019, 4, 1}, {2030, 3, 31}).has_value());
  EXPECT_FALSE(calendar_falls_short(terms, {2019, 4, 1}, {2024, 3, 31}).has_value());

  terms.outside_listed = "typical_english_rule";
  EXPECT_FALSE(calendar_falls_short(terms, {2019, 4, 1}, {2030, 3, 31}).has_value());
  const auto in_force = holidays_in_force(terms, {2018, 4, 1}, {2030, 3, 31});
  std::size_t listed_seen = 0;
  for (std::size_t i = 0; i < in_force.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(in_force[i - 1].to, in_force[i].from);
    }
    const bool inside = span->first <= in_force[i].from && in_force[i].to <= span->last;
    if (inside) ++listed_seen;
  }
  EXPECT_EQ(listed_seen, terms.holidays.size());  // inside the span: the listed ones, and only them
  EXPECT_LT(in_force.front().to, (CivilDate{2018, 6, 1}));
  EXPECT_GT(in_force.back().from, (CivilDate{2030, 3, 1}));
}

}  // namespace
}  // namespace caseflow::sim
