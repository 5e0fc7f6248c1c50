#include "calibrate/legal_stage_split.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/durations.h"

namespace caseflow::calibrate {

namespace {

// Days in the distribution's own unit (working days as five in seven).
double in_unit(const sim::Distribution& d, double days) {
  switch (d.unit) {
    case sim::TimeUnit::kDays: return days;
    case sim::TimeUnit::kWeeks: return days / sim::kDaysPerWeek;
    case sim::TimeUnit::kMonths: return days / sim::kDaysPerMonth;
    case sim::TimeUnit::kWorkingDays: return days * 5.0 / 7.0;
  }
  return days;
}

double survival(const sim::Distribution& d, double days) { return days <= 0 ? 1.0 : 1.0 - d.cdf(in_unit(d, days)); }

// integral_0^D f_plo(x) S_proc(D - x) dx, and the same with x: day steps of the PLO time
// (its cdf differences), each weighted by proceedings lasting the rest.
struct CourtWeight {
  double weight = 0, plo_days = 0;
};
CourtWeight court_weight(double days, const sim::Distribution& plo, const sim::Distribution& proceedings) {
  CourtWeight w;
  const int steps = std::max(1, static_cast<int>(std::ceil(days)));
  const double h = days / steps;
  for (int i = 0; i < steps; ++i) {
    const double x = (i + 0.5) * h;
    const double mass = plo.cdf(in_unit(plo, (i + 1) * h)) - plo.cdf(in_unit(plo, i * h));
    const double ww = mass * survival(proceedings, days - x);
    w.weight += ww;
    w.plo_days += ww * x;
  }
  return w;
}

}  // namespace

double plo_probability(double days, const sim::Distribution& plo, const sim::Distribution& proceedings, double court_share) {
  const double in_plo = survival(plo, days);
  const double in_court = court_share * court_weight(days, plo, proceedings).weight;
  return in_plo + in_court > 0 ? in_plo / (in_plo + in_court) : 0.0;
}

double days_in_proceedings(double days, const sim::Distribution& plo, const sim::Distribution& proceedings) {
  const CourtWeight w = court_weight(days, plo, proceedings);
  return w.weight > 0 ? std::max(0.0, days - w.plo_days / w.weight) : 0.0;
}

void split_legal_stages(std::vector<sim::InitialChild>& children, const sim::Distribution& plo, const sim::Distribution& proceedings,
                        double court_share) {
  std::vector<std::size_t> legal;
  for (std::size_t i = 0; i < children.size(); ++i)
    if (children[i].stage == sim::Stage::kPreProceedings) legal.push_back(i);
  std::stable_sort(legal.begin(), legal.end(), [&](std::size_t a, std::size_t b) { return children[a].days_in_stage < children[b].days_in_stage; });
  double cumulative = 0.5;  // systematic sampling, from the middle of the first interval
  for (std::size_t i : legal) {
    sim::InitialChild& c = children[i];
    const double before = cumulative;
    cumulative += plo_probability(c.days_in_stage, plo, proceedings, court_share);
    if (std::floor(cumulative) > std::floor(before)) continue;  // stays in PLO
    c.stage = sim::Stage::kProceedings;
    c.days_in_stage = days_in_proceedings(c.days_in_stage, plo, proceedings);
  }
}

}  // namespace caseflow::calibrate
