#include "sim/engine/civil_date.h"

#include <charconv>
#include <cstdio>

namespace caseflow::engine {

int days_from_civil(const CivilDate& date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (date.month + 9) % 12;  // March = 0
  const int doy = (153 * mp + 2) / 5 + date.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int serial_day) {
  const int z = serial_day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int weekday_of(int serial_day) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (serial_day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool is_valid(const CivilDate& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  auto field = [&](std::size_t at, std::size_t len, int& out) {
    auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc() && ptr == text.data() + at + len;
  };
  if (!field(0, 4, date.year) || !field(5, 2, date.month) || !field(8, 2, date.day)) return std::nullopt;
  if (!is_valid(date)) return std::nullopt;
  return date;
}

std::string to_iso(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string to_year_month(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
  return buffer;
}

}  // namespace caseflow::engine
