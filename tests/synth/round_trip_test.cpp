// The round trip, in process: the History synth builds from one replication gives, through
// returns::flow_counts, exactly the replication's own monthly series for every flow the
// returns carry and the stocks at each month end (docs/synthetic-returns.md). Exact: counts
// are whole numbers, so any difference is a mismatch of definitions, not noise. The seeds
// are the scenarios' own; every seed must pass, so the tests fix them only to be
// reproducible.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>

#include "io/returns/flow_counts.h"
#include "io/scenario_yaml.h"
#include "io/synth/filled_fields.h"
#include "io/synth/placement_codes.h"
#include "io/synth/synth.h"
#include "io/user_error.h"
#include "sim/engine/calendar.h"
#include "sim/metrics.h"
#include "tests/synth/metric_named.h"

namespace caseflow {
namespace {

using testing::metric_named;

sim::Scenario scenario(const std::string& file) {
  return io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + file);
}

void expect_round_trip(const synth::SynthRun& run) {
  const sim::MonthlyResult& monthly = run.replication.monthly;
  const int months = monthly.months;
  ASSERT_EQ(months, run.scenario.horizon_months);
  const returns::FlowCounts f = returns::flow_counts(run.history, run.first_day, months);

  // Every flow and month-end stock, month by month.
  ASSERT_EQ(f.monthly.size(), 16u);
  for (const auto& [name, series] : f.monthly) {
    const sim::Metric metric = metric_named(name);
    double total = 0;
    for (int m = 0; m < months; ++m) {
      EXPECT_EQ(series[static_cast<std::size_t>(m)], monthly.all(metric, m)) << name << " month " << m;
      total += series[static_cast<std::size_t>(m)];
    }
    EXPECT_GT(total, 0) << name << ": a metric that never happens proves nothing";
  }
  // Care leavers at each 31 March (OC3 is annual).
  ASSERT_EQ(f.at_31_march.at("care_leavers_open").size(), static_cast<std::size_t>(months / 12));
  for (const auto& [m, open] : f.at_31_march.at("care_leavers_open"))
    EXPECT_EQ(open, monthly.all(sim::Metric::kCareLeaversOpen, m)) << "care leavers at the end of month " << m;

  // Referrals by source and children starting care by placement type, through the codes.
  std::map<std::size_t, std::vector<double>> by_source, by_placement;
  for (const auto& [code, series] : f.referrals_by_source) {
    auto& sum = by_source[sim::index(synth::FilledFields::model_source_of(code))];
    sum.resize(static_cast<std::size_t>(months), 0.0);
    for (int m = 0; m < months; ++m) sum[static_cast<std::size_t>(m)] += series[static_cast<std::size_t>(m)];
  }
  for (const auto& [codes, series] : f.cla_started_by_placement) {
    const auto slash = codes.find('/');
    const auto placement = synth::model_placement_of(codes.substr(0, slash), codes.substr(slash + 1));
    ASSERT_TRUE(placement) << codes;
    auto& sum = by_placement[sim::index(*placement)];
    sum.resize(static_cast<std::size_t>(months), 0.0);
    for (int m = 0; m < months; ++m) sum[static_cast<std::size_t>(m)] += series[static_cast<std::size_t>(m)];
  }
  for (std::size_t s = 0; s < sim::kSources; ++s)
    for (int m = 0; m < months; ++m)
      EXPECT_EQ(by_source.count(s) ? by_source[s][static_cast<std::size_t>(m)] : 0.0,
                monthly.value(sim::Metric::kReferrals, s, m))
          << "referrals from source " << s << " month " << m;
  for (std::size_t p = 0; p < sim::kPlacements; ++p)
    for (int m = 0; m < months; ++m)
      EXPECT_EQ(by_placement.count(p) ? by_placement[p][static_cast<std::size_t>(m)] : 0.0,
                monthly.value(sim::Metric::kClaStarted, p, m))
          << "children starting care in placement " << p << " month " << m;

  // The workforce census at each 30 September against September's month-end figures.
  const engine::Calendar calendar(run.scenario.start_date);
  ASSERT_FALSE(run.history.csww_years.empty());
  for (std::size_t k = 0; k < run.history.csww_years.size(); ++k) {
    const int year = run.history.csww_years[k];
    const int september = calendar.month_index(calendar.day_of({year, 9, 1}));
    double in_post = 0, agency = 0, cases = 0;
    for (const auto& w : run.history.workers) {
      if (w.census_year != year || w.role_end) continue;
      in_post += 1;
      agency += w.agency ? 1 : 0;
      cases += w.cases_at_30_sept.value_or(0);
    }
    EXPECT_EQ(in_post, monthly.all(sim::Metric::kFteInPost, september)) << year;
    EXPECT_EQ(agency, monthly.all(sim::Metric::kFteAgency, september)) << year;
    EXPECT_EQ(run.history.vacancies[k].vacancies_fte, monthly.all(sim::Metric::kVacanciesFte, september)) << year;
    EXPECT_GT(cases, 0) << year;
  }
}

synth::SynthRun synth_of(const std::string& file, int years) {
  return synth::synthesize(scenario(file), years, std::nullopt);
}

TEST(SynthRoundTrip, BaselineFlowsAndStocksEqualTheReplication) { expect_round_trip(synth_of("baseline.yaml", 5)); }

TEST(SynthRoundTrip, VacanciesWhatIfFlowsAndStocksEqualTheReplication) { expect_round_trip(synth_of("vacancies.yaml", 3)); }

// The log only reads: the replication with it is the replication without it, to the bit.
TEST(SynthRoundTrip, TheLogChangesNothing) {
  const synth::SynthRun run = synth_of("baseline.yaml", 2);
  const engine::Calendar calendar(run.scenario.start_date, 5, run.scenario.horizon_months / 12 + 30);
  const sim::ReplicationResult plain = sim::run_replication(run.scenario, calendar, run.seed, 0);
  EXPECT_EQ(plain.fingerprint, run.replication.fingerprint);
  EXPECT_EQ(plain.events, run.replication.events);
  // Bit for bit: the ratios are NaN in months without a denominator, and NaN != NaN.
  ASSERT_EQ(plain.monthly.values.size(), run.replication.monthly.values.size());
  EXPECT_EQ(0, std::memcmp(plain.monthly.values.data(), run.replication.monthly.values.data(),
                           plain.monthly.values.size() * sizeof(double)));
}

TEST(SynthRoundTrip, SameSeedSameReturnsOtherSeedOthers) {
  const auto a = synth::synthesize(scenario("baseline.yaml"), 1, 11);
  const auto b = synth::synthesize(scenario("baseline.yaml"), 1, 11);
  const auto c = synth::synthesize(scenario("baseline.yaml"), 1, 12);
  ASSERT_EQ(a.history.children.size(), b.history.children.size());
  for (std::size_t i = 0; i < a.history.children.size(); ++i) {
    EXPECT_EQ(a.history.children[i].id, b.history.children[i].id);
    EXPECT_EQ(a.history.children[i].ethnicity, b.history.children[i].ethnicity);
    EXPECT_EQ(a.history.children[i].referrals.size(), b.history.children[i].referrals.size());
  }
  EXPECT_NE(a.replication.fingerprint, c.replication.fingerprint);
}

TEST(SynthRoundTrip, YearsBeyondTheHorizonAreAUserError) {
  const sim::Scenario s = scenario("baseline.yaml");
  EXPECT_THROW(synth::synthesize(s, s.horizon_months / 12 + 1, std::nullopt), io::UserError);
  EXPECT_THROW(synth::synthesize(s, 0, std::nullopt), io::UserError);
}

}  // namespace
}  // namespace caseflow
