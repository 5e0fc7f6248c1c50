// The open caseload's s47 enquiries (calibrate/observations.cpp, open_child): an enquiry begun
// after a CIN plan of its referral ended, with no assessment open and no conference yet, is
// that plan's step-up under way and enters the warm start as one; an enquiry with its
// referral's assessment still open is the assessment's; one marked as needing no conference
// is over. Hand-written histories, so each rule is seen on its own.
#include <gtest/gtest.h>

#include <string>

#include "calibrate/calibration.h"
#include "calibrate/observations.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "sim/engine/civil_date.h"

namespace caseflow::calibrate {
namespace {

returns::Day day(int y, int m, int d) { return engine::days_from_civil({y, m, d}); }

// A child referred on 2 January 2024 (open at the as-of date, 31 March 2024), assessed to 20
// January, on a CIN plan from 25 January to 20 March, with an s47 enquiry from 22 March.
returns::ChildHistory stepped_up(const std::string& id) {
  returns::ChildHistory c;
  c.id = id;
  c.birth = day(2015, 6, 1);
  returns::Referral r;
  r.date = day(2024, 1, 2);
  r.source = "1A";
  r.assessments.push_back({day(2024, 1, 2), day(2024, 1, 20), {}});
  r.cin_plans.push_back({day(2024, 1, 25), day(2024, 3, 20)});
  r.section47s.push_back({day(2024, 3, 22), day(2024, 4, 12), std::nullopt, false});
  c.referrals.push_back(r);
  return c;
}

const sim::InitialChild* row_of_the_only_child(const Observations& o) {
  return o.open_children.size() == 1 ? &o.open_children.front() : nullptr;
}

Observations observe_one(const returns::ChildHistory& c) {
  returns::History h;
  h.children.push_back(c);
  return observe(h, day(2021, 4, 1), day(2024, 3, 31));
}

TEST(OpenCaseload, AnEnquiryAfterACinPlanEndedIsItsStepUpUnderWay) {
  const Observations o = observe_one(stepped_up("1"));
  const sim::InitialChild* row = row_of_the_only_child(o);
  ASSERT_NE(row, nullptr) << o.open_children.size() << " children open";
  EXPECT_EQ(row->stage, sim::Stage::kAssessment);
  EXPECT_TRUE(row->step_up);
  EXPECT_DOUBLE_EQ(row->days_in_stage, 11);  // from the plan's end, 20 March
  EXPECT_DOUBLE_EQ(row->s47_days, 9);        // from the enquiry's start, 22 March
}

TEST(OpenCaseload, AnEnquiryMarkedAsNeedingNoConferenceIsOver) {
  returns::ChildHistory c = stepped_up("1");
  c.referrals[0].section47s[0].icpc_not_required = true;
  const Observations o = observe_one(c);
  for (const auto& row : o.open_children) {
    EXPECT_FALSE(row.step_up);
    EXPECT_LT(row.s47_days, 0);
  }
}

TEST(OpenCaseload, AnEnquiryWhoseConferenceWasHeldIsOver) {
  returns::ChildHistory c = stepped_up("1");
  c.referrals[0].section47s[0].icpc = day(2024, 3, 28);
  const Observations o = observe_one(c);
  for (const auto& row : o.open_children) EXPECT_FALSE(row.step_up);
}

TEST(OpenCaseload, AnEnquiryWithTheReferralsAssessmentOpenIsTheAssessments) {
  returns::ChildHistory c = stepped_up("1");
  c.referrals[0].assessments[0].authorised.reset();  // still assessing
  c.referrals[0].cin_plans.clear();
  const Observations o = observe_one(c);
  const sim::InitialChild* row = row_of_the_only_child(o);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->stage, sim::Stage::kAssessment);
  EXPECT_FALSE(row->step_up);
  EXPECT_DOUBLE_EQ(row->days_in_stage, day(2024, 3, 31) - day(2024, 1, 2));
  EXPECT_DOUBLE_EQ(row->s47_days, 9);
}

// A young person born 1 May 2004, in care from `from` to their 18th birthday (1 May 2022),
// with an OC3 record for the collection year to March 2024 when `in_touch` is given.
returns::ChildHistory left_care_at_18(const std::string& id, returns::Day from, const char* in_touch) {
  returns::ChildHistory c;
  c.id = id;
  c.birth = day(2004, 5, 1);
  returns::CareEpisode e;
  e.start = from;
  e.end = day(2022, 5, 1);
  e.reason_new = "S";
  e.legal_status = "C2";
  e.placement = "U1";
  e.reason_ceased = "E11";
  c.episodes.push_back(e);
  if (in_touch) c.care_leaver.push_back({2024, in_touch, "F1", "U"});
  return c;
}

Observations observe_all(std::vector<returns::ChildHistory> children) {
  returns::History h;
  h.children = std::move(children);
  return observe(h, day(2021, 4, 1), day(2024, 3, 31));
}

long long care_leavers_open(const Observations& o) {
  long long n = 0;
  for (const auto& row : o.open_children) n += row.stage == sim::Stage::kCareLeaver;
  return n;
}

TEST(OpenCaseload, ReturnsWithOc3CountOnlyTheYoungPeopleTheirOc3Supports) {
  // Three left care at 18 after years in care: one the OC3 shows in touch, one no longer
  // needing services, one with no OC3 record at all, whom returns that carry OC3 do not show
  // as a care leaver (in synth's, a child the model did not make one). Only the first is open.
  const Observations o = observe_all({left_care_at_18("1", day(2019, 6, 1), "YES"), left_care_at_18("2", day(2019, 6, 1), "NREQ"),
                                      left_care_at_18("3", day(2019, 6, 1), nullptr)});
  EXPECT_EQ(care_leavers_open(o), 1);
  EXPECT_EQ(o.care_leavers_started, 2);  // both with an OC3 record became care leavers
}

TEST(OpenCaseload, ReturnsWithNoOc3CountThoseUnder21After13WeeksInCare) {
  // No OC3 anywhere in the returns: the rule is the model's, under 21 after 13 weeks in care.
  const Observations o =
      observe_all({left_care_at_18("1", day(2019, 6, 1), nullptr), left_care_at_18("2", day(2022, 4, 10), nullptr)});
  EXPECT_EQ(care_leavers_open(o), 1);
  EXPECT_EQ(o.care_leavers_started, 1);
}

TEST(OpenCaseload, TheDemoCouncilStartsWithTheCareLeaversItsReplicationHeld) {
  // The baseline's five years of returns (seed 20190401) as of 31 March 2024. The replication
  // held 230 care leavers. The OC3 follows them to the year of their 21st birthday, so those
  // supported to 25 and older than that are not in the returns, and are added by the window's
  // care leavers a year x the share supported to 25 x the three years the returns do not reach.
  // Measured: 241 (+4.8%; 195 listed from the returns, 46 added); over eight other seeds -0.8%
  // to +5.3%, +2.3% on average (docs/calibration.md, "The open caseload"). 8% is about twice
  // the added count's own error (its care leavers a year are three years' count, about 180,
  // so 7.5% of 46 is 3.5) plus the listed ones' at the margins. Before, counting everyone
  // without an OC3 record to 21 gave +4% on average from the wrong young people (and +6.6% in
  // the stock five years on), and without the added ones -16%.
  const std::string baseline = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";
  const sim::Scenario defaults = io::load_scenario(baseline);
  const synth::SynthRun run = synth::synthesize(defaults, 5, std::nullopt);
  CalibrationRequest request{"synthetic", day(2024, 3, 31), 3, baseline, "council.children.csv"};
  request.at_normal_pace = false;  // the open caseload does not depend on it
  const Calibration c = calibrate_council(run.history, defaults, request);
  long long listed = 0;
  for (const auto& row : c.estimates.open_children) listed += row.stage == sim::Stage::kCareLeaver;
  const double held = run.replication.monthly.all(sim::Metric::kCareLeaversOpen, run.replication.monthly.months - 1);
  EXPECT_NEAR(static_cast<double>(listed), held, 0.08 * held);
}

}  // namespace
}  // namespace caseflow::calibrate
