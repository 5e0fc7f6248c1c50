#pragma once
// Proleptic Gregorian civil dates and their serial day numbers (days since 1970-01-01), by
// the standard library's calendar types (<chrono> year_month_day and sys_days).
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace caseflow::engine {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const CivilDate&) const = default;
};

int days_from_civil(const CivilDate& date);
CivilDate civil_from_days(int serial_day);
int weekday_of(int serial_day);  // 0 = Monday .. 6 = Sunday
int weekdays_between(int first, int last);  // Mondays to Fridays in [first, last]; 0 when last < first
int days_in_month(int year, int month);
bool is_valid(const CivilDate& date);

// "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string to_iso(const CivilDate& date);        // YYYY-MM-DD
std::string to_year_month(const CivilDate& date);  // YYYY-MM

}  // namespace caseflow::engine
