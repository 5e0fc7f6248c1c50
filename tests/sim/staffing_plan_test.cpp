// The plan's candidates are the scenario with a dated establishment, run by the one runner:
// setting the scenario's own establishment from a date mid-horizon (a new dated period)
// changes nothing, value for value, so every difference between candidates is the staffing's;
// more posts from that date change nothing before it. The recruitment date is the Monday on or
// before `from` less the lead time's 90th percentile.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <iostream>

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

// A one-team plan on a year of the baseline, assessment caseloads at most 18 from October 2019
// in 80% of 40 replications (seed 7): small enough for a unit test, and on one team a line
// search's answer (meets, one post fewer fails) is unique when more posts never hurt, which
// the unscreened plan's own monotonicity check confirms first.
PlanRequest small_request() {
  PlanRequest request;
  request.targets = {*parse_staffing_target("caseload_per_fte<=18").target};
  request.teams = {Team::kAssessment};
  request.from = {2019, 10, 1};
  return request;
}

TEST(StaffingPlan, ScreeningOnAQuarterEndsAtTheSameAnswerWithFewerFullSimulations) {
  const Scenario base = testing::baseline_scenario(12);
  const RunOptions options{40, 7, 2};
  const StaffingPlan full = plan_staffing(base, small_request(), options);
  ASSERT_TRUE(full.search.found);
  ASSERT_TRUE(full.search.monotonicity.holds());
  PlanRequest screened_request = small_request();
  screened_request.screening_replications = 10;
  const StaffingPlan screened = plan_staffing(base, screened_request, options);
  ASSERT_TRUE(screened.search.found);
  EXPECT_FALSE(screened.screening.evaluated.empty());
  EXPECT_EQ(screened.search.answer, full.search.answer);
  EXPECT_LT(screened.search.evaluated.size(), full.search.evaluated.size());
  // The answer was simulated on every replication and met the targets there.
  EXPECT_EQ(screened.planned_runs.count(), 40u);
  EXPECT_TRUE(screened.standing.meets);
  EXPECT_DOUBLE_EQ(screened.standing.score, full.standing.score);
  std::cout << "answer " << full.search.answer[0] << ": " << full.search.evaluated.size()
            << " full simulations unscreened; " << screened.screening.evaluated.size() << " screened on 10 and "
            << screened.search.evaluated.size() << " on 40\n";
}

// With parameter draws every staffing is simulated over them: one draw that is the scenario
// itself plans exactly as without draws, and draws with more demand need more posts.
TEST(StaffingPlan, OverParameterDrawsEachStaffingIsSimulatedOnEveryDraw) {
  const Scenario base = testing::baseline_scenario(12);
  const RunOptions options{20, 7, 2};
  const StaffingPlan plain = plan_staffing(base, small_request(), options);
  const StaffingPlan one_draw = plan_staffing(base, {base}, small_request(), options);
  ASSERT_TRUE(plain.search.found && one_draw.search.found);
  EXPECT_EQ(one_draw.search.answer, plain.search.answer);
  EXPECT_EQ(one_draw.search.evaluated.size(), plain.search.evaluated.size());
  EXPECT_EQ(one_draw.planned_runs.events, plain.planned_runs.events);
  EXPECT_EQ(one_draw.scenario_runs.events, plain.scenario_runs.events);

  Scenario busier = base;
  for (auto& epoch : busier.epochs)
    for (double& per_month : epoch.parameters.demand.contacts_per_month) per_month *= 1.4;
  const StaffingPlan drawn = plan_staffing(base, {base, busier}, small_request(), options);
  ASSERT_TRUE(drawn.search.found);
  // Half the replications carry 40% more contacts: the 80%-of-replications answer must staff
  // for them (measured: more posts than the plain plan's).
  EXPECT_GT(drawn.search.answer[0], plain.search.answer[0]);
  EXPECT_EQ(drawn.planned.name, plain.planned.name) << "the planned scenario is the scenario's own";
}

// When no staffing meets the targets, the answer is the ceiling the search tried last: its
// replications are the ones the search ran, not simulated again for the standing.
TEST(StaffingPlan, TargetsNoStaffingMeetsSimulateTheCeilingOnce) {
  const Scenario base = testing::baseline_scenario(3);
  PlanRequest request = small_request();
  request.targets = {*parse_staffing_target("assessments_within_45wd_pct>=99").target};  // out of reach (tests/app/plan_command_test.cpp)
  request.from = {2019, 4, 1};
  const RunOptions options{2, 7, 2};
  std::atomic<int> simulated{0};
  const StaffingPlan plan = plan_staffing(base, request, options, {}, [&] { ++simulated; });
  ASSERT_FALSE(plan.search.found);
  EXPECT_EQ(simulated.load(), static_cast<int>(plan.search.evaluated.size() * options.replications));
  EXPECT_FALSE(plan.standing.meets);
  EXPECT_EQ(plan.planned_runs.count(), 2u);
}

TEST(StaffingPlan, AnAgencyCeilingCutToFivePercentNeedsMorePosts) {
  // With agency staff covering fewer vacancies, permanent posts must do more of the work: the
  // same plan under a 5% ceiling from the start needs more assessment posts than under the
  // baseline's 30%, and its costs are still against the scenario as it is.
  const Scenario base = testing::baseline_scenario(12);
  const RunOptions options{40, 7, 2};
  const StaffingPlan as_is = plan_staffing(base, small_request(), options);
  PlanRequest capped = small_request();
  capped.agency_share_path = *parse_agency_share_path("2019-04-01:5").path;
  const StaffingPlan cut = plan_staffing(base, capped, options);
  ASSERT_TRUE(as_is.search.found && cut.search.found);
  EXPECT_GT(cut.search.answer[0], as_is.search.answer[0]);
  EXPECT_DOUBLE_EQ(cut.planned.epochs.front().parameters.workforce.agency_target_share, 0.05);
  EXPECT_DOUBLE_EQ(cut.scenario_posts[0], as_is.scenario_posts[0]);
  const std::size_t agency = cut.planned_runs.layout->series(Metric::kFteAgency, index(Team::kAssessment));
  double agency_as_is = 0, agency_cut = 0;
  for (std::size_t rep = 0; rep < 40; ++rep) {
    agency_as_is += as_is.scenario_runs.series(rep, agency)[11];
    agency_cut += cut.planned_runs.series(rep, agency)[11];
  }
  EXPECT_LT(agency_cut, agency_as_is);
  const auto scenario_cut = values_of(cut.scenario_runs), scenario_as_is = values_of(as_is.scenario_runs);
  ASSERT_EQ(scenario_cut.size(), scenario_as_is.size());
  EXPECT_TRUE(same_values(scenario_cut, scenario_as_is, 0, scenario_cut.size()));  // the scenario as it is, both times
  std::cout << "assessment posts: " << as_is.search.answer[0] << " under 30%, " << cut.search.answer[0]
            << " under 5%\n";
}

}  // namespace
}  // namespace caseflow::sim
