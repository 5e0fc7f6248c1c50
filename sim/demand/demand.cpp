#include "sim/demand/demand.h"

#include <boost/random/gamma_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

namespace caseflow::sim {

DemandModel::DemandModel(const engine::Calendar& calendar, int months) : calendar_(calendar), months_(months) {}

double DemandModel::intensity(const Demand& demand, Source source, int day) const {
  if (!calendar_.is_working_day(day)) return 0.0;
  const engine::CivilDate date = calendar_.date_at(day);
  const int month = calendar_.month_index(day);
  // Sum of weekday weights over this month's working days (the month's share of each day).
  const int first = calendar_.day_of(calendar_.month_start(month));
  const int next = calendar_.day_of(calendar_.month_start(month + 1));
  double weight_sum = 0.0;
  for (int d = first; d < next; ++d)
    if (calendar_.is_working_day(d)) weight_sum += demand.weekday_profile[static_cast<std::size_t>(engine::weekday_of(days_from_civil(calendar_.date_at(d))))];
  const auto s = index(source);
  const auto m = static_cast<std::size_t>(date.month - 1);
  const double seasonal = source == Source::kSchools ? demand.schools_monthly_profile[m] : demand.monthly_profile[m];
  const double years = day / 365.25;
  double rate = demand.contacts_per_month[s] * seasonal * std::pow(1.0 + demand.trend_pct_per_year / 100.0, years);
  for (const auto& shock : demand.shocks)
    if (!(date < shock.from) && !(shock.to < date)) rate *= shock.multiplier[s];
  const double weekday = demand.weekday_profile[static_cast<std::size_t>(engine::weekday_of(days_from_civil(date)))];
  return weight_sum > 0 ? rate * weekday / weight_sum : 0.0;
}

std::uint32_t DemandModel::sample(const Demand& demand, Source source, int day,
                                  const engine::RandomStream& stream) const {
  double mean = intensity(demand, source, day);
  if (mean <= 0) return 0;
  auto rng = stream.at(static_cast<std::uint64_t>(day + 100'000) * 8 + index(source), 0);
  if (demand.overdispersion_cv > 0) {
    // Gamma-mixed Poisson (negative binomial): the day's rate varies with this coefficient of variation.
    const double shape = 1.0 / (demand.overdispersion_cv * demand.overdispersion_cv);
    mean *= boost::random::gamma_distribution<double>(shape, 1.0 / shape)(rng);
  }
  return static_cast<std::uint32_t>(boost::random::poisson_distribution<std::uint32_t, double>(mean)(rng));
}

}  // namespace caseflow::sim
