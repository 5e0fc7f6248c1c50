#pragma once
// School holidays in England by a documented rule, for the years a scenario's own list of
// holidays does not cover (docs/model.md, "School terms"). Term dates are set by each council
// and academy trust, so no rule is exact; this one is "typical English county dates", and a
// scenario's listed holidays always override it inside the span they cover:
//   February half-term  the Saturday before the Monday in 12-18 February, for 9 days;
//   Easter              from the Saturday 8 days before Easter Sunday to the Sunday after it;
//   May half-term       the 9 days around the spring bank holiday (last Monday in May);
//   summer              from the Saturday in 19-25 July to the first Monday of September;
//   October half-term   the 9 days around the Monday in 22-28 October;
//   Christmas           from the Saturday in 17-23 December to the last day before the
//                       first weekday on or after 4 January.
#include <optional>
#include <vector>

#include "sim/engine/civil_date.h"
#include "sim/scenario.h"

namespace caseflow::sim {

// The rule's holidays that begin in calendar years first_year..last_year, ascending.
std::vector<SchoolHoliday> typical_english_holidays(int first_year, int last_year);

// The days a list of holidays speaks for: from the day after the rule's last holiday before
// the first listed one, to the day before the rule's first holiday after the last listed one
// (term time runs up to the next holiday, which the list does not name).
struct CalendarSpan {
  engine::CivilDate first, last;
};
std::optional<CalendarSpan> listed_span(const SchoolTerms& terms);  // none when nothing is listed

// The holidays in force over [from, to]: the listed ones, and with `fill_by_rule` the rule's
// outside the listed span.
std::vector<SchoolHoliday> holidays_in_force(const SchoolTerms& terms, engine::CivilDate from, engine::CivilDate to);

// The listed span, when it does not hold [from, to] and nothing fills the rest; else nothing.
// A calendar with no holidays is off, not short.
std::optional<CalendarSpan> calendar_falls_short(const SchoolTerms& terms, engine::CivilDate from,
                                                 engine::CivilDate to);

}  // namespace caseflow::sim
