#include "sim/engine/civil_date.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace caseflow::engine {

namespace {
namespace chr = std::chrono;
chr::year_month_day to_ymd(const CivilDate& date) {
  return chr::year{date.year} / chr::month{static_cast<unsigned>(date.month)} / chr::day{static_cast<unsigned>(date.day)};
}
}  // namespace

int days_from_civil(const CivilDate& date) {
  return static_cast<int>(chr::sys_days{to_ymd(date)}.time_since_epoch().count());
}

CivilDate civil_from_days(int serial_day) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{serial_day}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int weekday_of(int serial_day) {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{serial_day}}}.iso_encoding()) - 1;
}

int weekdays_between(int first, int last) {
  if (last < first) return 0;
  const int days = last - first + 1;
  int count = days / 7 * 5;
  for (int w = weekday_of(first), left = days % 7; left > 0; --left, w = (w + 1) % 7)
    if (w < 5) ++count;
  return count;
}

int days_in_month(int year, int month) {
  const chr::year_month_day_last last{chr::year{year} / chr::month{static_cast<unsigned>(month)} / chr::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_valid(const CivilDate& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 && to_ymd(date).ok();
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
