#include "sim/durations.h"

#include <cmath>

namespace caseflow::sim {

double to_sim_days(double value, TimeUnit unit, const engine::Calendar& calendar, double from_day) {
  switch (unit) {
    case TimeUnit::kDays: return value;
    case TimeUnit::kWeeks: return value * kDaysPerWeek;
    case TimeUnit::kMonths: return value * kDaysPerMonth;
    case TimeUnit::kWorkingDays:
      return calendar.add_working_days(from_day, static_cast<int>(std::ceil(value))) - std::floor(from_day);
  }
  return value;
}

double sim_days_before(double value, TimeUnit unit, const engine::Calendar& calendar, double day) {
  if (unit != TimeUnit::kWorkingDays) return to_sim_days(value, unit, calendar, day);
  return day - calendar.working_days_back(day, static_cast<int>(std::floor(value)));
}

}  // namespace caseflow::sim
