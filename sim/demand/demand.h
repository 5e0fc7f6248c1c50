#pragma once
// Contacts as a non-homogeneous Poisson process by source. The intensity is constant within
// each working day (contacts arrive on working days), so drawing a Poisson count per working
// day and source samples the process exactly. Intensity for source s on working day d:
//   contacts_per_month[s] x seasonal(month, s) x growth(years) x shocks(d, s)
//     x weekday(d) / sum of weekday weights over the month's working days,
// so a month's expected contacts equal the monthly figure exactly, however many working
// days it has. For schools with a term calendar (Demand::school_terms) a term factor
// multiplies on top: `holiday_multiplier` on working days inside a holiday,
// `end_of_term_multiplier` on the last `end_of_term_days` working days before each holiday,
// 1 otherwise. The month is not renormalised, so the month's expected schools contacts are
// the monthly figure x the weekday-weighted mean term factor of its working days.
#include <array>
#include <cstdint>
#include <vector>

#include "sim/durations.h"
#include "sim/engine/calendar.h"
#include "sim/engine/random.h"
#include "sim/scenario.h"

namespace caseflow::sim {

class DemandModel {
 public:
  DemandModel(const engine::Calendar& calendar, int months);
  // Tabulates every day's intensity for this demand over the model's months. Later calls for
  // it are table lookups that change nothing, so a model prepared for every demand a run
  // uses can be shared read-only by all its replications and threads.
  void prepare(const Demand& demand);
  // Expected contacts from a source on a day (0 on non-working days).
  double intensity(const Demand& demand, Source source, int day) const;
  // The same before the dated shocks: the day's mix that returning children's sources follow
  // (a shock then holds their contacts back, sim/demand/hold_back.h). Equal to intensity()
  // when the demand has no shocks.
  double unshocked_intensity(const Demand& demand, Source source, int day) const;
  // A draw of the day's contacts from a source; entity (day, source) keys the random stream,
  // so the draw is the same in every scenario that has the same intensity.
  std::uint32_t sample(const Demand& demand, Source source, int day, const engine::RandomStream& stream) const;
  // The same draw when the day's intensity is already known.
  std::uint32_t sample_with_mean(const Demand& demand, Source source, int day, double mean,
                                 const engine::RandomStream& stream) const;
  // The schools term factor on a working day (1 without a calendar); see the header comment.
  double school_term_factor(const SchoolTerms& terms, int day) const;
  // Expected UASC arrivals on a day, times the `uasc` multipliers of the shocks covering it.
  double uasc_per_day(const Demand& demand, int day) const;

 private:
  struct Tabulated {
    const Demand* demand;
    std::vector<double> by_day_and_source;  // [day * kSources + source]
    std::vector<double> unshocked;          // the same without shocks; empty when it has none
  };
  const Tabulated* tabulated(const Demand& demand) const;
  double compute_intensity(const Demand& demand, Source source, int day, bool shocked = true) const;
  std::vector<Tabulated> tabulated_;
  struct DayRange {
    int from, to;  // inclusive day numbers
  };
  double weekday_weight_sum(const Demand& demand, int month) const;
  std::vector<DayRange> holiday_days(const SchoolTerms& terms) const;
  double term_factor_with(const SchoolTerms& terms, const std::vector<DayRange>& holidays, int day) const;

  const engine::Calendar& calendar_;
  // Sum of weekday weights over each month's working days, for the profile it was built for.
  mutable std::array<double, 5> cached_profile_{};
  mutable std::vector<double> weekday_weight_sum_;
  // Each day's school-term factor, for the terms it was built for (a scenario period's
  // parameters stay put for the whole run, so their address identifies them).
  mutable const SchoolTerms* cached_terms_ = nullptr;
  mutable std::vector<double> term_factor_;
  double term_factor_of(const SchoolTerms& terms, int day) const;
  int months_;
};

}  // namespace caseflow::sim
