#include "sim/staffing_search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace caseflow::sim {

namespace {

class Search {
 public:
  Search(const StaffingEvaluator& evaluate, const StaffingSearchLimits& limits, StaffingSearchResult& result)
      : evaluate_(evaluate), limits_(limits), result_(result) {}

  bool meets(const Staffing& s) {
    auto it = cache_.find(s);
    if (it == cache_.end()) {
      it = cache_.emplace(s, evaluate_(s)).first;
      result_.evaluated.push_back({s, it->second});
    }
    return it->second.meets;
  }

  // The fewest posts team i needs with the others held, given that x meets the targets. The
  // first step down is an eighth of the team in the first round (the start may be far off)
  // and one post afterwards (a later round moves little, and a near start is near); steps
  // double until a level fails,
  // then bisection between the last failing and the last meeting level.
  void line_search(Staffing& x, std::size_t i, bool first_round) {
    int hi = x[i];
    int lo = limits_.min_posts - 1;  // below the floor: taken to fail, never simulated
    int step = first_round && !limits_.start_is_near ? std::max(1, hi / 8) : 1;
    while (hi > limits_.min_posts) {
      Staffing probe = x;
      probe[i] = std::max(limits_.min_posts, hi - step);
      if (!meets(probe)) {
        lo = probe[i];
        break;
      }
      hi = probe[i];
      step *= 2;
    }
    while (hi - lo > 1) {
      Staffing probe = x;
      probe[i] = lo + (hi - lo) / 2;
      (meets(probe) ? hi : lo) = probe[i];
    }
    x[i] = hi;
  }

 private:
  const StaffingEvaluator& evaluate_;
  const StaffingSearchLimits& limits_;
  StaffingSearchResult& result_;
  std::map<Staffing, StaffingEvaluation> cache_;
};

}  // namespace

StaffingSearchResult find_smallest_staffing(const Staffing& start, const StaffingEvaluator& evaluate,
                                            const StaffingSearchLimits& limits,
                                            const std::function<void(const Staffing&)>& on_answer) {
  if (start.empty()) throw std::invalid_argument("find_smallest_staffing: no teams to staff");
  StaffingSearchResult result;
  Search search(evaluate, limits, result);
  Staffing x = start;
  for (int& posts : x) posts = std::clamp(posts, limits.min_posts, limits.max_posts);

  // Upward until the targets are met: every team together, since which team binds is not known.
  for (int near_step = 1; !search.meets(x); near_step *= 2) {
    const bool at_ceiling = std::all_of(x.begin(), x.end(), [&](int p) { return p >= limits.max_posts; });
    if (at_ceiling) {
      result.answer = x;
      result.monotonicity = check_monotonicity(result.evaluated);
      return result;
    }
    for (int& posts : x)
      posts = std::min(limits.max_posts, limits.start_is_near
                                             ? posts + near_step
                                             : std::max(posts + 1, static_cast<int>(std::ceil(posts * 1.25))));
  }

  // Team by team, downward, until a round changes nothing.
  for (bool changed = true; changed && result.rounds < limits.max_rounds;) {
    changed = false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const int before = x[i];
      search.line_search(x, i, result.rounds == 0);
      changed = changed || x[i] != before;
    }
    ++result.rounds;
  }
  result.found = true;
  result.answer = x;
  if (on_answer) on_answer(x);
  if (limits.check_upper_neighbours)
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] < limits.max_posts) {
        Staffing up = x;
        up[i] += 1;
        search.meets(up);
      }
  result.monotonicity = check_monotonicity(result.evaluated);
  return result;
}

MonotonicityCheck check_monotonicity(const std::vector<EvaluatedStaffing>& evaluated) {
  MonotonicityCheck check;
  for (std::size_t a = 0; a < evaluated.size(); ++a)
    for (std::size_t b = 0; b < evaluated.size(); ++b) {
      if (a == b) continue;
      const Staffing& lower = evaluated[a].staffing;
      const Staffing& higher = evaluated[b].staffing;
      bool ordered = lower.size() == higher.size() && lower != higher;
      for (std::size_t i = 0; ordered && i < lower.size(); ++i) ordered = lower[i] <= higher[i];
      if (!ordered) continue;
      ++check.comparable_pairs;
      if (evaluated[b].evaluation.score < evaluated[a].evaluation.score) check.score_falls.emplace_back(a, b);
      if (evaluated[a].evaluation.meets && !evaluated[b].evaluation.meets) check.target_losses.emplace_back(a, b);
    }
  return check;
}

}  // namespace caseflow::sim
