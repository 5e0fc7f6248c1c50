#include "sim/engine/calendar.h"

#include <gtest/gtest.h>

#include "sim/engine/bank_holidays.h"

namespace caseflow::engine {
namespace {

TEST(CivilDate, RoundTripsSerialDays) {
  for (int day = -200000; day < 200000; day += 37) EXPECT_EQ(days_from_civil(civil_from_days(day)), day);
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(weekday_of(days_from_civil({2025, 4, 21})), 0);  // a Monday
  EXPECT_EQ(weekday_of(days_from_civil({1969, 12, 28})), 6);  // a Sunday before the epoch
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
}

TEST(CivilDate, CountsWeekdays) {
  const int monday = days_from_civil({2025, 4, 21});
  EXPECT_EQ(weekdays_between(monday, monday + 4), 5);
  EXPECT_EQ(weekdays_between(monday + 5, monday + 6), 0);  // a weekend
  EXPECT_EQ(weekdays_between(monday + 4, monday + 7), 2);  // Friday to Monday
  EXPECT_EQ(weekdays_between(monday, monday - 1), 0);      // empty
  EXPECT_EQ(weekdays_between(days_from_civil({2024, 1, 1}), days_from_civil({2024, 12, 31})), 262);
  // Against a day-by-day count, across the epoch.
  for (int first = -30; first < 30; first += 7) {
    int counted = 0;
    for (int d = first; d <= first + 100; ++d) counted += weekday_of(d) < 5;
    EXPECT_EQ(weekdays_between(first, first + 100), counted);
  }
}

TEST(CivilDate, KnowsLeapYearsAndMonthLengths) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);  // divisible by 400
  EXPECT_EQ(days_in_month(2100, 2), 28);  // divisible by 100 only
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_FALSE(is_valid({2023, 2, 29}));
  EXPECT_TRUE(is_valid({2024, 2, 29}));
  EXPECT_FALSE(is_valid({2023, 13, 1}));
  EXPECT_FALSE(is_valid({2023, 4, 0}));
}

TEST(CivilDate, ParsesOnlyRealIsoDates) {
  EXPECT_TRUE(parse_iso_date("2024-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("2023-13-01").has_value());
  EXPECT_FALSE(parse_iso_date("2023-1-01").has_value());
  EXPECT_FALSE(parse_iso_date("20230101xx").has_value());
}

TEST(BankHolidays, EasterSundayKnownYears) {
  EXPECT_EQ(easter_sunday(2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(easter_sunday(2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(easter_sunday(2019), (CivilDate{2019, 4, 21}));
  EXPECT_EQ(easter_sunday(2038), (CivilDate{2038, 4, 25}));
}

TEST(BankHolidays, EnglandAndWales2025) {
  const std::vector<CivilDate> expected = {{2025, 1, 1},  {2025, 4, 18}, {2025, 4, 21}, {2025, 5, 5},
                                           {2025, 5, 26}, {2025, 8, 25}, {2025, 12, 25}, {2025, 12, 26}};
  EXPECT_EQ(bank_holidays_england_wales(2025), expected);
}

TEST(BankHolidays, SubstituteDaysWhenChristmasFallsAtTheWeekend) {
  const auto h2021 = bank_holidays_england_wales(2021);
  EXPECT_EQ(h2021.back(), (CivilDate{2021, 12, 28}));
  EXPECT_EQ(h2021[h2021.size() - 2], (CivilDate{2021, 12, 27}));
  const auto h2022 = bank_holidays_england_wales(2022);  // Christmas on a Sunday
  EXPECT_EQ(h2022.back(), (CivilDate{2022, 12, 27}));
  EXPECT_EQ(h2022[h2022.size() - 2], (CivilDate{2022, 12, 26}));
  const auto h2022_new_year = bank_holidays_england_wales(2022).front();  // 1 Jan was a Saturday
  EXPECT_EQ(h2022_new_year, (CivilDate{2022, 1, 3}));
}

TEST(BankHolidays, OneOffsMoveAndAdd) {
  const auto h2020 = bank_holidays_england_wales(2020);
  EXPECT_NE(std::find(h2020.begin(), h2020.end(), CivilDate{2020, 5, 8}), h2020.end());
  EXPECT_EQ(std::find(h2020.begin(), h2020.end(), CivilDate{2020, 5, 4}), h2020.end());
  const auto h2022 = bank_holidays_england_wales(2022);
  EXPECT_EQ(h2022.size(), 10u);  // 8 regular with the spring one moved, plus jubilee and funeral
}

TEST(Calendar, WorkingDaysAcrossEaster2025) {
  const Calendar cal({2025, 4, 1});
  // Thursday 17 April to Tuesday 22 April: Good Friday, the weekend and Easter Monday skip,
  // leaving only Tuesday 22nd.
  EXPECT_EQ(cal.working_days_between(cal.day_of({2025, 4, 17}), cal.day_of({2025, 4, 22})), 1);
  EXPECT_FALSE(cal.is_working_day(cal.day_of({2025, 4, 21})));
  EXPECT_TRUE(cal.is_working_day(cal.day_of({2025, 4, 22})));
  // April 2025 has 22 weekdays less two bank holidays.
  EXPECT_EQ(cal.working_days_in_month(0), 20);
  EXPECT_EQ(cal.add_working_days(cal.day_of({2025, 4, 17}), 1), cal.day_of({2025, 4, 22}));
  EXPECT_EQ(cal.working_days_between(cal.day_of({2025, 4, 22}), cal.day_of({2025, 4, 17})), -1);
}

TEST(Calendar, WorkingDaysAcrossChristmas2021) {
  const Calendar cal({2021, 12, 1});
  // Friday 24 Dec to Wednesday 29 Dec 2021: 25-28 are weekend or holidays; only the 29th counts.
  EXPECT_EQ(cal.working_days_between(cal.day_of({2021, 12, 24}), cal.day_of({2021, 12, 29})), 1);
  EXPECT_EQ(cal.add_working_days(cal.day_of({2021, 12, 24}), 1), cal.day_of({2021, 12, 29}));
}

TEST(Calendar, AddAndCountAreInverse) {
  const Calendar cal({2020, 1, 1});
  for (int day = 0; day < 2000; day += 3)
    for (int n : {1, 5, 15, 45})
      EXPECT_EQ(cal.working_days_between(day, cal.add_working_days(day, n)), n) << day << " + " << n;
}

TEST(Calendar, MonthsAndFinancialYears) {
  const Calendar cal({2020, 1, 15});
  EXPECT_EQ(cal.month_index(0), 0);
  EXPECT_EQ(cal.month_index(cal.day_of({2020, 2, 1})), 1);
  EXPECT_EQ(cal.month_index(cal.day_of({2021, 1, 31})), 12);
  EXPECT_EQ(cal.month_start(13), (CivilDate{2021, 2, 1}));
  EXPECT_EQ(cal.financial_year(cal.day_of({2020, 3, 31})), 2019);
  EXPECT_EQ(cal.financial_year(cal.day_of({2020, 4, 1})), 2020);
}

}  // namespace
}  // namespace caseflow::engine
