#include "models/markov/cohort_projection.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <cmath>
#include <stdexcept>
#include <string>

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
  const int families = network.age_families;
  if (families < 1 || families > kMaxAgeFamilies)
    throw std::invalid_argument("cohort projection: between 1 and " + std::to_string(kMaxAgeFamilies) + " age families");
  auto check_family = [&](int f, const std::string& where) {
    if (f < 0 || f >= families) throw std::invalid_argument("cohort projection: " + where + " names no age family");
  };
  for (const Compartment& c : network.compartments) {
    if (c.group >= static_cast<int>(network.groups.size()))
      throw std::invalid_argument("cohort projection: compartment '" + c.name + "' counts in no group");
    if (!c.duration.empty() && c.duration[0] != 0)
      throw std::invalid_argument("cohort projection: compartment '" + c.name + "' has exits at step 0");
    for (double p : c.duration) check_finite(p, "the duration of '" + c.name + "'");
    check_routing(c.routing.to, n, "'" + c.name + "'");
    check_routing(c.routing.to_long, n, "'" + c.name + "'");
    // The age limit's routing may serve initial cohorts (RoutedAs) without an age limit.
    check_routing(c.age_limit.routing.to, n, "'" + c.name + "' at its age limit");
    check_routing(c.age_limit.routing.to_long, n, "'" + c.name + "' at its age limit");
    if (c.has_age_limit) {
      if (static_cast<int>(c.age_limit.entry_age_cdfs.size()) != families)
        throw std::invalid_argument("cohort projection: '" + c.name + "' needs entry ages for each age family");
      for (const auto& cdf : c.age_limit.entry_age_cdfs)
        if (cdf.empty()) throw std::invalid_argument("cohort projection: '" + c.name + "' has no entry ages");
    }
    for (std::size_t k = 0; k < c.routing_changes.size(); ++k) {
      const RoutingChange& change = c.routing_changes[k];
      if (k > 0 && change.from < c.routing_changes[k - 1].from)
        throw std::invalid_argument("cohort projection: the routing changes of '" + c.name + "' are not in order");
      for (const auto* to : {&change.routing.to, &change.routing.to_long, &change.at_age_limit.to, &change.at_age_limit.to_long})
        check_routing(*to, n, "'" + c.name + "' after a change");
      // A cohort's exits are split by the length of stay when it enters (the age limit's).
      if (change.routing.long_from != c.routing.long_from || change.at_age_limit.long_from != c.age_limit.routing.long_from)
        throw std::invalid_argument("cohort projection: a routing change of '" + c.name + "' moves the long stay's start");
    }
    for (const InitialCohort& i : c.initial) {
      check_finite(i.count, "the initial count of '" + c.name + "'");
      if (!i.exits.empty() && i.exits[0] != 0)
        throw std::invalid_argument("cohort projection: an initial cohort of '" + c.name + "' leaves at step 0");
      for (double x : i.exits) check_finite(x, "the initial exits of '" + c.name + "'");
      check_routing(i.to, n, "an initial cohort of '" + c.name + "'");
      check_family(i.family, "an initial cohort of '" + c.name + "'");
    }
  }
  for (const Inflow& f : inflows) {
    if (f.compartment < 0 || static_cast<std::size_t>(f.compartment) >= n)
      throw std::invalid_argument("cohort projection: an inflow enters no compartment");
    for (double x : f.per_step) check_finite(x, "an inflow");
    check_family(f.family, "an inflow");
  }
}


// A compartment's duration in the forms the convolution reads: reversed, so that the exits
// at time T are a dot product of the entry history before T with a segment of it.
struct Prepared {
  int longest = 0;  // L: the last step with exits
  int first = 1;    // the first step with exits (a fixed stay has only one)
  Eigen::VectorXd pmf_reversed;    // [j] = pmf[L - j], j = 0..L-1 (pmf[1..L])
  Eigen::VectorXd k_pmf_reversed;  // [j] = (L - j) pmf[L - j]: the clock gained while inside
  std::vector<double> pmf, survival;
  // With an age limit, for k = 1..steps: pmf[k], and survival[k - 1] (beyond the longest step,
  // the tail that never leaves by the duration).
  Eigen::ArrayXd pmf_at, alive_before;
};

Prepared prepare(const StepPmf& duration) {
  Prepared p;
  p.pmf = duration.empty() ? StepPmf{0.0} : duration;
  p.survival = survival_of(p.pmf);
  p.longest = static_cast<int>(p.pmf.size()) - 1;
  p.first = p.longest + 1;
  for (int k = p.longest; k >= 1; --k)
    if (p.pmf[static_cast<std::size_t>(k)] != 0) p.first = k;
  p.pmf_reversed.resize(p.longest);
  p.k_pmf_reversed.resize(p.longest);
  for (int j = 0; j < p.longest; ++j) {
    const int k = p.longest - j;
    p.pmf_reversed[j] = p.pmf[static_cast<std::size_t>(k)];
    p.k_pmf_reversed[j] = k * p.pmf[static_cast<std::size_t>(k)];
  }
  return p;
}

// Exits by where they go: by the duration after a short or a long stay, at the age limit
// after a short or a long stay; their count by age family and their clock total.
enum Way { kShort, kLong, kLimitShort, kLimitLong, kWays };
struct Flow {
  std::array<double, kMaxAgeFamilies> count{};
  double clock = 0;
  double total() const {
    double t = 0;
    for (double x : count) t += x;
    return t;
  }
  void add(const Flow& other, double share = 1.0) {
    for (std::size_t f = 0; f < count.size(); ++f) count[f] += share * other.count[f];
    clock += share * other.clock;
  }
};
using Exits = std::array<Flow, kWays>;

// A compartment's running state.
struct State {
  // By instant, or by working-step bucket when the duration counts working steps: entries by
  // age family and in all, their clock total, and the total of their instants.
  std::vector<Eigen::VectorXd> entries;
  Eigen::VectorXd total, clock, instant;
  // Age limit: every cohort's future exits by way (count by family, clock total), by instant,
  // scheduled when it entered.
  std::array<std::array<Eigen::VectorXd, kMaxAgeFamilies>, kWays> future_count;
  std::array<Eigen::VectorXd, kWays> future_clock;
  Exits held{};  // exits waiting for a working instant
};

// The entry-age distribution for the age limit, padded so that any age a projection can ask
// for reads a table value: 0 below age 0, 1 beyond the table.
struct AgeTable {
  Eigen::ArrayXd values;  // values[j + pad] = P(entry age <= j)
  int pad = 0, size = 0;
};

AgeTable age_table(const std::vector<double>& cdf, int steps) {
  AgeTable a;
  a.pad = steps + 2;
  a.size = static_cast<int>(cdf.size());
  a.values = Eigen::ArrayXd::Ones(a.size + 2 * a.pad);
  a.values.head(a.pad).setZero();
  for (int j = 0; j < a.size; ++j) a.values[a.pad + j] = cdf[static_cast<std::size_t>(j)];
  return a;
}

// P(entry age <= x steps), linear between steps, as schedule_cohort reads the table.
double cdf_at(const AgeTable& a, double x) {
  const double y = std::clamp(x, -1.0, static_cast<double>(a.size + a.pad - 2));
  const int i = static_cast<int>(std::floor(y));
  const double w = y - i;
  return (1 - w) * a.values[i + a.pad] + w * a.values[i + 1 + a.pad];
}

// The entry ages of a family's cohort with mean clock `mean_clock` that fall in a
// compartment's entry window, as P(entry age to the network) bounds: [low, high].
struct WindowCdf {
  double low = 0, high = 1;
};
WindowCdf window_cdf(const AgeLimit& limit, const AgeTable& a, double mean_clock) {
  if (!limit.has_entry_window()) return {};
  return {std::isfinite(limit.entry_from) ? cdf_at(a, limit.entry_from - mean_clock) : 0.0,
          std::isfinite(limit.entry_to) ? cdf_at(a, limit.entry_to - mean_clock) : 1.0};
}

// The exits at time T (on the history's scale: instants, or working-step buckets) of the
// entries k in [k_from, k_to] steps before, by family, and their clock total on leaving
// (`tracked`: only when an age limit downstream needs them).
Flow convolve(const State& st, const Prepared& p, int families, bool tracked, int T, int k_from, int k_to,
              bool working_steps, double now) {
  Flow out;
  k_from = std::max(k_from, p.first);
  if (k_from > k_to) return out;
  const int len = k_to - k_from + 1, s0 = T - k_to, j0 = p.longest - k_to;
  const auto pmf = p.pmf_reversed.segment(j0, len);
  double x = 0;
  if (families == 1 || !tracked) {
    // Without an age limit downstream, families and clocks are not needed: all in family 0.
    x = out.count[0] = st.total.segment(s0, len).dot(pmf);
    if (!tracked) return out;
  } else {
    for (int f = 0; f < families; ++f)
      x += out.count[static_cast<std::size_t>(f)] = st.entries[static_cast<std::size_t>(f)].segment(s0, len).dot(pmf);
  }
  // The clock on leaving: on entering, plus the instants in between.
  const double gained = working_steps ? now * x - st.instant.segment(s0, len).dot(pmf)
                                      : st.total.segment(s0, len).dot(p.k_pmf_reversed.segment(j0, len));
  out.clock = st.clock.segment(s0, len).dot(pmf) + gained;
  return out;
}

// Schedules the future exits of a cohort of one age family, `entered` with mean clock
// `mean_clock`, entering a compartment with an age limit at instant t. After k = 1..m steps
// it leaves by its duration with pmf[k] if still under the limit, or at the limit if still
// there by its duration. The limit comes k* = limit - clock - entry age steps after entry and
// takes it out at the nearest step (k* rounded, as durations are), at the first step if
// already due: under the limit after step k means entry age < y0 - k, y0 = limit - clock - 1/2.
void schedule_cohort(State& st, const Compartment& spec, const Prepared& p, const AgeTable& a, int family, int t,
                     int steps, double entered, double mean_clock, const std::array<bool, kWays>& tracked) {
  const int m = steps - 1 - t;
  if (m <= 0) return;
  const double y = std::clamp(spec.age_limit.limit - mean_clock - 0.5, -1.0, static_cast<double>(a.size + a.pad - 2));
  const int i0 = static_cast<int>(std::floor(y));
  const double w = y - i0;
  // under[k - 1] = F(y - k), k = 1..m, from the table at i0 - k and i0 - k + 1 (reversed).
  Eigen::ArrayXd under = (1 - w) * a.values.segment(i0 - m + a.pad, m).reverse() +
                         w * a.values.segment(i0 - m + 1 + a.pad, m).reverse();
  // Within an entry window the ages are those of the window: F conditioned on it.
  const WindowCdf in = window_cdf(spec.age_limit, a, mean_clock);
  if (spec.age_limit.has_entry_window() && in.high > in.low)
    under = (under.max(in.low).min(in.high) - in.low) / (in.high - in.low);
  Eigen::ArrayXd leaving(m);
  const auto f = static_cast<std::size_t>(family);
  auto add = [&](int long_from, Way short_way, Way long_way) {
    const int short_len = std::clamp(long_from - 1, 0, m);  // k = 1..short_len go the short way
    for (const auto& [way, from, len] : {std::tuple{short_way, 0, short_len}, std::tuple{long_way, short_len, m - short_len}}) {
      if (len <= 0) continue;
      const auto x = leaving.segment(from, len);
      // Without an age limit downstream, families and clocks are not needed: all in family 0.
      st.future_count[way][tracked[way] ? f : 0].segment(t + 1 + from, len).array() += x;
      // The clock on leaving: mean_clock + k.
      if (tracked[way])
        st.future_clock[way].segment(t + 1 + from, len).array() +=
            x * (Eigen::ArrayXd::LinSpaced(len, from + 1, from + len) + mean_clock);
    }
  };
  leaving = entered * p.pmf_at.head(m) * under;
  add(spec.routing.long_from, kShort, kLong);
  // At the limit at step k: there by the duration at k - 1, under the limit after k - 1 (all
  // at k = 1) and not after k.
  leaving[0] = entered * p.alive_before[0] * (1.0 - under[0]);
  if (m > 1) leaving.tail(m - 1) = entered * p.alive_before.segment(1, m - 1) * (under.head(m - 1) - under.tail(m - 1));
  add(spec.age_limit.routing.long_from, kLimitShort, kLimitLong);
}

}  // namespace

Projection project(const Network& network, const std::vector<Inflow>& inflows, int steps) {
  validate(network, inflows);
  if (steps < 1) throw std::invalid_argument("cohort projection: at least one step is needed");
  if (!network.working.empty() && static_cast<int>(network.working.size()) < steps)
    throw std::invalid_argument("cohort projection: the working instants do not cover the projection");
  const auto n = static_cast<Eigen::Index>(network.compartments.size());
  const int families = network.age_families;
  Projection out;
  out.steps = steps;
  out.stock = Eigen::MatrixXd::Zero(n, steps);
  out.entries = Eigen::MatrixXd::Zero(n, steps);
  out.exits = Eigen::MatrixXd::Zero(n, steps);
  // Each instant's entries by compartment, family and in all, and their clock total.
  std::vector<std::vector<Flow>> entering(static_cast<std::size_t>(steps), std::vector<Flow>(static_cast<std::size_t>(n)));
  for (const Inflow& f : inflows)
    for (int t = 0; t < steps && t < static_cast<int>(f.per_step.size()); ++t)
      entering[static_cast<std::size_t>(t)][static_cast<std::size_t>(f.compartment)].count[static_cast<std::size_t>(f.family)] +=
          f.per_step[static_cast<std::size_t>(t)];

  // Working instants: bucket[t] = working instants in [0, t], so an entry at s leaves at the
  // working instant t with bucket[t] - bucket[s] = n (the n-th working instant after s).
  auto working = [&](int t) { return network.working.empty() || network.working[static_cast<std::size_t>(t)] != 0; };
  std::vector<int> bucket(static_cast<std::size_t>(steps));
  for (int t = 0, w = 0; t < steps; ++t) bucket[static_cast<std::size_t>(t)] = w += working(t) ? 1 : 0;

  // Whether a compartment's exits by each way need their clocks and families: when a
  // destination has an age limit or its own exits need them (to a fixed point).
  std::vector<std::array<bool, kWays>> tracked(static_cast<std::size_t>(n), std::array<bool, kWays>{});
  {
    std::vector<char> entry_tracked(static_cast<std::size_t>(n), 0);
    auto needs = [&](const std::vector<Destination>& to) {
      for (const Destination& d : to)
        if (d.compartment != kLeave && entry_tracked[static_cast<std::size_t>(d.compartment)]) return true;
      return false;
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (Eigen::Index c = 0; c < n; ++c) {
        const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
        auto& w = tracked[static_cast<std::size_t>(c)];
        w = {needs(spec.routing.to), needs(spec.routing.to_long), needs(spec.age_limit.routing.to),
             needs(spec.age_limit.routing.to_long)};
        for (const RoutingChange& change : spec.routing_changes) {
          w[kShort] = w[kShort] || needs(change.routing.to);
          w[kLong] = w[kLong] || needs(change.routing.to_long);
          w[kLimitShort] = w[kLimitShort] || needs(change.at_age_limit.to);
          w[kLimitLong] = w[kLimitLong] || needs(change.at_age_limit.to_long);
        }
        const bool entry = spec.has_age_limit || w[kShort] || w[kLong] || w[kLimitShort] || w[kLimitLong];
        if (entry != static_cast<bool>(entry_tracked[static_cast<std::size_t>(c)])) {
          entry_tracked[static_cast<std::size_t>(c)] = entry ? 1 : 0;
          changed = true;
        }
      }
    }
  }

  std::vector<Prepared> prepared;
  std::vector<State> state(static_cast<std::size_t>(n));
  std::vector<std::vector<AgeTable>> ages(static_cast<std::size_t>(n));
  Eigen::VectorXd stock_before(n);
  for (Eigen::Index c = 0; c < n; ++c) {
    const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
    if (spec.has_age_limit && spec.counts_working_steps)
      throw std::invalid_argument("cohort projection: '" + spec.name + "' counts working steps and has an age limit");
    prepared.push_back(prepare(spec.duration));
    State& st = state[static_cast<std::size_t>(c)];
    const Eigen::Index length = spec.counts_working_steps ? bucket.back() + 1 : steps;
    st.total = st.clock = st.instant = Eigen::VectorXd::Zero(length);
    if (families > 1) st.entries.assign(static_cast<std::size_t>(families), Eigen::VectorXd::Zero(length));
    if (spec.has_age_limit) {
      Prepared& p = prepared.back();
      p.pmf_at = Eigen::ArrayXd::Zero(steps);
      p.alive_before = Eigen::ArrayXd::Constant(steps, p.survival.back());
      const int known = std::min(steps, p.longest), known_alive = std::min(steps, p.longest + 1);
      p.pmf_at.head(known) = Eigen::Map<const Eigen::ArrayXd>(p.pmf.data() + 1, known);
      p.alive_before.head(known_alive) = Eigen::Map<const Eigen::ArrayXd>(p.survival.data(), known_alive);
      for (auto& way : st.future_count)
        for (int f = 0; f < families; ++f) way[static_cast<std::size_t>(f)] = Eigen::VectorXd::Zero(steps);
      for (auto& way : st.future_clock) way = Eigen::VectorXd::Zero(steps);
      for (const auto& cdf : spec.age_limit.entry_age_cdfs) ages[static_cast<std::size_t>(c)].push_back(age_table(cdf, steps));
    }
    double initial = 0;
    for (const InitialCohort& i : spec.initial) initial += i.count;
    stock_before[c] = initial;
  }

  auto route = [&](std::vector<Flow>& into, const std::vector<Destination>& to, const Flow& flow) {
    const double count = flow.total();
    if (count == 0) return;
    double kept = 0;
    for (const Destination& d : to) {
      kept += d.share;
      if (d.compartment == kLeave)
        out.left += count * d.share;
      else
        into[static_cast<std::size_t>(d.compartment)].add(flow, d.share);
    }
    out.left += count * std::max(0.0, 1.0 - kept);
  };

  // The routings in force, by compartment: the compartment's own until its first change.
  std::vector<const Routing*> by_duration(static_cast<std::size_t>(n)), at_limit(static_cast<std::size_t>(n));
  std::vector<std::size_t> next_change(static_cast<std::size_t>(n), 0);
  for (Eigen::Index c = 0; c < n; ++c) {
    by_duration[static_cast<std::size_t>(c)] = &network.compartments[static_cast<std::size_t>(c)].routing;
    at_limit[static_cast<std::size_t>(c)] = &network.compartments[static_cast<std::size_t>(c)].age_limit.routing;
  }

  for (int t = 0; t < steps; ++t) {
    std::vector<Flow>& now = entering[static_cast<std::size_t>(t)];
    for (Eigen::Index c = 0; c < n; ++c) {
      const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
      const Prepared& p = prepared[static_cast<std::size_t>(c)];
      State& st = state[static_cast<std::size_t>(c)];
      const auto ci = static_cast<std::size_t>(c);
      while (next_change[ci] < spec.routing_changes.size() && spec.routing_changes[next_change[ci]].from <= t) {
        by_duration[ci] = &spec.routing_changes[next_change[ci]].routing;
        at_limit[ci] = &spec.routing_changes[next_change[ci]].at_age_limit;
        ++next_change[ci];
      }
      const Routing& routing = *by_duration[ci];
      const Routing& limit_routing = *at_limit[ci];
      double exits = 0;
      for (const InitialCohort& i : spec.initial) {
        if (t >= static_cast<int>(i.exits.size())) continue;
        Flow x;
        x.count[static_cast<std::size_t>(i.family)] = i.exits[static_cast<std::size_t>(t)];
        x.clock = x.count[static_cast<std::size_t>(i.family)] * t;
        exits += x.total();
        switch (i.routed_as) {
          case RoutedAs::kOwnDestinations: route(now, i.to, x); break;
          case RoutedAs::kShortStay: route(now, routing.to, x); break;
          case RoutedAs::kLongStay: route(now, routing.to_long, x); break;
          case RoutedAs::kAgeLimitShortStay: route(now, limit_routing.to, x); break;
          case RoutedAs::kAgeLimitLongStay: route(now, limit_routing.to_long, x); break;
        }
      }
      Exits e{};
      if (spec.has_age_limit) {
        for (std::size_t w = 0; w < kWays; ++w) {
          for (int f = 0; f < families; ++f)
            e[w].count[static_cast<std::size_t>(f)] = st.future_count[w][static_cast<std::size_t>(f)][t];
          e[w].clock = st.future_clock[w][t];
        }
      } else if (!spec.counts_working_steps || working(t)) {
        const int T = spec.counts_working_steps ? bucket[static_cast<std::size_t>(t)] : t;
        const int K = std::min(p.longest, T);  // entries k = 1..K steps before
        const int long_from = std::max(1, routing.long_from);
        const auto& w = tracked[static_cast<std::size_t>(c)];
        e[kShort] = convolve(st, p, families, w[kShort], T, 1, std::min(K, long_from - 1), spec.counts_working_steps, t);
        e[kLong] = convolve(st, p, families, w[kLong], T, long_from, K, spec.counts_working_steps, t);
      }
      if (spec.exits_wait_for_working) {
        for (std::size_t w = 0; w < kWays; ++w) {
          st.held[w].clock += st.held[w].total();  // the waiting ones' clocks run on
          st.held[w].add(e[w]);
        }
        e = Exits{};
        if (working(t)) std::swap(e, st.held);
      }
      route(now, routing.to, e[kShort]);
      route(now, routing.to_long, e[kLong]);
      route(now, limit_routing.to, e[kLimitShort]);
      route(now, limit_routing.to_long, e[kLimitLong]);
      for (const Flow& x : e) exits += x.total();
      out.exits(c, t) = exits;
    }
    for (Eigen::Index c = 0; c < n; ++c) {
      const Compartment& spec = network.compartments[static_cast<std::size_t>(c)];
      State& st = state[static_cast<std::size_t>(c)];
      Flow& in = now[static_cast<std::size_t>(c)];
      if (spec.has_age_limit && spec.age_limit.has_entry_window() && in.total() > 0) {
        // Keep the part of the flow whose age on entering lies in the window.
        const double mean_clock = in.clock / in.total();
        for (int f = 0; f < families; ++f) {
          const WindowCdf w = window_cdf(spec.age_limit, ages[static_cast<std::size_t>(c)][static_cast<std::size_t>(f)], mean_clock);
          in.count[static_cast<std::size_t>(f)] *= std::max(0.0, w.high - w.low);
        }
        in.clock = mean_clock * in.total();
      }
      const double entered = in.total();
      out.entries(c, t) = entered;
      stock_before[c] += entered - out.exits(c, t);
      out.stock(c, t) = stock_before[c];
      const int b = spec.counts_working_steps ? bucket[static_cast<std::size_t>(t)] : t;
      st.total[b] += entered;
      st.clock[b] += in.clock;
      st.instant[b] += entered * t;
      if (families > 1)
        for (int f = 0; f < families; ++f) st.entries[static_cast<std::size_t>(f)][b] += in.count[static_cast<std::size_t>(f)];
      if (spec.has_age_limit && entered > 0)
        for (int f = 0; f < families; ++f) {
          const double x = in.count[static_cast<std::size_t>(f)];
          if (x > 0)
            schedule_cohort(st, spec, prepared[static_cast<std::size_t>(c)],
                            ages[static_cast<std::size_t>(c)][static_cast<std::size_t>(f)], f, t, steps, x,
                            in.clock / entered, tracked[static_cast<std::size_t>(c)]);
        }
    }
    if (t + 1 < steps) std::vector<Flow>().swap(now);  // its entries are in the histories now
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
