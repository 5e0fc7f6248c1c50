#include "calibrate/kaplan_meier.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace caseflow::calibrate {

KaplanMeier::KaplanMeier(std::vector<Spell> spells) {
  for (const Spell& s : spells) {
    if (!(s.length >= 0) || !std::isfinite(s.length)) throw std::invalid_argument("KaplanMeier: a spell's length must be finite and >= 0");
    if (!(s.weight >= 0) || !std::isfinite(s.weight)) throw std::invalid_argument("KaplanMeier: a spell's weight must be finite and >= 0");
  }
  // Events before censorings at the same time: a spell censored at t was still at risk at t.
  std::sort(spells.begin(), spells.end(), [](const Spell& a, const Spell& b) {
    return a.length != b.length ? a.length < b.length : a.ended > b.ended;
  });
  double at_risk = 0;
  for (const Spell& sp : spells) {
    at_risk += sp.weight;
    longest_ = std::max(longest_, sp.length);
    n_ += sp.weight > 0;
    events_ += sp.ended && sp.weight > 0;
  }
  double s = 1, greenwood = 0;
  for (std::size_t i = 0; i < spells.size();) {
    const double t = spells[i].length;
    double d = 0, c = 0;
    for (; i < spells.size() && spells[i].length == t; ++i) (spells[i].ended ? d : c) += spells[i].weight;
    if (d > 0 && at_risk > 0) {
      s *= std::max(0.0, 1.0 - d / at_risk);
      if (at_risk > d) greenwood += d / (at_risk * (at_risk - d));
      steps_.push_back({t, s, greenwood, at_risk, d});
    }
    at_risk = std::max(0.0, at_risk - d - c);
  }
  spells_ = std::move(spells);
}

KaplanMeier::Beyond KaplanMeier::beyond(double a) const {
  Beyond out;
  auto it = std::upper_bound(spells_.begin(), spells_.end(), a, [](double v, const Spell& sp) { return v < sp.length; });
  for (; it != spells_.end(); ++it) {
    out.exposure += it->weight * (it->length - a);
    if (it->ended) out.events += it->weight;
  }
  return out;
}

double KaplanMeier::survival(double t) const {
  // The last step at or before t.
  auto it = std::upper_bound(steps_.begin(), steps_.end(), t, [](double v, const Step& st) { return v < st.time; });
  return it == steps_.begin() ? 1.0 : std::prev(it)->survival;
}

double KaplanMeier::restricted_mean(double tau) const {
  double area = 0, from = 0, s = 1;
  for (const Step& st : steps_) {
    if (st.time >= tau) break;
    area += (st.time - from) * s;
    from = st.time;
    s = st.survival;
  }
  return area + std::max(0.0, tau - from) * s;
}

double KaplanMeier::quantile(double p) const {
  for (const Step& st : steps_)
    if (st.survival <= 1.0 - p + 1e-12) return st.time;
  return -1;
}

KaplanMeier::Interval KaplanMeier::quantile_interval(double p) const {
  // The pointwise 95% band of S(t) (normal on log(-log S), which stays inside (0, 1)); the
  // quantile's interval runs from where the band's lower edge first reaches 1 - p to where its
  // upper edge does.
  constexpr double z = 1.959963984540054;
  Interval out;
  const double target = 1.0 - p;
  for (const Step& st : steps_) {
    double lo = st.survival, hi = st.survival;
    if (st.survival > 0 && st.survival < 1) {
      const double l = std::log(-std::log(st.survival));
      const double se = std::sqrt(st.greenwood) / std::abs(std::log(st.survival));
      lo = std::exp(-std::exp(l + z * se));
      hi = std::exp(-std::exp(l - z * se));
    }
    if (out.low < 0 && lo <= target + 1e-12) out.low = st.time;
    if (out.high < 0 && hi <= target + 1e-12) out.high = st.time;
  }
  return out;
}

}  // namespace caseflow::calibrate
