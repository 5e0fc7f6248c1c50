// The workforce census's estimates beyond posts and turnover: sickness and cases held. Synth
// writes each worker's expected working days lost (the scenario's daily sickness share over
// the weekdays in post), so calibrate must give back the scenario's sickness level, and a
// doubled level when the replication ran with one. Seed: the scenario's (20190401).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"

namespace caseflow::calibrate {
namespace {

std::array<double, 12> estimated_sickness(const sim::Scenario& truth, const sim::Scenario& defaults, CouncilEstimates* keep = nullptr) {
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));
  CouncilEstimates est = estimate({run.history, o, defaults, "defaults.yaml", "synthetic"});
  const YAML::Node profile = YAML::Load(est.keys.at("workforce.sickness_share_by_month").yaml);
  std::array<double, 12> out{};
  for (std::size_t m = 0; m < 12; ++m) out[m] = profile[m].as<double>();
  if (keep) *keep = std::move(est);
  return out;
}

TEST(CalibrateWorkforce, SicknessComesBackAtTheLevelTheReplicationRanWith) {
  const sim::Scenario baseline = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const auto& truth = baseline.epochs.front().parameters.workforce.sickness_share_by_month;
  CouncilEstimates est;
  const auto same = estimated_sickness(baseline, baseline, &est);
  // The written values have 3 significant digits (0.0366 -> 0.0366); the weekday weighting of
  // the months is the estimator's own: 1% covers both.
  for (std::size_t m = 0; m < 12; ++m) EXPECT_NEAR(same[m], truth[m], 0.01 * truth[m]) << "month " << m + 1;
  EXPECT_NE(est.keys.at("workforce.sickness_share_by_month").comment.find("working days lost"), std::string::npos);

  // A replication with twice the sickness, calibrated against the baseline as the defaults:
  // the level is the returns', not the defaults'.
  sim::Scenario doubled = baseline;
  for (auto& epoch : doubled.epochs)
    for (double& s : epoch.parameters.workforce.sickness_share_by_month) s *= 2;
  const auto twice = estimated_sickness(doubled, baseline);
  for (std::size_t m = 0; m < 12; ++m) EXPECT_NEAR(twice[m], 2 * truth[m], 0.02 * truth[m]) << "month " << m + 1;
}

TEST(CalibrateWorkforce, CasesHeldAreReportedNotSet) {
  const sim::Scenario baseline = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const synth::SynthRun run = synth::synthesize(baseline, 5, std::nullopt);
  const Observations o = observe(run.history, engine::days_from_civil({2021, 4, 1}), engine::days_from_civil({2024, 3, 31}));
  const CouncilEstimates est = estimate({run.history, o, baseline, "defaults.yaml", "synthetic"});
  // The 2023 census's case holders, counted here from the history.
  double cases = 0, fte = 0;
  for (const auto& w : run.history.workers)
    if (w.census_year == 2023 && w.org_role == 5 && w.cases_at_30_sept && w.fte_at_30_sept > 0) {
      cases += *w.cases_at_30_sept;
      fte += w.fte_at_30_sept;
    }
  ASSERT_GT(fte, 20);
  std::string line;
  for (const auto& h : est.header)
    if (h.find("case holders (OrgRole 5) held") != std::string::npos) line = h;
  ASSERT_FALSE(line.empty());
  char expected[64];
  std::snprintf(expected, sizeof expected, "held %.0f cases at 30 September 2023", cases);
  EXPECT_NE(line.find(expected), std::string::npos) << line;
  // No caseload limit is taken from it.
  EXPECT_EQ(est.keys.count("workforce.teams.assessment.pace_cases"), 0u);
}

}  // namespace
}  // namespace caseflow::calibrate
