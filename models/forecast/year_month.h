#pragma once
// A calendar month. Forecasting works on whole months, so a month index (months since
// year 0) is the natural time axis: consecutive months differ by exactly 1.
#include <compare>
#include <cstdio>
#include <string>

namespace caseflow::models::forecast {

struct YearMonth {
  int year = 2000;
  int month = 1;  // 1 = January .. 12 = December

  constexpr int index() const { return year * 12 + (month - 1); }
  static constexpr YearMonth from_index(int index) { return {index / 12, index % 12 + 1}; }
  constexpr YearMonth plus_months(int months) const { return from_index(index() + months); }
  constexpr auto operator<=>(const YearMonth&) const = default;
};

constexpr int months_between(YearMonth from, YearMonth to) { return to.index() - from.index(); }

inline std::string to_string(YearMonth ym) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", ym.year, ym.month);
  return text;
}

}  // namespace caseflow::models::forecast
