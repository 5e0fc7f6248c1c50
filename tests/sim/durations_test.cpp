// The one conversion from a duration to simulation days: fixed lengths for days, weeks and
// months; working days on the calendar, forward from a day or back from it.
#include <gtest/gtest.h>

#include "sim/durations.h"
#include "sim/engine/calendar.h"

namespace caseflow::sim {
namespace {

// 2019-04-01 is a Monday; Good Friday 2019 was 19 April, Easter Monday 22 April; the
// Christmas 2018 bank holidays were Tuesday 25 and Wednesday 26 December, New Year's Day a
// Tuesday.
const engine::Calendar& calendar() {
  static const engine::Calendar kCalendar({2019, 4, 1}, 5, 5);
  return kCalendar;
}

TEST(Durations, FixedLengths) {
  EXPECT_DOUBLE_EQ(to_sim_days(10, TimeUnit::kDays, calendar(), 3.5), 10);
  EXPECT_DOUBLE_EQ(to_sim_days(2, TimeUnit::kWeeks, calendar(), 0), 14);
  EXPECT_DOUBLE_EQ(to_sim_days(12, TimeUnit::kMonths, calendar(), 0), kDaysPerYear);
  EXPECT_DOUBLE_EQ(sim_days_before(3, TimeUnit::kWeeks, calendar(), 0), 21);
}

TEST(Durations, WorkingDaysForwardSkipWeekendsAndBankHolidays) {
  // From Monday 1 April: 5 working days end on Monday 8 April (day 7).
  EXPECT_DOUBLE_EQ(to_sim_days(5, TimeUnit::kWorkingDays, calendar(), 0), 7);
  // A part day counts whole, and the count starts at the start of the day.
  EXPECT_DOUBLE_EQ(to_sim_days(4.2, TimeUnit::kWorkingDays, calendar(), 0.75), 7);
  // From Thursday 18 April (day 17): the 1st working day is Tuesday 23 April (day 22).
  EXPECT_DOUBLE_EQ(to_sim_days(1, TimeUnit::kWorkingDays, calendar(), 17), 5);
}

TEST(Durations, WorkingDaysBackCountWholeDaysGone) {
  // Back from Monday 1 April: 10 whole working days gone reach back to Monday 18 March, and
  // a part day not yet finished does not count.
  EXPECT_DOUBLE_EQ(sim_days_before(10, TimeUnit::kWorkingDays, calendar(), 0), 14);
  EXPECT_DOUBLE_EQ(sim_days_before(10.9, TimeUnit::kWorkingDays, calendar(), 0), 14);
  EXPECT_DOUBLE_EQ(sim_days_before(0.5, TimeUnit::kWorkingDays, calendar(), 0), 0);
  // Back from Wednesday 2 January 2019 (day -89), 3 working days: 2 January, 31 and 28
  // December, skipping New Year's Day, the weekend and the Christmas bank holidays; the day
  // before them is Thursday 27 December (day -95).
  const double jan2 = calendar().day_of({2019, 1, 2});
  EXPECT_DOUBLE_EQ(sim_days_before(3, TimeUnit::kWorkingDays, calendar(), jan2), jan2 - calendar().day_of({2018, 12, 27}));
}

TEST(Durations, WorkingDaysBackAndForwardAgreeWithTheCount) {
  for (int day = -400; day < 400; day += 13)
    for (int n : {1, 2, 7, 45, 120}) {
      const double back = sim_days_before(n, TimeUnit::kWorkingDays, calendar(), day);
      EXPECT_EQ(calendar().working_days_between(day - back, day), n) << day << " " << n;
      // The latest such day: the day after it is the earliest of the n working days.
      EXPECT_EQ(calendar().working_days_between(day - back + 1, day), n - 1) << "not the latest such day";
      const double ahead = to_sim_days(n, TimeUnit::kWorkingDays, calendar(), day);
      EXPECT_EQ(calendar().working_days_between(day, day + ahead), n) << day << " " << n;
      EXPECT_TRUE(calendar().is_working_day(static_cast<int>(day + ahead)));
    }
}

}  // namespace
}  // namespace caseflow::sim
