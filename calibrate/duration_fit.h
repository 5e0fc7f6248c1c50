#pragma once
// A duration for the scenario, from its Kaplan-Meier curve. The form:
// - empirical (bins at the curve's deciles, then its 95th, 98th and 99th percentiles, so the
//   mean is not lifted by one wide last bin) when the data see the duration's upper tail,
//   i.e. the curve falls to 10% or below: it reproduces the observed shape without assuming one;
// - lognormal otherwise, fitted to the observed part of the curve (least squares of the
//   normal quantile of 1 - S(t) on log t), because a tail the data do not reach has to come
//   from a form; the scenario format's lognormal is given by its median and 90th percentile.
// Either way the note gives n, the censored share, and the median and 90th percentile with
// their 95% intervals, so a reader can compare with what they know.
#include <string>

#include "calibrate/kaplan_meier.h"
#include "sim/distribution.h"

namespace caseflow::calibrate {

struct FittedDuration {
  sim::Distribution distribution;
  std::string yaml;  // the scenario value, e.g. {dist: lognormal, median_wd: 25.1, p90_wd: 54.8}
  std::string note;  // e.g. "KM of 4,210 assessments (3.1% open): median 25 wd (24-26), p90 ..."
  bool fitted = false;  // false: too few ended spells to estimate (see min_events)
};

// `what` names the spells in the note ("assessments"); `unit` is the unit of the spells'
// lengths and of the value written. Fewer than `min_events` ended spells: fitted = false.
FittedDuration fit_duration(const KaplanMeier& km, sim::TimeUnit unit, const std::string& what, long long min_events = 20);

}  // namespace caseflow::calibrate
