#include "models/markov/cohort_projection.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace caseflow::models::markov {

namespace {

void check_finite(double x, const std::string& what) {
  if (!std::isfinite(x) || x < 0) throw std::invalid_argument("cohort projection: " + what + " must be finite and at least 0");
}

void check_routing(const std::vector<Destination>& to, std::size_t n, const std::string& where) {
  for (const Destination& d : to) {
    if (d.compartment != kLeave && (d.compartment < 0 || static_cast<std::size_t>(d.compartment) >= n))
      throw std::invalid_argument("cohort projection: " + where + " routes to no compartment");
    check_finite(d.share, where + "'s share");
  }
}

void validate(const Network& network, const std::vector<Inflow>& inflows) {
  const std::size_t n = network.compartments.size();
  for (const Compartment& c : network.compartments) {
    if (c.group >= static_cast<int>(network.groups.size()))
      throw std::invalid_argument("cohort projection: compartment '" + c.name + "' counts in no group");
    if (!c.duration.empty() && c.duration[0] != 0)
      throw std::invalid_argument("cohort projection: compartment '" + c.name + "' has exits at step 0");
    for (double p : c.duration) check_finite(p, "the duration of '" + c.name + "'");
    check_routing(c.routing.to, n, "'" + c.name + "'");
    check_routing(c.routing.to_long, n, "'" + c.name + "'");
    if (c.has_age_limit) {
      check_routing(c.age_limit.routing.to, n, "'" + c.name + "' at its age limit");
      check_routing(c.age_limit.routing.to_long, n, "'" + c.name + "' at its age limit");
      if (c.age_limit.entry_age_cdf.empty()) throw std::invalid_argument("cohort projection: '" + c.name + "' has no entry ages");
    }
    for (const InitialCohort& i : c.initial) {
      check_finite(i.count, "the initial count of '" + c.name + "'");
      if (!i.exits.empty() && i.exits[0] != 0)
        throw std::invalid_argument("cohort projection: an initial cohort of '" + c.name + "' leaves at step 0");
      for (double x : i.exits) check_finite(x, "the initial exits of '" + c.name + "'");
      check_routing(i.to, n, "an initial cohort of '" + c.name + "'");
    }
  }
  for (const Inflow& f : inflows) {
    if (f.compartment < 0 || static_cast<std::size_t>(f.compartment) >= n)
      throw std::invalid_argument("cohort projection: an inflow enters no compartment");
    for (double x : f.per_step) check_finite(x, "an inflow");
  }
}

// A compartment's duration in the forms the convolution reads: reversed, so that the exits
// at instant t are a dot product of the entry history before t with a segment of it.
struct Prepared {
  int longest = 0;               // L: the last step with exits
  Eigen::VectorXd pmf_reversed;  // [j] = pmf[L - j], j = 0..L-1 (pmf[1..L])
  Eigen::VectorXd k_pmf_reversed;  // [j] = (L - j) pmf[L - j]: the clock gained while inside
  std::vector<double> pmf, survival;
};

Prepared prepare(const StepPmf& duration) {
  Prepared p;
  p.pmf = duration.empty() ? StepPmf{0.0} : duration;
  p.survival = survival_of(p.pmf);
  p.longest = static_cast<int>(p.pmf.size()) - 1;
  p.pmf_reversed.resize(p.longest);
  p.k_pmf_reversed.resize(p.longest);
  for (int j = 0; j < p.longest; ++j) {
    const int k = p.longest - j;
    p.pmf_reversed[j] = p.pmf[static_cast<std::size_t>(k)];
    p.k_pmf_reversed[j] = k * p.pmf[static_cast<std::size_t>(k)];
  }
  return p;
}

// The entry-age distribution read at a real age (steps), linear between table entries.
double cdf_at(const std::vector<double>& cdf, double age) {
  if (age < 0) return 0.0;
  const auto i = static_cast<std::size_t>(age);
  if (i + 1 >= cdf.size()) return 1.0;
  const double w = age - static_cast<double>(i);
  return cdf[i] + w * (cdf[i + 1] - cdf[i]);
}

}  // namespace

Projection project(const Network& network, const std::vector<Inflow>& inflows, int steps) {
  validate(network, inflows);
  if (steps < 1) throw std::invalid_argument("cohort projection: at least one step is needed");
  const auto n = static_cast<Eigen::Index>(network.compartments.size());
  Projection out;
  out.steps = steps;
  out.stock = Eigen::MatrixXd::Zero(n, steps);
  out.entries = Eigen::MatrixXd::Zero(n, steps);
  out.exits = Eigen::MatrixXd::Zero(n, steps);
  // Entries and their clock totals by compartment and instant. Column-major storage makes
  // a compartment's history a row; the convolution reads it as a contiguous copy kept below.
  Eigen::MatrixXd clock = Eigen::MatrixXd::Zero(n, steps);
  for (const Inflow& f : inflows)
    for (int t = 0; t < steps && t < static_cast<int>(f.per_step.size()); ++t)
      out.entries(f.compartment, t) += f.per_step[static_cast<std::size_t>(t)];

  std::vector<Prepared> prepared;
  std::vector<Eigen::VectorXd> history(static_cast<std::size_t>(n)), history_clock(static_cast<std::size_t>(n));
  Eigen::VectorXd stock_before(n);
  for (Eigen::Index c = 0; c < n; ++c) {
    const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
    prepared.push_back(prepare(spec.duration));
    history[static_cast<std::size_t>(c)] = Eigen::VectorXd::Zero(steps);
    history_clock[static_cast<std::size_t>(c)] = Eigen::VectorXd::Zero(steps);
    double initial = 0;
    for (const InitialCohort& i : spec.initial) initial += i.count;
    stock_before[c] = initial;
  }

  Eigen::VectorXd routed(n), routed_clock(n);
  auto route = [&](const std::vector<Destination>& to, double count, double clock_total) {
    for (const Destination& d : to) {
      if (d.compartment == kLeave) {
        out.left += count * d.share;
        continue;
      }
      routed[d.compartment] += count * d.share;
      routed_clock[d.compartment] += clock_total * d.share;
    }
    double kept = 0;
    for (const Destination& d : to) kept += d.share;
    out.left += count * std::max(0.0, 1.0 - kept);
  };

  for (int t = 0; t < steps; ++t) {
    routed.setZero();
    routed_clock.setZero();
    for (Eigen::Index c = 0; c < n; ++c) {
      const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
      const Prepared& p = prepared[static_cast<std::size_t>(c)];
      const Eigen::VectorXd& e = history[static_cast<std::size_t>(c)];
      const Eigen::VectorXd& m = history_clock[static_cast<std::size_t>(c)];
      double exits = 0;
      for (const InitialCohort& i : spec.initial) {
        if (t >= static_cast<int>(i.exits.size())) continue;
        const double x = i.exits[static_cast<std::size_t>(t)];
        if (x == 0) continue;
        exits += x;
        route(i.to, x, x * t);
      }
      if (!spec.has_age_limit) {
        // Cohorts s in [t - K, t - 1] have been in k = t - s steps, 1 <= k <= K.
        const int K = std::min(p.longest, t);
        const int long_from = std::max(1, spec.routing.long_from);
        const int short_k = std::min(K, long_from - 1);  // k in [1, short_k] go by `to`
        if (short_k > 0) {
          const int s0 = t - short_k, j0 = p.longest - t + s0;
          const double x = e.segment(s0, short_k).dot(p.pmf_reversed.segment(j0, short_k));
          const double clk = m.segment(s0, short_k).dot(p.pmf_reversed.segment(j0, short_k)) +
                             e.segment(s0, short_k).dot(p.k_pmf_reversed.segment(j0, short_k));
          exits += x;
          route(spec.routing.to, x, clk);
        }
        if (K >= long_from) {  // k in [long_from, K]
          const int len = K - long_from + 1, s0 = t - K, j0 = p.longest - K;
          const double x = e.segment(s0, len).dot(p.pmf_reversed.segment(j0, len));
          const double clk = m.segment(s0, len).dot(p.pmf_reversed.segment(j0, len)) +
                             e.segment(s0, len).dot(p.k_pmf_reversed.segment(j0, len));
          exits += x;
          route(spec.routing.to_long, x, clk);
        }
      } else {
        // Every cohort so far: the limit can come after the duration's last step.
        const AgeLimit& a = spec.age_limit;
        const double tail = p.survival.back();  // never leaves by the duration
        double by_duration[2] = {0, 0}, by_duration_clock[2] = {0, 0}, at_limit[2] = {0, 0}, at_limit_clock[2] = {0, 0};
        for (int s = 0; s < t; ++s) {
          const double entered = e[s];
          if (entered == 0) continue;
          const int k = t - s;
          const double mean_clock = m[s] / entered;
          // The limit comes k* = limit - clock - entry age steps after entry; it takes the
          // individual out at the nearest step, k* rounded (as durations are), and at the
          // first step for those already at or past it when they enter.
          const double to_limit = a.limit - mean_clock;
          const double under_now = cdf_at(a.entry_age_cdf, to_limit - k - 0.5);  // k* > k + 1/2
          const double under_before = k == 1 ? 1.0 : cdf_at(a.entry_age_cdf, to_limit - k + 0.5);
          const auto ku = static_cast<std::size_t>(k);
          const double pmf_k = ku < p.pmf.size() ? p.pmf[ku] : 0.0;
          const double alive_before = ku - 1 < p.survival.size() ? p.survival[ku - 1] : tail;
          const double leave = entered * pmf_k * under_now;
          const double limit = entered * alive_before * (under_before - under_now);
          const double clk = mean_clock + k;
          const int by_duration_long = k >= spec.routing.long_from ? 1 : 0;
          const int at_limit_long = k >= a.routing.long_from ? 1 : 0;
          by_duration[by_duration_long] += leave;
          by_duration_clock[by_duration_long] += leave * clk;
          at_limit[at_limit_long] += limit;
          at_limit_clock[at_limit_long] += limit * clk;
        }
        route(spec.routing.to, by_duration[0], by_duration_clock[0]);
        route(spec.routing.to_long, by_duration[1], by_duration_clock[1]);
        route(a.routing.to, at_limit[0], at_limit_clock[0]);
        route(a.routing.to_long, at_limit[1], at_limit_clock[1]);
        exits += by_duration[0] + by_duration[1] + at_limit[0] + at_limit[1];
      }
      out.exits(c, t) = exits;
    }
    for (Eigen::Index c = 0; c < n; ++c) {
      out.entries(c, t) += routed[c];
      clock(c, t) += routed_clock[c];
      history[static_cast<std::size_t>(c)][t] = out.entries(c, t);
      history_clock[static_cast<std::size_t>(c)][t] = clock(c, t);
      stock_before[c] += out.entries(c, t) - out.exits(c, t);
      out.stock(c, t) = stock_before[c];
    }
  }
  return out;
}

GroupSeries by_group_and_period(const Network& network, const Projection& projection,
                                const std::vector<int>& period_starts) {
  if (period_starts.empty() || period_starts.front() != 0 ||
      !std::is_sorted(period_starts.begin(), period_starts.end()) || period_starts.back() >= projection.steps)
    throw std::invalid_argument("cohort projection: periods must start at 0, ascend and lie within the projection");
  const auto groups = static_cast<Eigen::Index>(network.groups.size());
  const auto periods = static_cast<Eigen::Index>(period_starts.size());
  GroupSeries g{Eigen::MatrixXd::Zero(groups, periods), Eigen::MatrixXd::Zero(groups, periods),
                Eigen::MatrixXd::Zero(groups, periods)};
  for (std::size_t c = 0; c < network.compartments.size(); ++c) {
    const int group = network.compartments[c].group;
    if (group < 0) continue;
    const auto row = static_cast<Eigen::Index>(c);
    for (Eigen::Index p = 0; p < periods; ++p) {
      const int from = period_starts[static_cast<std::size_t>(p)];
      const int to = p + 1 < periods ? period_starts[static_cast<std::size_t>(p + 1)] : projection.steps;
      g.stock(group, p) += projection.stock(row, to - 1);
      g.starts(group, p) += projection.entries.row(row).segment(from, to - from).sum();
      g.ends(group, p) += projection.exits.row(row).segment(from, to - from).sum();
    }
  }
  return g;
}

}  // namespace caseflow::models::markov
