#include "sim/demand/demand.h"

#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "sim/demand/school_term_rule.h"
#include "sim/durations.h"
#include "sim/engine/gamma_variate.h"

namespace caseflow::sim {

DemandModel::DemandModel(const engine::Calendar& calendar, int months) : calendar_(calendar), months_(months) {}

double DemandModel::weekday_weight_sum(const Demand& demand, int month) const {
  if (weekday_weight_sum_.empty() || cached_profile_ != demand.weekday_profile) {
    cached_profile_ = demand.weekday_profile;
    weekday_weight_sum_.assign(static_cast<std::size_t>(months_) + 1, 0.0);
    for (int m = 0; m <= months_; ++m) {
      const int first = calendar_.day_of(calendar_.month_start(m));
      const int next = calendar_.day_of(calendar_.month_start(m + 1));
      const int first_weekday = engine::weekday_of(engine::days_from_civil(calendar_.month_start(m)));
      for (int d = first; d < next; ++d)
        if (calendar_.is_working_day(d))
          weekday_weight_sum_[static_cast<std::size_t>(m)] += demand.weekday_profile[static_cast<std::size_t>((first_weekday + d - first) % 7)];
    }
  }
  return month >= 0 && month <= months_ ? weekday_weight_sum_[static_cast<std::size_t>(month)] : 0.0;
}

std::vector<DemandModel::DayRange> DemandModel::holiday_days(const SchoolTerms& terms) const {
  std::vector<DayRange> days;
  const auto in_force = holidays_in_force(terms, calendar_.start(), calendar_.month_start(months_ + 1));
  days.reserve(in_force.size());
  for (const auto& holiday : in_force) days.push_back({calendar_.day_of(holiday.from), calendar_.day_of(holiday.to)});
  return days;
}

double DemandModel::term_factor_with(const SchoolTerms& terms, const std::vector<DayRange>& holidays, int day) const {
  for (const auto& holiday : holidays) {
    if (day < holiday.from) {
      // Holidays ascend: only the first one after the day can make it an end-of-term day.
      if (terms.end_of_term_days <= 0) return 1.0;
      int working_days_after = 0;  // working days strictly between the day and the holiday
      for (int d = day + 1; d < holiday.from && working_days_after < terms.end_of_term_days; ++d)
        if (calendar_.is_working_day(d)) ++working_days_after;
      return working_days_after < terms.end_of_term_days ? terms.end_of_term_multiplier : 1.0;
    }
    if (day <= holiday.to) return terms.holiday_multiplier;
  }
  return 1.0;
}

double DemandModel::school_term_factor(const SchoolTerms& terms, int day) const {
  return term_factor_with(terms, holiday_days(terms), day);
}

double DemandModel::term_factor_of(const SchoolTerms& terms, int day) const {
  if (cached_terms_ != &terms) {
    cached_terms_ = &terms;
    const auto holidays = holiday_days(terms);  // dates to day numbers once, not once a day
    const int days = calendar_.day_of(calendar_.month_start(months_ + 1));
    term_factor_.resize(static_cast<std::size_t>(days));
    for (int d = 0; d < days; ++d) term_factor_[static_cast<std::size_t>(d)] = term_factor_with(terms, holidays, d);
  }
  return day >= 0 && day < static_cast<int>(term_factor_.size()) ? term_factor_[static_cast<std::size_t>(day)]
                                                                  : school_term_factor(terms, day);
}

void DemandModel::prepare(const Demand& demand) {
  for (const auto& t : tabulated_)
    if (t.demand == &demand) return;
  const int days = calendar_.day_of(calendar_.month_start(months_ + 1));
  const std::size_t cells = static_cast<std::size_t>(days) * kSources;
  Tabulated t{&demand, std::vector<double>(cells), std::vector<double>(demand.shocks.empty() ? 0 : cells)};
  for (int d = 0; d < days; ++d)
    for (std::size_t s = 0; s < kSources; ++s) {
      const std::size_t i = static_cast<std::size_t>(d) * kSources + s;
      t.by_day_and_source[i] = compute_intensity(demand, static_cast<Source>(s), d);
      if (!t.unshocked.empty()) t.unshocked[i] = compute_intensity(demand, static_cast<Source>(s), d, false);
    }
  tabulated_.push_back(std::move(t));
}

const DemandModel::Tabulated* DemandModel::tabulated(const Demand& demand) const {
  for (const auto& t : tabulated_)
    if (t.demand == &demand) return &t;
  return nullptr;
}

double DemandModel::intensity(const Demand& demand, Source source, int day) const {
  const Tabulated* t = tabulated(demand);
  const std::size_t i = static_cast<std::size_t>(day) * kSources + index(source);
  if (t && day >= 0 && i < t->by_day_and_source.size()) return t->by_day_and_source[i];
  return compute_intensity(demand, source, day);
}

double DemandModel::unshocked_intensity(const Demand& demand, Source source, int day) const {
  if (demand.shocks.empty()) return intensity(demand, source, day);
  const Tabulated* t = tabulated(demand);
  const std::size_t i = static_cast<std::size_t>(day) * kSources + index(source);
  if (t && day >= 0 && i < t->unshocked.size()) return t->unshocked[i];
  return compute_intensity(demand, source, day, false);
}

double DemandModel::compute_intensity(const Demand& demand, Source source, int day, bool shocked) const {
  if (!calendar_.is_working_day(day)) return 0.0;
  const engine::CivilDate date = calendar_.date_at(day);
  const double weight_sum = weekday_weight_sum(demand, calendar_.month_index(day));
  const auto s = index(source);
  const auto m = static_cast<std::size_t>(date.month - 1);
  const double seasonal = source == Source::kSchools
                              ? demand.schools_monthly_profile[m] * term_factor_of(demand.school_terms, day)
                              : demand.monthly_profile[m];
  const double years = day / kDaysPerYear;
  const double growth = (1.0 + demand.trend_pct_per_year / 100.0) * (1.0 + demand.child_population_growth_pct_per_year / 100.0);
  double rate = demand.contacts_per_month[s] * seasonal * std::pow(growth, years);
  if (shocked)
    for (const auto& shock : demand.shocks)
      if (shock.covers(date)) rate *= shock.multiplier[s];
  const double weekday = demand.weekday_profile[static_cast<std::size_t>(calendar_.weekday(day))];
  return weight_sum > 0 ? rate * weekday / weight_sum : 0.0;
}

double DemandModel::uasc_per_day(const Demand& demand, int day) const {
  double mean = demand.uasc_per_year / kDaysPerYear;
  if (demand.shocks.empty()) return mean;
  const engine::CivilDate date = calendar_.date_at(day);
  for (const auto& shock : demand.shocks)
    if (shock.covers(date)) mean *= shock.uasc;
  return mean;
}

std::uint32_t DemandModel::sample(const Demand& demand, Source source, int day,
                                  const engine::RandomStream& stream) const {
  return sample_with_mean(demand, source, day, intensity(demand, source, day), stream);
}

std::uint32_t DemandModel::sample_with_mean(const Demand& demand, Source source, int day, double mean,
                                            const engine::RandomStream& stream) const {
  if (mean <= 0) return 0;
  auto rng = stream.at(static_cast<std::uint64_t>(day + 100'000) * 8 + index(source), 0);
  if (demand.overdispersion_cv > 0) {
    // Gamma-mixed Poisson (negative binomial): the day's rate varies with this coefficient of variation.
    const double shape = 1.0 / (demand.overdispersion_cv * demand.overdispersion_cv);
    mean *= engine::gamma_variate(shape, rng) / shape;
  }
  return static_cast<std::uint32_t>(boost::random::poisson_distribution<std::uint32_t, double>(mean)(rng));
}

}  // namespace caseflow::sim
