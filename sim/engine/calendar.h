#pragma once
// Maps simulation time (days since the start date) to civil dates, months, financial years
// (April to March) and working days (Monday to Friday, less England and Wales bank
// holidays). Working-day counts are O(1) lookups in a prefix table built once, so the
// calendar can be shared read-only by every replication thread.
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/engine/civil_date.h"
#include "sim/engine/event_queue.h"

namespace caseflow::engine {

class Calendar {
 public:
  // Covers `years_before` years before the start date to `years_after` after it.
  explicit Calendar(CivilDate start, int years_before = 5, int years_after = 60);

  const CivilDate& start() const { return start_; }
  int day_of(const CivilDate& date) const { return days_from_civil(date) - start_serial_; }
  static int day_of(Time t) { return static_cast<int>(std::floor(t)); }
  // A table lookup inside the calendar's range: the simulation asks for dates every day.
  CivilDate date_at(Time t) const {
    const long i = long{day_of(t)} - first_day_;
    return i >= 0 && i < static_cast<long>(dates_.size()) ? dates_[static_cast<std::size_t>(i)]
                                                          : civil_from_days(start_serial_ + day_of(t));
  }

  int weekday(int day) const { return weekday_of(start_serial_ + day); }  // 0 = Monday

  // Months counted from the start date's month (0 = the month containing the start date).
  int month_index(Time t) const;
  CivilDate month_start(int month_index) const;
  Time month_start_time(int month_index) const { return day_of(month_start(month_index)); }

  // The calendar year in which the financial year containing t begins (FY 2020 = Apr 2020 to Mar 2021).
  int financial_year(Time t) const;
  int financial_year_of_month(int month_index) const { return financial_year(month_start_time(month_index)); }

  // These three are inline: the simulation calls them for every contact and case.
  bool is_working_day(int day) const {
    const std::size_t i = slot(day);
    return cumulative_[i + 1] != cumulative_[i];
  }
  // Working days in the half-open span (day a, day b]: the working days after a, up to and
  // including b. Negative when b is before a.
  int working_days_between(Time a, Time b) const {
    return cumulative_[slot(day_of(b)) + 1] - cumulative_[slot(day_of(a)) + 1];
  }
  // The day on which the n-th working day after day t falls (n >= 1), or t's day when n == 0.
  int add_working_days(Time t, int n) const {
    const int day = day_of(t);
    if (n <= 0) return day;
    // The count of working days up to and including `day` locates the next ones directly.
    const auto done = static_cast<std::size_t>(cumulative_[slot(day) + 1] - cumulative_[0]);
    const std::size_t target = done + static_cast<std::size_t>(n) - 1;
    if (target >= working_days_.size()) beyond_range(working_days_.empty() ? day : working_days_.back() + 1);
    return working_days_[target];
  }
  // The latest day d with exactly n working days in (d, day of t] (n >= 0): going back n
  // working days from t, the day before the earliest of them.
  int working_days_back(Time t, int n) const {
    const int day = day_of(t);
    if (n <= 0) return day;
    const auto done = static_cast<std::size_t>(cumulative_[slot(day) + 1] - cumulative_[0]);
    if (static_cast<std::size_t>(n) > done) beyond_range(day);
    return working_days_[done - static_cast<std::size_t>(n)] - 1;
  }
  int working_days_in_month(int month_index) const;

 private:
  std::size_t slot(int day) const {
    const long i = long{day} - first_day_;
    if (i < 0 || i + 1 >= static_cast<long>(cumulative_.size())) beyond_range(day);
    return static_cast<std::size_t>(i);
  }
  [[noreturn]] static void beyond_range(int day);
  CivilDate start_;
  int start_serial_;
  int first_day_;                 // earliest day (relative to start) the table covers
  std::vector<std::int32_t> cumulative_;  // working days in [first_day_, first_day_ + i)
  std::vector<std::int32_t> working_days_;  // day index of every working day, ascending
  std::vector<CivilDate> dates_;            // civil date of each day from first_day_
};

}  // namespace caseflow::engine
