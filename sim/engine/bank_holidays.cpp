#include "sim/engine/bank_holidays.h"

#include <algorithm>

namespace caseflow::engine {

namespace {

constexpr int kMonday = 0, kSaturday = 5, kSunday = 6;

CivilDate shift(const CivilDate& date, int days) { return civil_from_days(days_from_civil(date) + days); }

CivilDate first_monday(int year, int month) {
  int day = days_from_civil({year, month, 1});
  while (weekday_of(day) != kMonday) ++day;
  return civil_from_days(day);
}

CivilDate last_monday(int year, int month) {
  int day = days_from_civil({year, month, days_in_month(year, month)});
  while (weekday_of(day) != kMonday) --day;
  return civil_from_days(day);
}

// Proclaimed changes to the regular pattern (gov.uk bank holiday announcements).
struct OneOff {
  CivilDate moved_from;  // regular holiday that did not happen ({0,0,0} if none)
  CivilDate holiday;     // the day that was a holiday instead, or in addition
};
constexpr OneOff kOneOffs[] = {
    {{1995, 5, 1}, {1995, 5, 8}},    // early May moved for the 50th anniversary of VE Day
    {{0, 0, 0}, {1999, 12, 31}},     // millennium
    {{2002, 5, 27}, {2002, 6, 4}},   // spring holiday moved for the Golden Jubilee
    {{0, 0, 0}, {2002, 6, 3}},       // Golden Jubilee
    {{0, 0, 0}, {2011, 4, 29}},      // royal wedding
    {{2012, 5, 28}, {2012, 6, 4}},   // spring holiday moved for the Diamond Jubilee
    {{0, 0, 0}, {2012, 6, 5}},       // Diamond Jubilee
    {{2020, 5, 4}, {2020, 5, 8}},    // early May moved to VE Day's 75th anniversary
    {{2022, 5, 30}, {2022, 6, 2}},   // spring holiday moved for the Platinum Jubilee
    {{0, 0, 0}, {2022, 6, 3}},       // Platinum Jubilee
    {{0, 0, 0}, {2022, 9, 19}},      // state funeral of Queen Elizabeth II
    {{0, 0, 0}, {2023, 5, 8}},       // coronation of King Charles III
};

}  // namespace

CivilDate easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

std::vector<CivilDate> bank_holidays_england_wales(int year) {
  std::vector<CivilDate> days;

  // New Year's Day, or the Monday after when it falls at a weekend.
  int new_year = days_from_civil({year, 1, 1});
  while (weekday_of(new_year) >= kSaturday) ++new_year;
  days.push_back(civil_from_days(new_year));

  const CivilDate easter = easter_sunday(year);
  days.push_back(shift(easter, -2));  // Good Friday
  days.push_back(shift(easter, 1));   // Easter Monday
  days.push_back(first_monday(year, 5));
  days.push_back(last_monday(year, 5));
  days.push_back(last_monday(year, 8));

  // Christmas and Boxing Day; a weekend holiday moves to the next free weekday.
  const int christmas = days_from_civil({year, 12, 25});
  const int boxing = christmas + 1;
  const int wd = weekday_of(christmas);
  if (wd == kSaturday) {
    days.push_back(civil_from_days(christmas + 2));  // Monday 27th
    days.push_back(civil_from_days(christmas + 3));  // Tuesday 28th
  } else if (wd == kSunday) {
    days.push_back(civil_from_days(boxing));         // Monday 26th
    days.push_back(civil_from_days(christmas + 2));  // Tuesday 27th for Christmas
  } else if (wd == 4) {                               // Friday Christmas, Saturday Boxing Day
    days.push_back(civil_from_days(christmas));
    days.push_back(civil_from_days(christmas + 3));  // Monday 28th
  } else {
    days.push_back(civil_from_days(christmas));
    days.push_back(civil_from_days(boxing));
  }

  for (const auto& one_off : kOneOffs) {
    if (one_off.moved_from.year == year)
      std::erase(days, one_off.moved_from);
    if (one_off.holiday.year == year) days.push_back(one_off.holiday);
  }
  std::sort(days.begin(), days.end());
  return days;
}

}  // namespace caseflow::engine
