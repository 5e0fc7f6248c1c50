#include "sim/engine/calendar.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "sim/engine/bank_holidays.h"

namespace caseflow::engine {

Calendar::Calendar(CivilDate start, int years_before, int years_after)
    : start_(start), start_serial_(days_from_civil(start)) {
  const int first_serial = days_from_civil({start.year - years_before, 1, 1});
  const int end_serial = days_from_civil({start.year + years_after + 1, 1, 1});
  first_day_ = first_serial - start_serial_;

  std::vector<int> holidays;
  for (int y = start.year - years_before; y <= start.year + years_after; ++y)
    for (const auto& d : bank_holidays_england_wales(y)) holidays.push_back(days_from_civil(d));
  std::sort(holidays.begin(), holidays.end());

  cumulative_.assign(static_cast<std::size_t>(end_serial - first_serial) + 1, 0);
  for (int serial = first_serial; serial < end_serial; ++serial) {
    const bool working =
        weekday_of(serial) < 5 && !std::binary_search(holidays.begin(), holidays.end(), serial);
    const auto i = static_cast<std::size_t>(serial - first_serial);
    cumulative_[i + 1] = cumulative_[i] + (working ? 1 : 0);
    dates_.push_back(civil_from_days(serial));
    if (working) working_days_.push_back(serial - start_serial_);
  }
}

void Calendar::beyond_range(int day) {
  throw std::out_of_range("date outside the calendar's range: day " + std::to_string(day));
}

int Calendar::month_index(Time t) const {
  const CivilDate d = date_at(t);
  return (d.year - start_.year) * 12 + (d.month - start_.month);
}

CivilDate Calendar::month_start(int month_index) const {
  const int months = start_.year * 12 + (start_.month - 1) + month_index;
  return {months / 12, months % 12 + 1, 1};
}

int Calendar::financial_year(Time t) const {
  const CivilDate d = date_at(t);
  return d.month >= 4 ? d.year : d.year - 1;
}

int Calendar::working_days_in_month(int month_index) const {
  const int first = day_of(month_start(month_index));
  const int next = day_of(month_start(month_index + 1));
  return working_days_between(first - 1, next - 1);
}

}  // namespace caseflow::engine
