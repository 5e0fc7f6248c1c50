// The plan's candidates are the scenario with a dated establishment, run by the one runner:
// setting the scenario's own establishment from a date mid-horizon (a new dated period)
// changes nothing, value for value, so every difference between candidates is the staffing's;
// more posts from that date change nothing before it. The recruitment date is the Monday on or
// before `from` less the lead time's 90th percentile.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/runner.h"
#include "sim/staffing_plan.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

std::vector<double> values_of(const Replications& r) {
  std::vector<double> all;
  for (const auto& m : r.monthly) {
    const std::vector<double> v = m.values();
    all.insert(all.end(), v.begin(), v.end());
  }
  return all;
}

bool same_values(const std::vector<double>& a, const std::vector<double>& b, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

TEST(StaffingPlan, TheScenariosOwnEstablishmentFromADateChangesNothing) {
  const Scenario base = testing::baseline_scenario(10);
  const std::vector<Team> teams = {Team::kAssessment, Team::kHelpProtection};
  const engine::CivilDate mid{2019, 9, 16};  // a Monday, as recruitment_start gives
  const Scenario same = with_establishment(base, teams, establishment_on(base, teams, mid), mid);
  ASSERT_EQ(same.epochs.size(), base.epochs.size() + 1);  // a new dated period, same values
  const RunOptions options{3, 7, 2};
  const auto a = values_of(simulate_replications(base, options));
  const auto b = values_of(simulate_replications(same, options));
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(same_values(a, b, 0, a.size()));
}

TEST(StaffingPlan, MorePostsFromADateChangeNothingBeforeIt) {
  const Scenario base = testing::baseline_scenario(8);
  const std::vector<Team> teams = {Team::kHelpProtection};
  const engine::CivilDate from{2019, 8, 5};  // a Monday in month index 4
  const Scenario more = with_establishment(base, teams, {90}, from);
  const RunOptions options{2, 7, 2};
  const Replications ra = simulate_replications(base, options), rb = simulate_replications(more, options);
  const std::size_t series = ra.layout->series(Metric::kFteInPost, index(Team::kHelpProtection));
  for (std::size_t rep = 0; rep < ra.count(); ++rep) {
    for (int m = 0; m < 4; ++m) EXPECT_EQ(ra.series(rep, series)[m], rb.series(rep, series)[m]) << rep << ' ' << m;
    EXPECT_GT(rb.series(rep, series)[7], ra.series(rep, series)[7]) << rep;  // and they do arrive
  }
}

TEST(StaffingPlan, RecruitmentStartsAtTheLeadTimesNinetiethPercentileBeforeFrom) {
  // The baseline's permanent lead time is lognormal with P90 150 days (scenarios/baseline.yaml).
  const Scenario base = testing::baseline_scenario(60);
  EXPECT_NEAR(permanent_lead_days(base, {2020, 4, 1}, 0.9), 150.0, 1e-6);
  // 150 days before 2020-04-01 is Sunday 2019-11-03: the Monday before it.
  EXPECT_EQ(recruitment_start(base, {2020, 4, 1}, 0.9), (engine::CivilDate{2019, 10, 28}));
  // The earliest `from`: the first month start 150 days after 2019-04-01 (2019-08-29).
  EXPECT_EQ(earliest_from(base, 0.9), (engine::CivilDate{2019, 9, 1}));
  EXPECT_EQ(month_of(base, {2020, 4, 1}), 12);
  EXPECT_EQ(month_of(base, {2024, 3, 31}), 59);
  EXPECT_EQ(month_of(base, {2024, 4, 1}), -1);
  EXPECT_EQ(month_of(base, {2019, 3, 31}), -1);
  EXPECT_EQ(horizon_end(base), (engine::CivilDate{2024, 3, 31}));
}

}  // namespace
}  // namespace caseflow::sim
