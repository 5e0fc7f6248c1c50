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

}  // namespace caseflow::sim
