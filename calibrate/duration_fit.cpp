#include "calibrate/duration_fit.h"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <vector>

#include "calibrate/yaml_text.h"

namespace caseflow::calibrate {
namespace {

constexpr double kZ90 = 1.2815515655446004;

double normal_quantile(double p) { return std::sqrt(2.0) * boost::math::erf_inv(2.0 * p - 1.0); }

std::string quantile_text(const KaplanMeier& km, double p, const std::string& unit) {
  const double q = km.quantile(p);
  if (q < 0) return "beyond the data";
  const auto ci = km.quantile_interval(p);
  return number_text(q, 3) + " " + unit + " (" + (ci.low < 0 ? "?" : number_text(ci.low, 3)) + "-" +
         (ci.high < 0 ? "beyond the data" : number_text(ci.high, 3)) + ")";
}

}  // namespace

FittedDuration fit_duration(const KaplanMeier& km, sim::TimeUnit unit, const std::string& what, long long min_events) {
  FittedDuration out;
  const std::string u = sim::unit_suffix(unit);
  out.note = "KM of " + count_text(km.n()) + " " + what + " (" + percent_text(km.censored_share()) + " still open): median " +
             quantile_text(km, 0.5, u) + ", p90 " + quantile_text(km, 0.9, u);
  if (km.events() < min_events) {
    out.note += "; too few ended (" + count_text(km.events()) + ") to estimate";
    return out;
  }
  out.distribution.unit = unit;
  if (km.last_survival() <= 0.1) {
    // Empirical: bins at the deciles, then at the 95th, 98th and 99th percentiles where the
    // curve reaches them, the last bin to the longest ended spell. A bin spreads its mass
    // evenly, so one bin from the 90th percentile to the longest spell put its tenth at the
    // middle of a long tail: on the demo council's assessments that lifted the mean by a
    // quarter (the workload with it), and the assessment queue grew without end. The finer
    // tail keeps the longest spells (a case open that long still has time left) at a
    // hundredth of the mass. Lengths are whole days (or working days) from the returns' dates.
    // A bin of days (a, b] holds the spells of a+1 to b days, whose mean the even spread over
    // (a + 0.5, b + 0.5] keeps: each edge is put half a day above its quantile. The model
    // rounds working days up (a draw of 24.3 wd ends on the 25th), so for them the edges are
    // the quantiles themselves: a draw in (a, b] rounds to a+1 to b, where edges half a day
    // up added half a working day to every assessment (1.7%).
    constexpr double kLevels[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0};
    std::vector<double> edges, probs;
    double below = 0;  // 1 - S at the previous edge
    for (const double level : kLevels) {
      const bool last = level == 1.0;
      const double t = last ? km.last_event_time() : km.quantile(level);
      if (t < 0) continue;  // the curve does not fall that low: the last bin takes the rest
      const double edge = t + (unit == sim::TimeUnit::kWorkingDays ? 0.0 : 0.5);
      if (!edges.empty() && edge <= edges.back()) continue;
      const double cumulative = last ? 1.0 : 1.0 - km.survival(t);  // mass beyond the last ended spell goes in the last bin
      edges.push_back(edge);
      probs.push_back(cumulative - below);
      below = cumulative;
    }
    double sum = 0;
    for (std::size_t i = 0; i + 1 < probs.size(); ++i) {
      probs[i] = std::stod(share_text(probs[i]));  // written with 4 decimals: the last bin takes the rounding
      sum += probs[i];
    }
    probs.back() = std::stod(share_text(1.0 - sum));
    out.distribution.kind = sim::Distribution::Kind::kEmpirical;
    out.distribution.upper = edges;
    out.distribution.probs = probs;
    std::string e, p;
    for (std::size_t i = 0; i < edges.size(); ++i) {
      e += (i ? ", " : "") + number_text(edges[i], 5);
      p += (i ? ", " : "") + share_text(probs[i]);
    }
    out.yaml = "{dist: empirical, upper_" + u + ": [" + e + "], probs: [" + p + "]}";
    out.note += "; empirical at the deciles and the 95th, 98th and 99th percentiles (the data reach the upper tail)";
    out.fitted = true;
    return out;
  }
  // Lognormal: least squares of log t on the normal quantile of 1 - S(t), each step weighted
  // by the spells ending at it, over the steps with 1 - S between 1% and 99%.
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& st : km.steps()) {
    const double f = 1.0 - st.survival;
    if (st.time <= 0 || f < 0.01 || f > 0.99) continue;
    const double w = static_cast<double>(st.events), x = normal_quantile(f), y = std::log(st.time);
    sw += w, sx += w * x, sy += w * y, sxx += w * x * x, sxy += w * x * y;
  }
  const double var = sxx / sw - (sx / sw) * (sx / sw);
  if (!(sw > 0) || !(var > 1e-12)) {
    out.note += "; the ended spells do not spread enough to fit a lognormal";
    return out;
  }
  const double sigma = (sxy / sw - (sx / sw) * (sy / sw)) / var;
  const double mu = sy / sw - sigma * sx / sw;
  if (!(sigma > 0) || !std::isfinite(mu)) {
    out.note += "; no lognormal fits the curve";
    return out;
  }
  out.distribution.kind = sim::Distribution::Kind::kLognormal;
  out.distribution.value = std::stod(number_text(std::exp(mu), 4));
  out.distribution.p90 = std::stod(number_text(std::exp(mu + kZ90 * sigma), 4));
  out.distribution.sigma = std::log(out.distribution.p90 / out.distribution.value) / kZ90;
  out.yaml = "{dist: lognormal, median_" + u + ": " + number_text(out.distribution.value, 4) + ", p90_" + u + ": " +
             number_text(out.distribution.p90, 4) + "}";
  out.note += "; lognormal fitted to the curve (it reaches only " + percent_text(1.0 - km.last_survival()) + " ended)";
  out.fitted = true;
  return out;
}

}  // namespace caseflow::calibrate
