#pragma once
// The journey's structure as data: for each stage, the team that carries it, its case
// weight and allocation priority, the flows it counts, its draw slots, whether statutory
// visits are due, and its outcomes: where the child goes next and by which scenario share.
// The duration and the outcome shares themselves are scenario parameters (Parameters::routes,
// read from the stage's `section` of the scenario), so they can change over time and be
// estimated from a council's returns. The journey routes every stage with outcomes the same
// way: one draw picks an outcome, and the child enters the next stage or leaves.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/keys.h"
#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim/stage.h"

namespace caseflow::sim {

// Where an outcome leads.
enum class Route : std::uint8_t {
  kEnter,         // the next stage
  kClose,         // the case closes; the child may come back (returns.after_closure_prob)
  kCloseForGood,  // the case closes with a permanent order; the child does not come back
  kStepUp,        // a strategy discussion and s47 on the open case (special: the s47 path)
};

struct OutcomeSpec {
  std::string name{};  // its key in the scenario's `outcomes:` shares
  Route route = Route::kClose;
  Stage next = Stage::kNone;  // for Route::kEnter
  // An assessment's finding that the child is not in need (DfE: RC8). Every other outcome
  // of an assessment finds the child in need and starts a CIN episode (sim/metrics.h).
  bool not_in_need = false;
};

struct StageSpec {
  Stage id = Stage::kNone;
  std::string name{};     // its label in stage-grouped outputs
  std::string section{};  // scenario section with `duration` and `outcomes` (empty: none)
  // One line each, for the scenario's reference page: the section, its duration, its outcomes.
  std::string meaning{}, duration_meaning{}, outcomes_meaning{};
  Team team = Team::kFrontDoor;
  double WorkforceParams::* case_weight = nullptr;  // from workforce.case_weights
  std::uint8_t priority = 2;                          // lower is allocated first
  std::optional<Metric> started{}, ended{};             // flows counted on entry and on ending
  bool open_case = true;         // counted in open_cases
  bool statutory_visits = false; // its children are visited (CP, CLA)
  keys::ChildSlot duration_slot = keys::kSlotsPerVisit, outcome_slot = keys::kSlotsPerVisit;  // kSlotsPerVisit: none
  std::vector<OutcomeSpec> outcomes{};  // empty: the stage ends by its own rule (care, care leavers)
};

class StageTable {
 public:
  using Specs = std::vector<StageSpec>;
  explicit StageTable(Specs specs) : specs_(std::move(specs)) {}
  // The standard journey: assessment, CIN, CP, PLO pre-proceedings, proceedings, care, care
  // leavers (stage ids as in sim/stage.h).
  static std::shared_ptr<const StageTable> standard();

  // A stage after the standard ones; returns its id. Its outcomes may lead to any stage,
  // and other stages' outcomes may be added to lead to it (outcomes_of).
  Stage add(StageSpec spec);
  std::vector<OutcomeSpec>& outcomes_of(Stage s) { return specs_[stage_index(s)].outcomes; }

  const StageSpec& operator[](Stage s) const { return specs_[stage_index(s)]; }
  std::size_t size() const { return specs_.size(); }  // stage ids, kNone included
  const Specs& specs() const { return specs_; }
  // Stage-grouped output labels: every stage but kNone, in id order.
  std::vector<std::string> group_labels() const;

  // Throws std::invalid_argument naming the stage when the table cannot be run: an added
  // stage without outcomes (nothing would end it), an outcome leading nowhere or into a
  // stage that only its own rule enters (assessment, care leavers), a missing team weight
  // or draw slot; or when `params` has no route for a stage with outcomes, or shares that do
  // not match the outcomes.
  void validate(const Parameters& params) const;

 private:
  Specs specs_;  // by stage id; [0] is kNone
};

}  // namespace caseflow::sim
