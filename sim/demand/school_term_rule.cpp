#include "sim/demand/school_term_rule.h"

#include "sim/engine/bank_holidays.h"

namespace caseflow::sim {

namespace {

using engine::CivilDate;

int serial(const CivilDate& d) { return engine::days_from_civil(d); }
CivilDate date(int s) { return engine::civil_from_days(s); }

// The first day in [first, first + 6] of `month` that falls on `weekday` (0 = Monday).
int weekday_from(int year, int month, int first, int weekday) {
  const int s = serial({year, month, first});
  return s + (weekday - engine::weekday_of(s) + 7) % 7;
}

constexpr int kMonday = 0, kSaturday = 5;

SchoolHoliday around_monday(int monday) { return {date(monday - 2), date(monday + 6)}; }

std::vector<SchoolHoliday> rule_year(int y) {
  const int easter = serial(engine::easter_sunday(y));
  const int last_may_monday = weekday_from(y, 5, 25, kMonday);
  int back_in_january = serial({y + 1, 1, 4});
  while (engine::weekday_of(back_in_january) > 4) ++back_in_january;
  return {
      around_monday(weekday_from(y, 2, 12, kMonday)),
      {date(easter - 8), date(easter + 7)},
      around_monday(last_may_monday),
      {date(weekday_from(y, 7, 19, kSaturday)), date(weekday_from(y, 9, 1, kMonday))},
      around_monday(weekday_from(y, 10, 22, kMonday)),
      {date(weekday_from(y, 12, 17, kSaturday)), date(back_in_january - 1)},
  };
}

}  // namespace

std::vector<SchoolHoliday> typical_english_holidays(int first_year, int last_year) {
  std::vector<SchoolHoliday> all;
  for (int y = first_year; y <= last_year; ++y)
    for (const auto& h : rule_year(y)) all.push_back(h);
  return all;
}

std::optional<CalendarSpan> listed_span(const SchoolTerms& terms) {
  if (terms.holidays.empty()) return std::nullopt;
  const CivilDate first_listed = terms.holidays.front().from, last_listed = terms.holidays.back().to;
  CalendarSpan span{first_listed, last_listed};
  for (const auto& h : typical_english_holidays(first_listed.year - 1, first_listed.year))
    if (h.to < first_listed) span.first = date(serial(h.to) + 1);
  for (const auto& h : typical_english_holidays(last_listed.year, last_listed.year + 1))
    if (h.from > last_listed) {
      span.last = date(serial(h.from) - 1);
      break;
    }
  return span;
}

std::vector<SchoolHoliday> holidays_in_force(const SchoolTerms& terms, CivilDate from, CivilDate to) {
  const auto span = listed_span(terms);
  if (!terms.fill_by_rule() || !span) return terms.holidays;
  std::vector<SchoolHoliday> in_force;
  for (const auto& h : typical_english_holidays(from.year - 1, span->first.year))
    if (h.to < span->first) in_force.push_back(h);
  in_force.insert(in_force.end(), terms.holidays.begin(), terms.holidays.end());
  for (const auto& h : typical_english_holidays(span->last.year, to.year + 1))
    if (h.from > span->last) in_force.push_back(h);
  return in_force;
}

std::optional<CalendarSpan> calendar_falls_short(const SchoolTerms& terms, CivilDate from, CivilDate to) {
  const auto span = listed_span(terms);
  if (!span || terms.fill_by_rule() || (span->first <= from && to <= span->last)) return std::nullopt;
  return span;
}

}  // namespace caseflow::sim
