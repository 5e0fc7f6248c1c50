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
    //
    // Beyond the last of those the curve reaches: when the longest spell ended (the curve
    // falls to 0), a last bin to it. When the longest were still open, the duration goes on
    // past anything seen ended, so the rest is an exponential tail, its mean the time spent
    // beyond that percentile over the spells that ended there (the constant hazard's
    // maximum-likelihood estimate, open spells counting the time they were seen). A last bin
    // to the longest ended spell instead ended every case open longer at once: at a warm start
    // the council's longest-open CIN plans (2.5% of them past the 98th percentile) closed in
    // the first weeks, where they have months to run (docs/calibration.md, "Durations").
    //
    // The tail's mean from d ended spells has a relative standard error of 1/sqrt(d), so it
    // starts at the last percentile with at least kTailEvents ended beyond it (22% at most);
    // the bins past that one are dropped into it. Later is better where there are enough:
    // the tail's hazard is the one seen nearest the cases it extends.
    constexpr double kLevels[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99};
    constexpr double kTailEvents = 20;
    const double half = unit == sim::TimeUnit::kWorkingDays ? 0.0 : 0.5;
    std::vector<double> edges, probs, times;
    double below = 0;  // 1 - S at the previous edge
    for (const double level : kLevels) {
      const double t = km.quantile(level);
      if (t < 0) continue;  // the curve does not fall that low: the tail or the last bin takes the rest
      const double edge = t + half;
      if (!edges.empty() && edge <= edges.back()) continue;
      const double cumulative = 1.0 - km.survival(t);
      edges.push_back(edge);
      probs.push_back(cumulative - below);
      times.push_back(t);
      below = cumulative;
    }
    KaplanMeier::Beyond beyond;
    bool tail = false;
    if (km.last_survival() > 1e-12)
      for (std::size_t i = times.size(); i-- > 0;)
        if ((beyond = km.beyond(times[i])).events >= kTailEvents) {
          tail = true;
          edges.resize(i + 1);
          probs.resize(i + 1);
          below = 1.0 - km.survival(times[i]);
          break;
        }
    if (tail) {
      out.distribution.tail_mean = std::stod(number_text(beyond.exposure / beyond.events, 5));
      probs.push_back(1.0 - below);
    } else {
      // The longest ended spell, or, the longest still open but too few ended beyond any
      // percentile to give a tail its hazard, the longest seen.
      const double end = (km.last_survival() > 1e-12 ? km.longest_spell() : km.last_event_time()) + half;
      if (end > edges.back()) {
        edges.push_back(end);
        probs.push_back(1.0 - below);
      } else {
        probs.back() += 1.0 - below;
      }
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
    if (tail) p += ", " + share_text(probs.back());
    out.yaml = "{dist: empirical, upper_" + u + ": [" + e + "], probs: [" + p + "]" +
               (tail ? ", tail_mean_" + u + ": " + number_text(out.distribution.tail_mean, 5) : std::string()) + "}";
    out.note += "; empirical at the deciles and the 95th, 98th and 99th percentiles (the data reach the upper tail)";
    if (tail)
      out.note += ", then, the longest still open, an exponential tail of " + share_text(probs.back()) + " beyond " + number_text(edges.back(), 5) +
                  " " + u + " with a mean of " + number_text(out.distribution.tail_mean, 4) + " " + u + " there (" + count_text(static_cast<long long>(std::lround(beyond.events))) +
                  " ended beyond)";
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
