#pragma once
// The smallest staffing that meets targets: a coordinate search over whole posts per team.
//
// How teams interact. Each team's posts are searched in turn with the other teams held where
// they are (a bracket downward from the current level, then bisection), and the rounds repeat
// until a whole round changes no team. Why it converges: the search starts from a staffing
// that meets the targets and only ever moves to another staffing that was simulated and meets
// them with one team lower by at least one post; posts are whole numbers bounded below, so
// there are finitely many moves, and it stops after a round without one. What it stops at is
// a staffing no single team can lose a post from (every team's level minus one was simulated
// and fails), and it is the smallest such staffing on each team's line if the targets hold
// monotonely (more posts in a team never break a target). With common random numbers that is
// so in practice, not by construction: `check_monotonicity` looks for pairs of simulated
// staffings that contradict it instead of assuming it.
//
// The search knows nothing of social care: the evaluator says whether a staffing meets the
// targets, so the same code finds the servers an M/M/c queue needs (tests/validation).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace caseflow::sim {

using Staffing = std::vector<int>;  // posts per planned team, in the order the teams were named

struct StaffingEvaluation {
  bool meets = false;
  // How well the targets hold (higher is better); expected not to fall when any team gains
  // posts. For a plan: the smallest share of replications meeting a target in any month.
  double score = 0.0;
  std::string weakest;  // what the score is of, in words (for the record; the search ignores it)
};

struct EvaluatedStaffing {
  Staffing staffing;
  StaffingEvaluation evaluation;
};

// Pairs (lower, higher) of evaluated staffings, by index into the evaluated list, where
// `higher` has at least as many posts in every team (and more in one) yet fares worse.
struct MonotonicityCheck {
  std::size_t comparable_pairs = 0;
  std::vector<std::pair<std::size_t, std::size_t>> score_falls;   // score(higher) < score(lower)
  std::vector<std::pair<std::size_t, std::size_t>> target_losses;  // lower meets, higher does not
  bool holds() const { return target_losses.empty(); }
};

struct StaffingSearchLimits {
  int min_posts = 1;
  int max_posts = 2000;
  int max_rounds = 20;
  // Also simulate the answer with one more post in each team: if monotonicity fails there,
  // buying one post more than the answer would break a target (reported, not hidden).
  bool check_upper_neighbours = true;
  // The start is believed within a few posts of the answer (a screening search's answer, on
  // fewer replications): steps start at one post, down in the first round and up, doubling,
  // when the start fails, instead of an eighth and a quarter of the team, so a start that is
  // right costs only its own check and its neighbours'.
  bool start_is_near = false;
};

struct StaffingSearchResult {
  bool found = false;  // false: even the largest staffing tried does not meet the targets
  Staffing answer;     // found: the staffing the search stopped at (simulated, meets); else the largest tried
  int rounds = 0;
  std::vector<EvaluatedStaffing> evaluated;  // every staffing simulated, in order
  MonotonicityCheck monotonicity;
};

using StaffingEvaluator = std::function<StaffingEvaluation(const Staffing&)>;

// Starts at `start`; if it fails, raises every team by a quarter (at least one post) until the
// targets are met or every team is at max_posts: a quarter, as a plan is usually asked of a
// service short by less than that, and each step costs a simulation (by 1, 2, 4... posts when
// limits.start_is_near). Each staffing is evaluated once.
// `on_answer` (optional) is called with the answer when the rounds settle, before the upper
// neighbours are evaluated: the last staffing evaluated before it that met the targets.
StaffingSearchResult find_smallest_staffing(const Staffing& start, const StaffingEvaluator& evaluate,
                                            const StaffingSearchLimits& limits = {},
                                            const std::function<void(const Staffing&)>& on_answer = {});

// Every pair of evaluated staffings ordered team by team, checked for contradictions.
MonotonicityCheck check_monotonicity(const std::vector<EvaluatedStaffing>& evaluated);

}  // namespace caseflow::sim
