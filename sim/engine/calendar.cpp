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

std::size_t Calendar::slot(int day) const {
  const long i = long{day} - first_day_;
  if (i < 0 || i + 1 >= static_cast<long>(cumulative_.size()))
    throw std::out_of_range("date outside the calendar's range: day " + std::to_string(day));
  return static_cast<std::size_t>(i);
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

bool Calendar::is_working_day(int day) const {
  const std::size_t i = slot(day);
  return cumulative_[i + 1] != cumulative_[i];
}

int Calendar::working_days_between(Time a, Time b) const {
  return cumulative_[slot(day_of(b)) + 1] - cumulative_[slot(day_of(a)) + 1];
}

int Calendar::add_working_days(Time t, int n) const {
  const int day = day_of(t);
  if (n <= 0) return day;
  // The count of working days up to and including `day` locates the next ones directly.
  const auto done = static_cast<std::size_t>(cumulative_[slot(day) + 1] - cumulative_[0]);
  const std::size_t target = done + static_cast<std::size_t>(n) - 1;
  if (target >= working_days_.size()) throw std::out_of_range("working day beyond the calendar's range");
  return working_days_[target];
}

int Calendar::working_days_in_month(int month_index) const {
  const int first = day_of(month_start(month_index));
  const int next = day_of(month_start(month_index + 1));
  return working_days_between(first - 1, next - 1);
}

}  // namespace caseflow::engine
