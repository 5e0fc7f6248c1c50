#include "io/returns/dates.h"

#include <cctype>
#include <charconv>
#include <cstdio>

#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::optional<Day> parse_return_date(std::string_view text) {
  text = trim(text);
  engine::CivilDate date;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!digits(text.substr(0, 4), date.year) || !digits(text.substr(5, 2), date.month) || !digits(text.substr(8, 2), date.day))
      return std::nullopt;
  } else {
    // d/m/y with one- or two-digit day and month, two- or four-digit year.
    const auto first = text.find('/');
    const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos || text.find('/', second + 1) != std::string_view::npos) return std::nullopt;
    const auto day = text.substr(0, first), month = text.substr(first + 1, second - first - 1), year = text.substr(second + 1);
    if (day.size() > 2 || month.size() > 2 || (year.size() != 2 && year.size() != 4)) return std::nullopt;
    if (!digits(day, date.day) || !digits(month, date.month) || !digits(year, date.year)) return std::nullopt;
    if (year.size() == 2) date.year += date.year < 70 ? 2000 : 1900;
  }
  if (!engine::is_valid(date)) return std::nullopt;
  return engine::days_from_civil(date);
}

std::string format_dmy(Day day) {
  const auto d = engine::civil_from_days(day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buffer;
}

std::string format_iso(Day day) { return engine::to_iso(engine::civil_from_days(day)); }

int collection_year_of(Day day) {
  const auto d = engine::civil_from_days(day);
  return d.month >= 4 ? d.year + 1 : d.year;
}

Day collection_year_start(int collection_year) { return engine::days_from_civil({collection_year - 1, 4, 1}); }
Day collection_year_end(int collection_year) { return engine::days_from_civil({collection_year, 3, 31}); }

}  // namespace caseflow::returns
