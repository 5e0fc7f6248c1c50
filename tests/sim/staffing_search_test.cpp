// The coordinate search on staffings with known answers: separate needs per team, a trade-off
// between teams (a staffing no team can lose a post from), targets no staffing meets, each
// staffing simulated once, and the monotonicity check finding a contradiction planted in it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "sim/staffing_search.h"

namespace caseflow::sim {
namespace {

TEST(StaffingSearch, FindsEachTeamsOwnNeedFromAboveAndBelow) {
  // Team 0 needs 7 posts and team 1 needs 12, whatever the other has.
  int calls = 0;
  const StaffingEvaluator need = [&](const Staffing& s) {
    ++calls;
    const double score = std::min(s[0] - 7, s[1] - 12);
    return StaffingEvaluation{score >= 0, score, ""};
  };
  for (const Staffing& start : {Staffing{3, 40}, Staffing{100, 1}, Staffing{7, 12}}) {
    calls = 0;
    const StaffingSearchResult r = find_smallest_staffing(start, need);
    ASSERT_TRUE(r.found);
    EXPECT_EQ(r.answer, (Staffing{7, 12}));
    EXPECT_EQ(static_cast<std::size_t>(calls), r.evaluated.size());  // never the same staffing twice
    EXPECT_TRUE(r.monotonicity.holds());
    EXPECT_TRUE(r.monotonicity.score_falls.empty());
    EXPECT_GT(r.monotonicity.comparable_pairs, 0u);
    // The upper neighbours were simulated too.
    for (const Staffing& up : {Staffing{8, 12}, Staffing{7, 13}})
      EXPECT_TRUE(std::any_of(r.evaluated.begin(), r.evaluated.end(), [&](const auto& e) { return e.staffing == up; }));
  }
}

TEST(StaffingSearch, TradeOffEndsWhereNoTeamCanLoseAPost) {
  // 30 posts between the teams, at least 5 each: many minimal staffings; the search must stop
  // at one of them, a staffing that meets where each team with one post fewer does not.
  const StaffingEvaluator shared = [](const Staffing& s) {
    const double score = std::min<double>(s[0] + s[1] - 30, std::min(s[0], s[1]) - 5);
    return StaffingEvaluation{score >= 0, score, ""};
  };
  const StaffingSearchResult r = find_smallest_staffing({40, 40}, shared);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.answer[0] + r.answer[1], 30);
  EXPECT_GE(std::min(r.answer[0], r.answer[1]), 5);
  EXPECT_LE(r.rounds, 3);
}

TEST(StaffingSearch, ReportsTargetsNoStaffingMeets) {
  const StaffingEvaluator never = [](const Staffing& s) { return StaffingEvaluation{false, -1.0 / s[0], ""}; };
  StaffingSearchLimits limits;
  limits.max_posts = 50;
  const StaffingSearchResult r = find_smallest_staffing({10, 10}, never, limits);
  EXPECT_FALSE(r.found);
  EXPECT_EQ(r.answer, (Staffing{50, 50}));
}

TEST(StaffingSearch, ANearStartCostsFewEvaluationsAndAWrongOneIsStillCorrected) {
  // Team 0 needs 7 posts and team 1 needs 12 (as above). From a start at the answer, a near
  // search checks the answer, each team one post lower (fails) and one higher: 5 staffings,
  // against more from the same start with the usual first steps (an eighth of the team).
  const StaffingEvaluator need = [](const Staffing& s) {
    const double score = std::min(s[0] - 7, s[1] - 12);
    return StaffingEvaluation{score >= 0, score, ""};
  };
  StaffingSearchLimits near;
  near.start_is_near = true;
  const StaffingSearchResult at_answer = find_smallest_staffing({7, 12}, need, near);
  ASSERT_TRUE(at_answer.found);
  EXPECT_EQ(at_answer.answer, (Staffing{7, 12}));
  EXPECT_EQ(at_answer.evaluated.size(), 5u);
  // A start that was wrong either way still ends at the answer: below it, raised by 1, 2, 4...
  // posts per team, then stepped down; above it, stepped down one post, doubling.
  for (const Staffing& start : {Staffing{3, 4}, Staffing{9, 30}}) {
    const StaffingSearchResult r = find_smallest_staffing(start, need, near);
    ASSERT_TRUE(r.found);
    EXPECT_EQ(r.answer, (Staffing{7, 12}));
    EXPECT_TRUE(r.monotonicity.holds());
  }
}

TEST(StaffingSearch, MonotonicityCheckFindsAPlantedContradiction) {
  // 6 posts meet and 7 do not: a larger staffing failing where a smaller one met.
  const std::vector<EvaluatedStaffing> evaluated = {
      {{5, 10}, {false, 0.5, ""}}, {{6, 10}, {true, 0.9, ""}}, {{7, 10}, {false, 0.7, ""}}, {{6, 3}, {false, 0.1, ""}}};
  const MonotonicityCheck check = check_monotonicity(evaluated);
  EXPECT_FALSE(check.holds());
  ASSERT_EQ(check.target_losses.size(), 1u);
  EXPECT_EQ(check.target_losses[0], (std::pair<std::size_t, std::size_t>{1, 2}));
  // (6,3) <= (6,10), (7,10); (5,10) <= (6,10), (7,10); (6,10) <= (7,10): 5 pairs.
  EXPECT_EQ(check.comparable_pairs, 5u);
  EXPECT_EQ(check.score_falls.size(), 1u);  // 0.9 then 0.7
}

}  // namespace
}  // namespace caseflow::sim
