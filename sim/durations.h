#pragma once
// Time units and the one conversion from a duration in days, working days, weeks or months
// to simulation days (days since the start date, fractional).
#include <cmath>

#include "sim/distribution.h"
#include "sim/engine/calendar.h"

namespace caseflow::sim {

constexpr double kDaysPerYear = 365.25;
constexpr double kDaysPerMonth = kDaysPerYear / 12.0;
constexpr double kDaysPerWeek = 7.0;

// The simulation days that `value` in `unit` spans from `from_day`. Working days count on the
// calendar (weekends and bank holidays skipped; a part day counts as a whole one) and end on
// the last working day, counted from the start of `from_day`; the others are fixed lengths.
inline double to_sim_days(double value, TimeUnit unit, const engine::Calendar& calendar, double from_day) {
  switch (unit) {
    case TimeUnit::kDays: return value;
    case TimeUnit::kWeeks: return value * kDaysPerWeek;
    case TimeUnit::kMonths: return value * kDaysPerMonth;
    case TimeUnit::kWorkingDays:
      return calendar.add_working_days(from_day, static_cast<int>(std::ceil(value))) - std::floor(from_day);
  }
  return value;
}

// The simulation days back from `day` that `value` in `unit` has already run: for working
// days, whole working days gone (a part day not yet counted), back on the calendar to the
// day after which that many working days fall; the others are fixed lengths. The warm start
// uses it for stages already under way at the start date.
double sim_days_before(double value, TimeUnit unit, const engine::Calendar& calendar, double day);

// The same for a draw at cumulative probability u of a duration distribution.
inline double draw_sim_days(const Distribution& d, double u, const engine::Calendar& calendar, double from_day) {
  return to_sim_days(d.quantile(u), d.unit, calendar, from_day);
}

}  // namespace caseflow::sim
