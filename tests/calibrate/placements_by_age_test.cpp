// Placements and moves by age at entry into care, end to end: the simulation places and moves
// children by their band (care.by_age_at_entry), synth writes the episodes, and calibrate reads
// them back by band. The fixture's rule is exact (under 10: in-house foster, never moved; 10 and
// over: residential, two moves a year), so the first two checks allow no error at all; the
// estimated rate is checked against its 95% interval. Seed: the scenario's (20190401).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "calibrate/care_placements_by_age.h"
#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "io/returns/dates.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"

namespace caseflow::calibrate {
namespace {

constexpr auto kFoster = static_cast<std::size_t>(sim::Placement::kInHouseFoster);
constexpr auto kResidential = static_cast<std::size_t>(sim::Placement::kResidential);

TEST(PlacementsByAge, TheSimulationPlacesAndMovesByBandAndCalibrateReadsItBack) {
  const std::string file = std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/care_bands_placements.yaml";
  const sim::Scenario truth = io::load_scenario(file);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));

  // The returns date a birth and a placement to the day, so an age within a day of 10 may fall
  // either side of the band's edge: those few are left out.
  const auto near_edge = [](double age) { return std::abs(age - 10.0) < 2.0 / 365.0; };
  long long young = 0, old = 0;
  for (const auto& p : o.care_periods) {
    if (p.uasc || p.age_years < 0 || near_edge(p.age_years)) continue;
    ASSERT_EQ(p.placement, static_cast<int>(p.age_years < 10 ? kFoster : kResidential)) << "entered care aged " << p.age_years;
    (p.age_years < 10 ? young : old) += 1;
  }
  EXPECT_GT(young, 50);
  EXPECT_GT(old, 50);
  double young_years = 0;
  for (const auto& e : o.care_exposures)
    if (e.age_years >= 0 && e.age_years < 10 && !near_edge(e.age_years)) {
      EXPECT_EQ(e.moves, 0) << "a child who entered care aged " << e.age_years << " moved";
      young_years += e.years;
    }
  EXPECT_GT(young_years, 100.0);

  const CouncilEstimates est = estimate({run.history, o, truth, file, "synthetic"});
  const PlacementsByAge& r = est.placements_by_age;
  ASSERT_TRUE(r.shares_by_band) << r.shares_test;
  ASSERT_TRUE(r.moves_by_band) << r.moves_test;
  ASSERT_TRUE(est.keys.contains("care.by_age_at_entry"));
  for (const auto& b : r.bands) {
    SCOPED_TRACE("band " + std::to_string(b.from_age) + "-" + std::to_string(b.to_age));
    if (b.to_age <= 10) {
      EXPECT_DOUBLE_EQ(b.shares[kFoster].share, 1.0);
      EXPECT_EQ(b.moves, 0);
    } else if (b.from_age >= 10) {
      EXPECT_DOUBLE_EQ(b.shares[kResidential].share, 1.0);
      EXPECT_LE(b.moves_low, 2.0);
      EXPECT_GE(b.moves_high, 2.0);
    }
  }
  // The written key reads back as a scenario: calibrate's text is what the reader takes.
  const auto& entries = est.keys.at("care.by_age_at_entry").entries;
  ASSERT_EQ(entries.size(), r.bands.size());
  EXPECT_NE(entries.back().yaml.find("placement_shares: {in_house_foster: 0"), std::string::npos) << entries.back().yaml;
}

TEST(PlacementsByAge, OneSetForEveryAgeWritesNoBands) {
  // The baseline places and moves every child alike: the criterion must find no bands.
  const std::string file = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const sim::Scenario truth = io::load_scenario(file);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));
  std::vector<std::string> pooled;
  const PlacementsByAge r = placements_by_age(o, {0, 1, 5, 10, 16, 18}, 20, true, pooled);
  EXPECT_FALSE(r.shares_by_band) << r.shares_test;
  EXPECT_FALSE(r.moves_by_band) << r.moves_test;
}

}  // namespace
}  // namespace caseflow::calibrate
