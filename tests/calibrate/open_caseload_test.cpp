// The open caseload's s47 enquiries (calibrate/observations.cpp, open_child): an enquiry begun
// after a CIN plan of its referral ended, with no assessment open and no conference yet, is
// that plan's step-up under way and enters the warm start as one; an enquiry with its
// referral's assessment still open is the assessment's; one marked as needing no conference
// is over. Hand-written histories, so each rule is seen on its own.
#include <gtest/gtest.h>

#include <string>

#include "calibrate/observations.h"
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

}  // namespace
}  // namespace caseflow::calibrate
