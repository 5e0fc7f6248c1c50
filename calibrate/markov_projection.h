#pragma once
// The analytic cross-check (issue 12, point 5): a scenario's journey as a cohort projection
// (models/markov) with no capacity limits, giving the expected stock of every stage month by
// month and its expected starts and ends. It applies the rules of the simulation that move
// the expected stocks: the front door's shares, referral routing (NFA, strategy discussion,
// s47, ICPC, CP plan), assessment outcomes, every stage's duration and outcomes from the
// stage table, step-ups from CIN, returns of closed cases after their delay, repeat harm for
// children with a past CP plan, care exits by route and leaving care at 18 (age at referral
// from referral_age, the care stock's from initial_stock.cla_age), care leavers supported to
// 21 or 25, UASC, the warm start's initial stocks, and dated changes of demand and of shares.
// docs/calibration.md ("The Markov cross-check") lists what it approximates and why.
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "models/markov/cohort_projection.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct MarkovProjection {
  std::vector<std::string> stages;  // the stage table's names, in its order
  std::vector<std::string> months;  // YYYY-MM of each month
  // Stage (rows) x month (columns): the expected stock at the month's end, and the expected
  // entries into and exits from the stage within the month.
  Eigen::MatrixXd stock, starts, ends;
  // What the projection does not carry for this scenario (dated changes of durations or ages,
  // shocks that hold entries or returns back), one line each; empty when none applies.
  std::vector<std::string> not_carried;
};

// The compartment network and inflows for a scenario, without running it (for tests and
// timing): days are the steps, day 0 the scenario's start date.
struct MarkovModel {
  models::markov::Network network;
  std::vector<models::markov::Inflow> inflows;
  std::vector<int> month_starts;  // the day each month starts
  std::vector<std::string> month_labels;  // YYYY-MM
  int days = 0;
  std::vector<std::string> not_carried;
};

// Throws std::invalid_argument for a stage table with stages added to the standard one (the
// projection knows the standard journey's special rules only).
MarkovModel build_markov_model(const sim::Scenario& scenario);
MarkovProjection project_markov(const sim::Scenario& scenario);

}  // namespace caseflow::calibrate
