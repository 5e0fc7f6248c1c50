#include "sim/durations.h"

#include <cmath>

namespace caseflow::sim {

double sim_days_before(double value, TimeUnit unit, const engine::Calendar& calendar, double day) {
  if (unit != TimeUnit::kWorkingDays) return to_sim_days(value, unit, calendar, day);
  return day - calendar.working_days_back(day, static_cast<int>(std::floor(value)));
}

}  // namespace caseflow::sim
