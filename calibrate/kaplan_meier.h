#pragma once
// The Kaplan-Meier estimate of a duration's survival curve from spells that either ended
// (an event) or were still open when the data stop (right-censored). Dropping the open
// spells, or counting them as ended on the last day, would bias every duration short: the
// long CP plans and care periods are exactly the ones most often still open at the as-of date.
#include <vector>

namespace caseflow::calibrate {

struct Spell {
  double length = 0;   // in the duration's unit (days, working days); >= 0
  bool ended = false;  // false: still open when observation stopped (censored)
  double weight = 1;   // a spell counted in part (a censored care period's chance of one exit route)
};

class KaplanMeier {
 public:
  explicit KaplanMeier(std::vector<Spell> spells);

  struct Step {
    double time = 0;      // a time at which some spells ended
    double survival = 1;  // S(t) just after `time`
    double greenwood = 0; // Greenwood's sum: Var(S) = S^2 * greenwood
    double at_risk = 0, events = 0;  // weighted counts
  };
  const std::vector<Step>& steps() const { return steps_; }

  long long n() const { return n_; }
  long long events() const { return events_; }
  double censored_share() const { return n_ ? static_cast<double>(n_ - events_) / static_cast<double>(n_) : 0.0; }
  double survival(double t) const;  // S(t): the share still open at t
  // The smallest time t with S(t) <= 1 - p, or nullopt-like -1 when the curve never gets
  // that low (too much censoring to see that quantile).
  double quantile(double p) const;
  // A 95% interval for quantile p (Brookmeyer-Crowley style: the times where the pointwise
  // Greenwood band of S crosses 1 - p); -1 for a bound the data do not reach.
  struct Interval {
    double low = -1, high = -1;
  };
  Interval quantile_interval(double p) const;
  // The lowest survival the curve reaches (at its last event).
  double last_survival() const { return steps_.empty() ? 1.0 : steps_.back().survival; }
  double last_event_time() const { return steps_.empty() ? 0.0 : steps_.back().time; }
  double longest_spell() const { return longest_; }  // ended or not
  // The area under S(t) from 0 to `tau`: the mean length restricted to tau, which needs no
  // form for the tail beyond it (two curves compared over the same tau compare like with like).
  double restricted_mean(double tau) const;
  // Beyond time `a`: the spells that ended there (weighted) and the time every spell spent
  // there. Their ratio is the maximum-likelihood constant hazard beyond a, open spells
  // counting the time they were seen: what an exponential tail needs.
  struct Beyond {
    double events = 0, exposure = 0;
  };
  Beyond beyond(double a) const;

 private:
  std::vector<Spell> spells_;  // by length
  std::vector<Step> steps_;
  long long n_ = 0, events_ = 0;
  double longest_ = 0;
};

}  // namespace caseflow::calibrate
