// The cohort projection on cases with known answers: geometric (discrete exponential)
// durations against their closed form, a fixed-length stage against a moving sum, Little's
// law at a steady state, a warm start that stays put, conservation through routing, and the
// age limit's timing. Every check is deterministic; tolerances are rounding, not noise.
#include "models/markov/cohort_projection.h"

#include <cmath>

#include <gtest/gtest.h>

namespace caseflow::models::markov {
namespace {

StepPmf geometric(double stay, int max_steps) {
  // P(leave at k) = (1 - stay) stay^(k - 1): the hazard is 1 - stay at every step.
  StepPmf pmf(static_cast<std::size_t>(max_steps) + 1, 0.0);
  for (int k = 1; k <= max_steps; ++k) pmf[static_cast<std::size_t>(k)] = (1 - stay) * std::pow(stay, k - 1);
  return pmf;
}

Network one_compartment(StepPmf duration) {
  Network net;
  net.groups = {"stage"};
  net.compartments.push_back({.name = "stage", .group = 0, .duration = std::move(duration)});
  return net;
}

TEST(CohortProjection, GeometricDurationsMatchTheClosedForm) {
  // Entries of 10 a step from instant 0 and an initial 50 leaving geometrically: after
  // instant t the entrants number 10 (1 - q^(t+1)) / (1 - q) and the initial 50 q^(t+1).
  const double q = 0.9, inflow = 10, initial = 50;
  const int steps = 200;
  Network net = one_compartment(geometric(q, 2000));
  std::vector<double> initial_exits(steps, 0.0);
  for (int t = 1; t < steps; ++t) initial_exits[static_cast<std::size_t>(t)] = initial * (1 - q) * std::pow(q, t - 1);
  net.compartments[0].initial.push_back({.count = initial, .exits = initial_exits});
  const Projection p = project(net, {{0, std::vector<double>(steps, inflow)}}, steps);
  for (int t : {0, 1, 5, 30, 199}) {
    const double expected = inflow * (1 - std::pow(q, t + 1)) / (1 - q) + initial * std::pow(q, t);
    EXPECT_NEAR(p.stock(0, t), expected, 1e-9 * expected) << "instant " << t;
  }
  // The steady state: inflow x mean duration (1 / (1 - q) = 10 steps).
  EXPECT_NEAR(p.stock(0, steps - 1), inflow / (1 - q), 1e-6);
}

TEST(CohortProjection, AFixedDurationHoldsTheLastEntriesAndReleasesThemOnTime) {
  const int d = 7, steps = 60;
  Network net = one_compartment(fixed_pmf(d));
  std::vector<double> inflow(steps);
  for (int t = 0; t < steps; ++t) inflow[static_cast<std::size_t>(t)] = 3 + (t % 5) + 0.5 * t;
  const Projection p = project(net, {{0, inflow}}, steps);
  for (int t = 0; t < steps; ++t) {
    double held = 0;
    for (int s = std::max(0, t - d + 1); s <= t; ++s) held += inflow[static_cast<std::size_t>(s)];
    EXPECT_NEAR(p.stock(0, t), held, 1e-9) << "instant " << t;
    EXPECT_NEAR(p.exits(0, t), t >= d ? inflow[static_cast<std::size_t>(t - d)] : 0.0, 1e-12) << "instant " << t;
  }
}

// A lognormal-like duration (median 40 steps, long right tail) put on the grid by rounding.
StepPmf skewed_duration() {
  return rounded_pmf([](double x) { return 0.5 * std::erfc(-(std::log(x / 40.0) / 0.8) / std::sqrt(2.0)); }, 3000);
}

TEST(CohortProjection, LittlesLawHoldsAtTheSteadyState) {
  const StepPmf duration = skewed_duration();
  const double mean = mean_steps(duration), inflow = 4.0;
  EXPECT_NEAR(mean, 40.0 * std::exp(0.32), 0.05);  // the rounded mean stays the continuous one
  const int steps = 3000;
  const Projection p = project(one_compartment(duration), {{0, std::vector<double>(steps, inflow)}}, steps);
  // After the longest duration every cohort that can be in is counted: stock = rate x mean.
  // The pmf leaves a tail of about 3e-8 beyond 3,000 steps unresolved (never leaving): the
  // tolerances allow for it.
  EXPECT_NEAR(p.stock(0, steps - 1), inflow * mean, 1e-5 * inflow * mean);
  EXPECT_NEAR(p.exits(0, steps - 1), inflow, 1e-6);
}

TEST(CohortProjection, AWarmStartAtTheEquilibriumResidualStaysPut) {
  const StepPmf duration = skewed_duration();
  // The stock after each instant, entries included, is inflow x mean; before instant 0's
  // entries the steady state holds one step's entries fewer. The tolerance allows for the
  // unresolved tail beyond 3,000 steps, as above.
  const double inflow = 4.0, steady = inflow * mean_steps(duration), before = steady - inflow;
  const int steps = 400;
  Network net = one_compartment(duration);
  const StepPmf residual = equilibrium_residual(duration);
  std::vector<double> exits(residual.size());
  for (std::size_t j = 0; j < residual.size(); ++j) exits[j] = before * residual[j];
  net.compartments[0].initial.push_back({.count = before, .exits = exits});
  const Projection p = project(net, {{0, std::vector<double>(steps, inflow)}}, steps);
  for (int t : {0, 10, 50, 200, 399}) EXPECT_NEAR(p.stock(0, t), steady, 1e-5 * steady) << "instant " << t;
  // Without the warm start the stock starts empty and is still short of the steady state
  // after one median stay: the check above is not trivially met.
  const Projection cold = project(one_compartment(duration), {{0, std::vector<double>(steps, inflow)}}, steps);
  EXPECT_LT(cold.stock(0, 40), 0.7 * steady);
}

TEST(CohortProjection, RoutingConservesEveryoneAndSplitsByShare) {
  // A (3 steps) sends 60% to B (5 steps) and 40% out; B sends everyone out.
  Network net;
  net.groups = {"a", "b"};
  net.compartments.push_back({.name = "a", .group = 0, .duration = fixed_pmf(3), .routing = {.to = {{1, 0.6}}}});
  net.compartments.push_back({.name = "b", .group = 1, .duration = fixed_pmf(5), .routing = {.to = {{kLeave, 1.0}}}});
  const int steps = 50;
  const Projection p = project(net, {{0, std::vector<double>(steps, 10.0)}}, steps);
  EXPECT_NEAR(p.stock(0, steps - 1), 30.0, 1e-12);
  EXPECT_NEAR(p.stock(1, steps - 1), 30.0, 1e-12);  // 6 a step for 5 steps
  EXPECT_NEAR(p.entries(1, 10), 6.0, 1e-12);
  EXPECT_NEAR(p.entries(1, 2), 0.0, 1e-12);  // the first leave A at instant 3
  EXPECT_NEAR(p.stock.col(steps - 1).sum() + p.left, 10.0 * steps, 1e-9);
  const GroupSeries g = by_group_and_period(net, p, {0, 10, 20});
  EXPECT_NEAR(g.starts(1, 1), 60.0, 1e-12);
  EXPECT_NEAR(g.stock(0, 2), 30.0, 1e-12);
}

TEST(CohortProjection, ARoutingChangeActsOnExitsFromItsInstant) {
  // A (4 steps) sends everyone to B until instant 20, to C from then; its initial cohort,
  // leaving at instants 2 and 30, goes as A's exits do at that instant.
  Network net;
  net.groups = {"a", "b", "c"};
  net.compartments.push_back({.name = "a", .group = 0, .duration = fixed_pmf(4), .routing = {.to = {{1, 1.0}}}});
  net.compartments[0].routing_changes.push_back({.from = 20, .routing = {.to = {{2, 1.0}}}});
  std::vector<double> exits(40, 0.0);
  exits[2] = 3.0;
  exits[30] = 5.0;
  net.compartments[0].initial.push_back({.count = 8.0, .exits = exits, .routed_as = RoutedAs::kShortStay});
  net.compartments.push_back({.name = "b", .group = 1, .duration = StepPmf{0.0}});
  net.compartments.push_back({.name = "c", .group = 2, .duration = StepPmf{0.0}});
  const Projection p = project(net, {{0, std::vector<double>(40, 1.0)}}, 40);
  // Entries at 0..15 leave at 4..19 to B (16), those at 16..35 at 20..39 to C (20), with the
  // initial 3 to B and 5 to C.
  EXPECT_NEAR(p.stock(1, 39), 16.0 + 3.0, 1e-12);
  EXPECT_NEAR(p.stock(2, 39), 20.0 + 5.0, 1e-12);
  EXPECT_NEAR(p.entries(2, 19), 0.0, 1e-12);
  EXPECT_NEAR(p.entries(2, 20), 1.0, 1e-12);
  // A change may not move where the long stay starts: a cohort's exits are split on entry.
  net.compartments[0].routing_changes[0].routing.long_from = 3;
  EXPECT_THROW(project(net, {}, 5), std::invalid_argument);
}

TEST(CohortProjection, TheAgeLimitTakesEveryoneOutOnTimeAndRoutesByStay) {
  // Everyone enters the network aged between 99 and 100 steps (the cdf rises linearly over
  // that step). They spend 20 steps in A, then enter B, which they would never leave by its
  // duration; B's limit is age 150.5, which they reach 30.5 to 31.5 steps after entering B:
  // they leave at step 31 (the nearest), to C as they stayed 25 steps or more.
  Network net;
  net.groups = {"a", "b", "c"};
  net.compartments.push_back({.name = "a", .group = 0, .duration = fixed_pmf(20), .routing = {.to = {{1, 1.0}}}});
  Compartment b{.name = "b", .group = 1, .duration = StepPmf{0.0}};
  b.has_age_limit = true;
  std::vector<double> cdf(200, 0.0);
  for (std::size_t j = 100; j < 200; ++j) cdf[j] = 1.0;
  b.age_limit.entry_age_cdfs = {cdf};
  b.age_limit.limit = 150.5;
  b.age_limit.routing = {.to = {{kLeave, 1.0}}, .long_from = 25, .to_long = {{2, 1.0}}};
  net.compartments.push_back(b);
  net.compartments.push_back({.name = "c", .group = 2, .duration = StepPmf{0.0}});
  std::vector<double> inflow(80, 0.0);
  inflow[5] = 12.0;
  const Projection p = project(net, {{0, inflow}}, 80);
  EXPECT_NEAR(p.entries(1, 25), 12.0, 1e-12);
  EXPECT_NEAR(p.stock(1, 55), 12.0, 1e-12);
  EXPECT_NEAR(p.exits(1, 56), 12.0, 1e-9);  // 31 steps in B
  EXPECT_NEAR(p.entries(2, 56), 12.0, 1e-9);
  // With B's limit at age 140.5 they leave after 21 steps in B: out of the network.
  net.compartments[1].age_limit.limit = 140.5;
  const Projection q = project(net, {{0, inflow}}, 80);
  EXPECT_NEAR(q.exits(1, 46), 12.0, 1e-9);
  EXPECT_NEAR(q.entries(2, 46), 0.0, 1e-12);
  EXPECT_NEAR(q.left, 12.0, 1e-9);
}

TEST(CohortProjection, EntrantsAlreadyPastTheLimitLeaveAtTheNextStep) {
  Network net = one_compartment(StepPmf{0.0});
  net.compartments[0].has_age_limit = true;
  net.compartments[0].age_limit = {.entry_age_cdfs = {{0.0, 1.0}}, .limit = 0.5};
  std::vector<double> inflow(10, 0.0);
  inflow[2] = 4.0;
  const Projection p = project(net, {{0, inflow}}, 10);
  EXPECT_NEAR(p.stock(0, 2), 4.0, 1e-12);
  EXPECT_NEAR(p.exits(0, 3), 4.0, 1e-12);
  EXPECT_NEAR(p.stock(0, 3), 0.0, 1e-12);
}

TEST(StepDuration, SumsMaximaAndResidualsHaveTheirKnownMoments) {
  const StepPmf a = fixed_pmf(3), b = geometric(0.5, 200);
  EXPECT_NEAR(mean_steps(sum_pmf(a, b, 400)), 3.0 + 2.0, 1e-9);
  // max(3, B) for B geometric(1/2): P(B <= 3) = 7/8 puts the mass at 3; E = 3 x 7/8 + sum_{k>3} k 2^-k.
  double tail = 0;
  for (int k = 4; k <= 200; ++k) tail += k * std::pow(0.5, k);
  EXPECT_NEAR(mean_steps(max_pmf(a, b)), 3.0 * 7.0 / 8.0 + tail, 1e-9);
  // The residual of a fixed stay of d, entered before the start, is uniform on 1..d-1; of a
  // geometric stay, the same geometric (memoryless).
  const StepPmf r = equilibrium_residual(fixed_pmf(4));
  for (int j = 1; j <= 3; ++j) EXPECT_NEAR(r[static_cast<std::size_t>(j)], 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(r[4], 0.0, 1e-12);
  const StepPmf g = equilibrium_residual(b);
  EXPECT_NEAR(g[1], 0.5, 1e-9);
  EXPECT_NEAR(g[3], 0.125, 1e-9);
}

TEST(CohortProjection, RefusesARouteToNoCompartment) {
  Network net = one_compartment(fixed_pmf(2));
  net.compartments[0].routing.to = {{3, 1.0}};
  EXPECT_THROW(project(net, {}, 5), std::invalid_argument);
  Network early = one_compartment(StepPmf{0.5, 0.5});
  EXPECT_THROW(project(early, {}, 5), std::invalid_argument);
}

}  // namespace
}  // namespace caseflow::models::markov
