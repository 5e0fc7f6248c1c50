// The warm start's CIN plan step-ups under way (InitialChild::step_up, calibrate's
// `cin_step_up` rows): an s47 enquiry on a child already in need. Each is an enquiry alone:
// it completes no assessment, and one that reaches no ICPC goes back to CIN (as
// Journey::step_up's do). The same children seeded as referrals' assessments with their
// enquiry open each complete an assessment. Counted from the journey's own log, for the 300
// seeded children only, on the baseline over six months (every enquiry's time left is far
// shorter: the counts are exact, not statistical).
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "sim/journey/child.h"
#include "sim/model.h"
#include "listening_log.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

struct SeededChildren : testing::ListeningLog {
  // Only the seeded stage counts: a child may later be referred again and assessed anew.
  std::set<std::uint64_t> seeded_serials, ended;
  long long assessments_completed = 0, back_to_cin = 0, to_cp = 0, enquiries_ended = 0;
  bool in_seeded_stage(const Child& c) const { return seeded_serials.count(c.serial) > 0 && ended.count(c.serial) == 0; }
  void seeded(const Child& c) override { seeded_serials.insert(c.serial); }
  void assessment_completed(const Child& c, double) override { assessments_completed += in_seeded_stage(c); }
  void stage_changed(const Child& c, Stage from, Stage to, double now) override {
    if (!in_seeded_stage(c) || from != Stage::kAssessment || now <= 0) return;
    ended.insert(c.serial);
    enquiries_ended += 1;
    back_to_cin += to == Stage::kCin;
    to_cp += to == Stage::kCp;
  }
};

constexpr int kChildren = 300;

SeededChildren run_with_enquiries(bool step_up) {
  Scenario s = testing::baseline_scenario(6);
  s.initial = InitialStock{};
  s.initial.assessments = kChildren;
  for (int i = 0; i < kChildren; ++i)
    s.initial.children.push_back({"C" + std::to_string(i + 1), Stage::kAssessment, 12, 9.5, -1, 0, 8, step_up});
  const engine::Calendar calendar(s.start_date, 5, s.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(s, calendar);
  SeededChildren log;
  (void)run_replication(s, calendar, demand, 20190401, 0, log);
  return log;
}

TEST(StepUpWarmStart, AnEnquiryAloneCompletesNoAssessmentAndGoesBackToCin) {
  const SeededChildren step_ups = run_with_enquiries(true);
  ASSERT_EQ(step_ups.seeded_serials.size(), static_cast<std::size_t>(kChildren));
  EXPECT_EQ(step_ups.assessments_completed, 0);
  EXPECT_EQ(step_ups.enquiries_ended, kChildren);  // every enquiry ends within the six months
  // Each ends at its ICPC (a CP plan, or onward as an assessment's outcome) or, without one,
  // back in CIN: about (1 - icpc share) of them, and none routed as a finished assessment.
  EXPECT_GT(step_ups.back_to_cin, kChildren / 3);
  EXPECT_GT(step_ups.to_cp, 0);

  const SeededChildren referrals = run_with_enquiries(false);
  std::printf("step-ups: %lld back to CIN, %lld to a CP plan; as referrals: %lld back to CIN, %lld assessments completed\n",
              step_ups.back_to_cin, step_ups.to_cp, referrals.back_to_cin, referrals.assessments_completed);
  EXPECT_EQ(referrals.assessments_completed, kChildren);
  EXPECT_EQ(referrals.enquiries_ended, kChildren);
  EXPECT_LT(referrals.back_to_cin, step_ups.back_to_cin);
}

}  // namespace
}  // namespace caseflow::sim
