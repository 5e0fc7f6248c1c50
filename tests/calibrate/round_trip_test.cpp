// Calibration's round trip on caseflow's own synthetic returns: one replication of a scenario
// written as a History (synth), observed in the three years to 31 March 2024, and estimated.
// The true values are the scenario's own. Seed: the scenario's (20190401).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "calibrate/calibration.h"
#include "calibrate/council_writer.h"
#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "calibrate/yaml_text.h"
#include "io/returns/dates.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "sim/stage_table.h"
#include "tests/scratch_dir.h"

namespace caseflow::calibrate {
namespace {

class CalibrateRoundTrip : public ::testing::TestWithParam<const char*> {};

// Placement shares and moves by band of age at entry (calibrate/care_placements_by_age.h),
// against the true band holding each estimated one (a band pooled across true bands is left
// out). A truth that places and moves every child alike (the baseline) must get no bands; the
// different scenario's teenagers, in residential homes and supported accommodation and moving
// twice as often as babies, must get both, with the true values inside the 95% intervals at
// about the nominal rate. The bands are the exits' (0-5 pooled, so not checked): 21 checks (18
// shares, 3 rates), about 1 miss expected; 4 or more come by sampling alone 1.9% of the time,
// so at most 3 are allowed (measured: 21 of 21 inside).
void placements_by_band(const sim::Care& care, const PlacementsByAge& estimated) {
  if (care.by_age_at_entry.empty()) {
    EXPECT_FALSE(estimated.shares_by_band) << "placement bands for a truth with one set: " << estimated.shares_test;
    EXPECT_FALSE(estimated.moves_by_band) << "move rates by band for a truth with one rate: " << estimated.moves_test;
    return;
  }
  ASSERT_TRUE(estimated.shares_by_band) << estimated.shares_test;
  ASSERT_TRUE(estimated.moves_by_band) << estimated.moves_test;
  int checks = 0, covered = 0;
  for (const auto& b : estimated.bands) {
    const std::size_t t = care.band_at_entry_age(b.from_age);
    if (b.to_age > care.by_age_at_entry[t].to_age_years) continue;
    const std::string band = number_text(b.from_age, 3) + "-" + number_text(b.to_age, 3);
    for (std::size_t k = 0; k < sim::kPlacements && b.shares_written; ++k) {
      const double truth = care.placement_shares_of_band(t)[k];
      const bool inside = b.shares[k].low <= truth && truth <= b.shares[k].high;
      ++checks, covered += inside;
      std::cout << "placement " << band << " " << sim::placement_names()[k] << ": true " << truth << ", estimated " << b.shares[k].share
                << " (" << b.shares[k].low << "-" << b.shares[k].high << ", n " << b.n << ")" << (inside ? "" : "  OUTSIDE") << "\n";
    }
    if (b.moves_written) {
      const double truth = care.placement_moves_of_band(t);
      const bool inside = b.moves_low <= truth && truth <= b.moves_high;
      ++checks, covered += inside;
      std::cout << "moves a year " << band << ": true " << truth << ", estimated " << b.moves_per_year << " (" << b.moves_low << "-"
                << b.moves_high << ", " << b.moves << " in " << b.years << " years)" << (inside ? "" : "  OUTSIDE") << "\n";
    }
  }
  EXPECT_GE(checks, 14) << "too few placement checks: the bands were pooled away";
  EXPECT_GE(covered, checks - 3) << covered << " of " << checks << " placement shares and rates inside their 95% intervals";
}

TEST_P(CalibrateRoundTrip, EstimatedSharesCoverTheScenariosOwn) {
  const std::string baseline = std::string(CASEFLOW_SOURCE_DIR) + "/" + GetParam();
  const sim::Scenario truth = io::load_scenario(baseline);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const returns::Day as_of = engine::days_from_civil({2024, 3, 31});
  const Observations observed = observe(run.history, engine::days_from_civil({2021, 4, 1}), as_of);
  const CouncilEstimates est = estimate({run.history, observed, truth, baseline, "synthetic"});

  // Every share the returns identify, against the value the replication ran with.
  const sim::Parameters& p = truth.epochs.front().parameters;
  std::vector<std::pair<std::string, std::pair<double, ShareEstimate>>> checks = {
      {"referral.nfa_prob", {p.referral.nfa_prob, *est.keys.at("referral.nfa_prob").share}},
      {"referral.icpc_prob", {p.referral.icpc_prob, *est.keys.at("referral.icpc_prob").share}},
      {"referral.cp_plan_prob", {p.referral.cp_plan_prob, *est.keys.at("referral.cp_plan_prob").share}},
  };
  const auto table = sim::StageTable::standard();
  for (auto [stage, key] : {std::pair{sim::Stage::kAssessment, "assessment.outcomes"}, std::pair{sim::Stage::kCp, "cp_plan.outcomes"}}) {
    const auto& entries = est.keys.at(key).entries;
    const auto& shares = p.routes[sim::stage_index(stage)].outcome_shares;
    ASSERT_EQ(entries.size(), shares.size()) << key;
    for (std::size_t i = 0; i < shares.size(); ++i) checks.push_back({std::string(key) + "." + entries[i].name, {shares[i], entries[i].share}});
  }
  // The all-ages care exits have a true value only when the truth has no bands by age.
  if (p.care.by_age_at_entry.empty()) {
    const auto& entries = est.keys.at("care.exits_before_18").entries;
    const std::array<double, 4> routes{p.care.exit_home, p.care.exit_sgo, p.care.exit_adoption, p.care.exit_other};
    ASSERT_EQ(entries.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) checks.push_back({"care.exits_before_18." + entries[i].name, {routes[i], entries[i].share}});
  }
  const std::size_t pooled_checks = checks.size();
  // The shares by band of age at entry (care.by_age_at_entry): against the true band holding
  // the estimated one (every band when the truth has none). A band pooled across true bands
  // with different shares has no single true value and is left out, as is a route no period
  // of the band ended by (share 0, no interval).
  int absent = 0;
  for (const CareBandEstimate& b : est.care_bands) {
    const sim::Care& care = p.care;
    std::size_t truth_band = care.band_at_entry_age(b.from_age);
    if (!care.by_age_at_entry.empty() && b.to_age > care.by_age_at_entry[truth_band].to_age_years) continue;
    const sim::CareExits& t = care.exits_of_band(truth_band);
    const std::array<double, 4> routes{t.exit_home, t.exit_sgo, t.exit_adoption, t.exit_other};
    for (std::size_t r = 0; r < kCareRoutes; ++r) {
      const auto& f = b.fit.routes[r];
      if (f.absent) {
        ++absent;
        std::cout << "care.by_age_at_entry " << b.from_age << "-" << b.to_age << " " << kCareRouteNames[r] << ": true " << routes[r]
                  << ", no period ended by it (share 0, not checked)\n";
        continue;
      }
      checks.push_back({"care.by_age_at_entry " + number_text(b.from_age, 3) + "-" + number_text(b.to_age, 3) + " " + kCareRouteNames[r],
                        {routes[r], ShareEstimate{f.share, f.share_low, f.share_high, f.ended, b.fit.periods}}});
    }
  }
  int covered = 0, banded_covered = 0;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const auto& [name, c] = checks[i];
    const auto& [true_value, e] = c;
    const bool inside = e.low <= true_value && true_value <= e.high;
    covered += inside;
    banded_covered += inside && i >= pooled_checks;
    std::cout << name << ": true " << true_value << ", estimated " << e.share << " (" << e.low << "-" << e.high << ", n " << e.n << ")"
              << (inside ? "" : "  OUTSIDE") << "\n";
  }
  // Nominal coverage is 95%; with 16 shares, sampling alone would miss about one (measured:
  // the baseline 15 of 16, CP plans closed just outside; the different scenario, whose care
  // exits are by age at entry and checked by band below, 12 of 12; the large council's ten
  // times more plans put the closed share at 0.299, so that miss is sampling). Three or more
  // misses by sampling alone come about 4% of the time, four or more 0.7%: three misses is
  // the most allowed; more means an estimate has broken.
  const int pooled_covered = covered - banded_covered;
  EXPECT_GE(pooled_covered, static_cast<int>(pooled_checks) - 3)
      << pooled_covered << " of " << pooled_checks << " true shares inside their 95% intervals";
  EXPECT_EQ(pooled_checks, p.care.by_age_at_entry.empty() ? 16u : 12u);
  // The bands' shares. A truth with one set of exits for every age (the baseline) must get
  // none: calibrate writes bands only when they beat the all-ages fit by the Bayesian
  // information criterion (measured: likelihood ratio 13.1 for 10 more parameters, penalty
  // 63). A truth with bands (the different scenario) must get them, with at least 8 shares
  // checked (measured: 0-5 pooled, since three years hold 14 babies' periods ended before 18,
  // and not checked as it mixes two true bands; 5-10, 10-16, 16-18: 11 shares, 16+ adoption
  // has none ended). Their intervals come from the observed information of fits with 200-320
  // periods, so coverage is nominal only roughly; measured 10 of 11. Four or more misses of
  // 12 at 95% come 0.2% of the time: more than 3 means the band fit has broken.
  const int banded = static_cast<int>(checks.size() - pooled_checks);
  std::cout << "bands: " << banded_covered << " of " << banded << " inside, " << absent << " routes with none ended\n";
  placements_by_band(p.care, est.placements_by_age);
  if (p.care.by_age_at_entry.empty()) {
    EXPECT_TRUE(est.care_bands.empty()) << est.care_bands.size() << " bands written for a truth with one set of exits for every age";
  } else {
    EXPECT_GE(banded, 8) << "too few band shares checked: the bands were pooled away";
    EXPECT_GE(banded_covered, banded - 3) << banded_covered << " of " << banded << " band shares inside their 95% intervals";
  }
}

// The baseline, and a scenario unlike it (longer CP plans, more ICPCs and care entries).
INSTANTIATE_TEST_SUITE_P(Scenarios, CalibrateRoundTrip,
                         ::testing::Values("scenarios/baseline.yaml", "tests/data/calibrate-different.yaml"));

TEST(CalibrateCouncilFile, LoadsAsAScenarioHoldingTheEstimates) {
  // The written file is a scenario caseflow runs: it loads, starts the day after the as-of
  // date, and holds the open caseload and the estimated shares as estimated.
  const std::string baseline = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const sim::Scenario defaults = io::load_scenario(baseline);
  const synth::SynthRun run = synth::synthesize(defaults, 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));
  const CouncilEstimates est = estimate({run.history, o, defaults, baseline, "synthetic"});
  const test::ScratchDir scratch;
  const auto path = scratch / "council.yaml";
  {
    std::ofstream out(path);
    write_council_yaml(out, {"council-test", "round trip", "2024-04-01"}, est, defaults, baseline);
  }
  const sim::Scenario council = io::load_scenario(path.string());
  EXPECT_EQ(council.start_date, (engine::CivilDate{2024, 4, 1}));
  EXPECT_EQ(council.initial.cla, o.open_cla);
  EXPECT_EQ(council.initial.cp_plans, o.open_cp_plans);
  EXPECT_EQ(council.initial.cin_plans, o.open_cin_plans);
  EXPECT_NEAR(council.epochs.front().parameters.referral.icpc_prob, est.keys.at("referral.icpc_prob").share->share, 5e-5);
  EXPECT_TRUE(council.epochs.front().parameters.workforce.sickness_shocks.empty());
  EXPECT_EQ(council.epochs.size(), 1u);  // the defaults' dated changes are not carried over
}

}  // namespace
}  // namespace caseflow::calibrate

namespace caseflow::calibrate {
namespace {

TEST(CalibrateFrontDoor, ContactCountsGiveBackTheReferralShare) {
  // The council's contact counts are the replication's own (monthly.csv's contacts, which no
  // return carries), written as the CSV --contacts reads. The share solved from them must be
  // the baseline's 0.33 within 0.01 (12 months of about 1,100 contacts: the share's sampling
  // error is about 0.004).
  const std::string baseline = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const sim::Scenario truth = io::load_scenario(baseline);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const test::ScratchDir scratch;
  const auto path = scratch / "contacts.csv";
  {
    std::ofstream out(path);
    out << "month,contacts\n";
    for (int m = 0; m < run.replication.monthly.months; ++m) {
      const int y = 2019 + (3 + m) / 12, month = (3 + m) % 12 + 1;
      out << y << '-' << (month < 10 ? "0" : "") << month << ',' << run.replication.monthly.all(sim::Metric::kContacts, m) << "\n";
    }
  }
  const Calibration c = calibrate_council(run.history, truth,
                                          {"synthetic", engine::days_from_civil({2024, 3, 31}), 3, baseline, "x.children.csv", path.string()});
  const auto& entries = c.estimates.keys.at("front_door.outcomes").entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "referral");
  EXPECT_NEAR(std::stod(entries[0].yaml), truth.epochs.front().parameters.front_door.referral_prob, 0.01);
}

}  // namespace
}  // namespace caseflow::calibrate
