// Calibration's round trip, its stocks (issue 12, point 3): one replication of a scenario
// written as returns (synth, the scenario's seed 20190401), calibrated on the three years to
// 31 March 2024, and the calibrated scenario run 60 months from 1 April 2024. Its mean stock of
// every stage at month 60 must lie inside the true scenario's P10-P90 band over the same
// months: the true scenario run 120 months from its own start (1 April 2019), of which the
// last 60 follow the returns. (Comparing with the true scenario's own first 60 months would
// ask a scenario still filling up, as the different one's children in care are, to match an
// earlier, lower level.) Both runs: 100 replications, seed kSeed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "calibrate/calibration.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "sim/engine/civil_date.h"
#include "sim/runner.h"
#include "sanitizer_build.h"

namespace caseflow::calibrate {
namespace {

using sim::Metric;

// Any fixed number, recorded so the outcome repeats. 100 replications: the band's P10 and P90
// are then within about 1% of the stock of their values at many replications (the SE of a
// 10% quantile is about 0.6 SD / sqrt(100)), and the calibrated mean within 0.2-0.6%.
constexpr std::uint64_t kSeed = 1207;
constexpr std::uint32_t kReps = 100;

struct Stock {
  const char* name;
  Metric metric;
};
const Stock kStocks[] = {{"assessments_open", Metric::kAssessmentsOpen},
                         {"cin_open", Metric::kCinOpen},
                         {"cp_open", Metric::kCpOpen},
                         {"pre_proceedings_open", Metric::kPreProceedingsOpen},
                         {"proceedings_open", Metric::kProceedingsOpen},
                         {"cla_open", Metric::kClaOpen},
                         {"care_leavers_open", Metric::kCareLeaversOpen}};

// The sanitizer build runs 10-20 times slower: four runs of 100 replications would take many
// minutes there. It still runs the calibration itself (round_trip_test.cpp).
bool sanitized() { return caseflow::testing::sanitizer_build(); }

const sim::SeriesSummary& series_of(const sim::RunSummary& s, Metric m) { return s.series[s.layout->series(m, s.layout->all_group(m))]; }

struct Case {
  const char* scenario;
  // Stocks this test knows to fall outside today, each with its measured cause
  // (docs/calibration.md, "The round trip"). Any other stock outside fails the test, and so
  // does a listed one that has come inside: the list must then be shortened.
  std::vector<std::string> known_outside;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.scenario; }

class CalibrateRoundTripStocks : public ::testing::TestWithParam<Case> {};

TEST_P(CalibrateRoundTripStocks, SixtyMonthStocksInsideTheTrueBands) {
  if (sanitized()) GTEST_SKIP() << "four runs of 100 replications: too slow under the sanitizers";
  const std::string path = std::string(CASEFLOW_SOURCE_DIR) + "/" + GetParam().scenario;
  const sim::Scenario truth = io::load_scenario(path);
  const synth::SynthRun run = synth::synthesize(truth, 5, std::nullopt);
  const Calibration c =
      calibrate_council(run.history, truth, {"synthetic", engine::days_from_civil({2024, 3, 31}), 3, path, "council.children.csv"});
  sim::Scenario council = load_calibrated(c);
  ASSERT_FALSE(council.initial.children.empty());
  council.horizon_months = 60;
  sim::Scenario whole = truth;
  whole.horizon_months = 120;
  // The truth's term dates end in March 2024 (the listed span): its second five years keep
  // the same calendar by the rule, as the calibrated council's do. Without it they would
  // have no holidays at all, 15% more schools contacts, and open assessments 8% above the
  // calibrated ones (session 10 read that as a March peak).
  for (auto& epoch : whole.epochs) epoch.parameters.demand.school_terms.outside_listed = "typical_english_rule";
  const sim::RunSummary calibrated = sim::run_scenario(council, {kReps, kSeed, 0});
  const sim::RunSummary true_run = sim::run_scenario(whole, {kReps, kSeed, 0});
  std::printf("%s: month 60 (March 2029), %u replications each, seed %llu\n%-22s %10s %10s %8s %18s\n", truth.name.c_str(), kReps,
              static_cast<unsigned long long>(kSeed), "stock", "calibrated", "true", "diff %", "true P10-P90");
  int inside = 0;
  for (const Stock& s : kStocks) {
    const auto& cal = series_of(calibrated, s.metric);
    const auto& tru = series_of(true_run, s.metric);
    const double mean = cal.mean[59], p10 = tru.p10[119], p90 = tru.p90[119];
    const bool in_band = p10 <= mean && mean <= p90;
    inside += in_band;
    const bool known = std::find(GetParam().known_outside.begin(), GetParam().known_outside.end(), s.name) != GetParam().known_outside.end();
    std::printf("%-22s %10.1f %10.1f %+8.1f %8.1f-%-8.1f %s\n", s.name, mean, tru.mean[119], 100 * (mean / tru.mean[119] - 1), p10, p90,
                in_band ? "inside" : known ? "OUTSIDE (known)" : "OUTSIDE");
    EXPECT_EQ(in_band, !known) << s.name << ": calibrated mean " << mean << ", true P10-P90 " << p10 << "-" << p90
                               << (known ? " (listed as known outside: it has come inside, shorten the list)" : "");
  }
  std::printf("%d of 7 inside\n", inside);
}

// Known outside, measured (docs/calibration.md, "The round trip"): the baseline's CIN plans,
// -4.6% (712.4 against a P10 of 716.9). It is this replication's: over eight other seeds of
// the baseline's returns the calibrated CIN plans at month 60 average -0.1% of the truth
// (from -5.5% to +5.5%); this replication's CIN plans ended 4% sooner than the scenario's on
// average, 2.4 standard errors, and 1.8% fewer began.
// The different scenario is 7 of 7 inside since session 14. Its CIN plans came inside
// (-3.5%) when the fitted durations took an exponential tail where their longest spells were
// still open; its care leavers (+11.1% before, +6.0% now) when the warm start stopped counting
// young people without an OC3 record as care leavers to 21 and added those who left care
// before the returns begin. The rest of the care leavers' excess is the 16+ band's fit from
// three years (951 periods, 60% open or cut at 18): with the true bands in its place they
// were +0.2%.
INSTANTIATE_TEST_SUITE_P(Scenarios, CalibrateRoundTripStocks,
                         ::testing::Values(Case{"scenarios/baseline.yaml", {"cin_open"}},
                                           Case{"tests/data/calibrate-different.yaml", {}}),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.index == 0 ? std::string("Baseline") : std::string("Different"); });

}  // namespace
}  // namespace caseflow::calibrate
