// care.entry_by_age: a child in a band takes every route into care `multiplier` times as
// often. Counted from the journey's own log (each entry into care with the child's age), on
// the baseline with and without teenagers (14-17) at 1.3, the same seeds (common random
// numbers: the two runs differ only where a routing draw falls between the old and the new
// care share, and what follows from it).
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "sim/journey/child.h"
#include "sim/model.h"
#include "listening_log.h"

namespace caseflow::sim {
namespace {

struct EntriesByAge : testing::ListeningLog {
  long long teens = 0, younger = 0;
  void stage_changed(const Child& c, Stage, Stage to, double now) override {
    // Entries the routing decides: not the warm start's children (at day 0) nor UASC, who
    // arrive in care without a stage to route them.
    if (to != Stage::kCla || now <= 0 || c.uasc) return;
    ((now - c.birth_day) / kDaysPerYear >= 14 ? teens : younger) += 1;
  }
};

EntriesByAge entries(const Scenario& scenario, int replications, std::uint64_t seed) {
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(scenario, calendar);
  EntriesByAge log;
  for (int r = 0; r < replications; ++r) (void)run_replication(scenario, calendar, demand, seed, static_cast<std::uint32_t>(r), log);
  return log;
}

const Scenario& baseline() {
  static const Scenario s = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  return s;
}

TEST(CareEntryByAge, TheDefaultIsEveryAgeAlike) {
  const Care& care = baseline().epochs.front().parameters.care;
  EXPECT_FALSE(care.entry_by_age_in_force());
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(3), 1.0);
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(17.9), 1.0);
}

TEST(CareEntryByAge, MultiplierOfTheChildsBand) {
  Care care;
  care.entry_band_edges_years = {0, 14, 18};
  care.entry_multipliers = {1, 1.3};
  EXPECT_TRUE(care.entry_by_age_in_force());
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(13.99), 1.0);
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(14), 1.3);
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(17.5), 1.3);
  EXPECT_DOUBLE_EQ(care.entry_multiplier_at(18.5), 1.3);  // past the last edge: the last band
}

// 20 replications of 36 months, seed 31. Teenagers' entries rise by about the multiplier and
// the younger children's stay put. Measured: teenagers 2,969 -> 3,865 (x 1.302), younger
// children 7,715 -> 7,710 (x 0.999). The tolerances: each count is
// a few thousand entries (a Poisson standard error near 2%), and the two runs share their
// random numbers, so the younger children's ratio moves only through the workload the extra
// teenagers bring, and the teenagers' through that and the children who, in care sooner,
// are not routed again. The count leaves out
// UASC (most of them 16-17, in care on arrival) and the warm start's children in care.
TEST(CareEntryByAge, TeenagersEntriesRiseByTheMultiplier) {
  Scenario plain = baseline();
  plain.horizon_months = 36;
  Scenario teens = plain;
  for (auto& epoch : teens.epochs) {
    epoch.parameters.care.entry_band_edges_years = {0, 14, 18};
    epoch.parameters.care.entry_multipliers = {1, 1.3};
  }
  const EntriesByAge before = entries(plain, 20, 31), after = entries(teens, 20, 31);
  const double teen_ratio = static_cast<double>(after.teens) / static_cast<double>(before.teens);
  const double younger_ratio = static_cast<double>(after.younger) / static_cast<double>(before.younger);
  std::cout << "teenagers' entries " << before.teens << " -> " << after.teens << " (x " << teen_ratio << "), younger children's "
            << before.younger << " -> " << after.younger << " (x " << younger_ratio << ")\n";
  EXPECT_GT(before.teens, 1000);
  EXPECT_NEAR(teen_ratio, 1.3, 0.08);
  EXPECT_NEAR(younger_ratio, 1.0, 0.04);
}

}  // namespace
}  // namespace caseflow::sim
