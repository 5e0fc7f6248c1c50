// The Markov projection of a scenario on what it must give whatever the simulation does:
// everyone is accounted for, the stocks of plan stages follow Little's law on the
// projection's own flows with the scenario's mean durations, and a table with stages added
// to the standard journey is refused. Deterministic: tolerances are discretisation, not noise.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "calibrate/markov_projection.h"
#include "sim/stage_table.h"
#include "../sim/test_scenario.h"

namespace caseflow::calibrate {
namespace {

TEST(MarkovProjection, EveryoneIsAccountedFor) {
  const sim::Scenario s = sim::testing::baseline_scenario(60);
  const MarkovModel model = build_markov_model(s);
  const auto p = models::markov::project(model.network, model.inflows, model.days);
  double initial = 0, inflow = 0;
  for (const auto& c : model.network.compartments)
    for (const auto& cohort : c.initial) initial += cohort.count;
  for (const auto& f : model.inflows)
    for (double x : f.per_step) inflow += x;
  // Everyone who was there or came is still in some compartment or has left the model.
  const double held = p.stock.col(model.days - 1).sum();
  EXPECT_NEAR(held + p.left, initial + inflow, 1e-6 * (initial + inflow));
  // And the warm start is the scenario's: 570 assessments, 440 in care, and so on.
  EXPECT_NEAR(initial, 570 + 750 + 462 + 21 + 61 + 440 + 236 + 1222, 1e-6);
}

TEST(MarkovProjection, PlanStocksFollowLittlesLawOnTheProjectionsOwnFlows) {
  // Flat demand, so that year 5's entries per day are steady: the CIN and CP stocks are then
  // entries per day x the scenario's mean duration (CIN lognormal, median 150 days, p90 400:
  // 201.0 days; CP empirical: 319.6 days), within the rounding of durations to whole days.
  sim::Scenario s = sim::testing::baseline_scenario(60);
  auto& d = s.epochs.front().parameters.demand;
  d.monthly_profile.fill(1.0);
  d.schools_monthly_profile.fill(1.0);
  d.school_terms.holidays.clear();
  const MarkovProjection p = project_markov(s);
  for (const auto& [stage, mean_days] : {std::pair{1, 201.0}, std::pair{2, 319.6}}) {
    double entries = 0;
    for (int m = 48; m < 60; ++m) entries += p.starts(stage, m);
    const double per_day = entries / 366.0;  // 2023-04..2024-03
    std::printf("%s: stock %.2f, %.4f a day x %.1f days = %.2f\n", p.stages[static_cast<std::size_t>(stage)].c_str(),
                p.stock(stage, 59), per_day, mean_days, per_day * mean_days);
    EXPECT_NEAR(p.stock(stage, 59), per_day * mean_days, 0.01 * p.stock(stage, 59)) << p.stages[static_cast<std::size_t>(stage)];
  }
}

TEST(MarkovProjection, RefusesAStageTableWithAddedStages) {
  sim::Scenario s = sim::testing::baseline_scenario(12);
  auto table = std::make_shared<sim::StageTable>(*s.stages);
  table->add({.name = "family_group_conference", .section = "family_group_conference"});
  s.stages = table;
  EXPECT_THROW(build_markov_model(s), std::invalid_argument);
}

// care.entry_by_age scales routes into care by the child's age, which the projection does not
// track: refused (`caseflow project` exits 2 with the message), not ignored.
TEST(MarkovProjection, RefusesEntriesIntoCareByAge) {
  sim::Scenario s = sim::testing::baseline_scenario(12);
  s.epochs.front().parameters.care.entry_band_edges_years = {0, 14, 18};
  s.epochs.front().parameters.care.entry_multipliers = {1, 1.3};
  EXPECT_THROW(build_markov_model(s), std::invalid_argument);
  s.epochs.front().parameters.care.entry_multipliers = {1, 1};
  EXPECT_NO_THROW(build_markov_model(s));
}

}  // namespace
}  // namespace caseflow::calibrate
