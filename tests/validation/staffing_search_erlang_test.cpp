// The staffing search (sim/staffing_search.h) on a case with a known answer: two M/M/c queues
// on the engine, each a "team" whose servers are its posts, and a bound on each queue's
// probability of waiting. Erlang C gives the smallest c meeting each bound; the search, fed
// only simulated estimates, must find exactly those two numbers.
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "sim/engine/erlang.h"
#include "sim/engine/queueing_model.h"
#include "sim/engine/runner.h"
#include "sim/engine/statistics.h"
#include "sim/staffing_search.h"

namespace caseflow {
namespace {

struct Queue {
  double lambda, mu, bound;
  std::uint64_t seed;
};

// The smallest c with P(wait) <= bound, from the closed form.
std::uint32_t erlang_answer(const Queue& q) {
  std::uint32_t c = 1;
  while (q.lambda >= c * q.mu || engine::erlang_c(q.lambda, q.mu, c).probability_of_waiting > q.bound) ++c;
  return c;
}

// The share of arrivals who waited, over 16 replications with the queue's seed: the same
// replications for every c (common random numbers: sim/engine/queueing_model.h).
engine::RunningStats simulated_wait_share(const Queue& q, int servers) {
  const double warmup = 200.0 / q.mu;
  const engine::QueueingModelConfig config{q.lambda, q.mu, static_cast<std::uint32_t>(servers), warmup,
                                           warmup + 20'000.0 / q.lambda};
  const auto results = engine::run_replications<engine::QueueingModelResult>(
      16, 2, [&](std::uint32_t rep) { return engine::run_queueing_model(config, q.seed, rep); });
  engine::RunningStats share;
  for (const auto& r : results) share.add(static_cast<double>(r.waited) / static_cast<double>(r.arrivals));
  return share;
}

// Bounds halfway between neighbouring Erlang C values: queue A (a = 8 Erlangs) needs 12
// servers (P(wait) 0.245 at 11, 0.140 at 12, bound 0.18); queue B (a = 6) needs 10 (0.196 at 9,
// 0.101 at 10, bound 0.15). The margins, 0.04 or more, are over ten standard errors of the
// 16-replication estimate (checked below, so the test can tell a wrong answer from noise);
// the seeds are fixed so the outcome repeats.
TEST(StaffingSearchValidation, FindsTheErlangCServersOfTwoQueues) {
  const Queue a{8.0, 1.0, 0.18, 41}, b{3.0, 0.5, 0.15, 42};
  ASSERT_EQ(erlang_answer(a), 12u);
  ASSERT_EQ(erlang_answer(b), 10u);
  std::map<std::pair<int, int>, double> standard_error;  // by (queue, servers)
  const sim::StaffingEvaluator evaluate = [&](const sim::Staffing& servers) {
    const engine::RunningStats wa = simulated_wait_share(a, servers[0]);
    const engine::RunningStats wb = simulated_wait_share(b, servers[1]);
    standard_error[{0, servers[0]}] = wa.standard_error();
    standard_error[{1, servers[1]}] = wb.standard_error();
    const double score = std::min(a.bound - wa.mean(), b.bound - wb.mean());
    return sim::StaffingEvaluation{score >= 0, score, ""};
  };
  const sim::StaffingSearchResult r = sim::find_smallest_staffing({20, 20}, evaluate);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.answer, (sim::Staffing{12, 10}));
  EXPECT_TRUE(r.monotonicity.holds());
  // At each answer and one server fewer (both simulated, or the search could not have stopped
  // there) the estimate's standard error is a tenth of the smallest margin.
  for (const auto& key : {std::pair{0, 11}, std::pair{0, 12}, std::pair{1, 9}, std::pair{1, 10}}) {
    ASSERT_TRUE(standard_error.count(key)) << key.first << ' ' << key.second;
    EXPECT_LT(standard_error[key], 0.004) << key.first << ' ' << key.second;
  }
}

}  // namespace
}  // namespace caseflow
