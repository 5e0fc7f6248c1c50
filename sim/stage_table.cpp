#include "sim/stage_table.h"

#include <cmath>
#include <stdexcept>

namespace caseflow::sim {

namespace {

StageTable::Specs standard_specs() {
  using namespace keys;
  using W = WorkforceParams;
  using R = Route;
  StageTable::Specs s(kStandardStages);
  s[0] = {.id = Stage::kNone, .name = "none", .open_case = false};
  // Assessment ends by its own rule (the s47 path, or the work at the worker's pace); its
  // outcomes apply when it ends without a CP plan.
  s[1] = {.id = Stage::kAssessment, .name = "assessment", .section = "assessment",
          .meaning = "the single assessment", .duration_meaning = "work an assessment takes at a normal pace",
          .outcomes_meaning = "what completed assessments lead to", .team = Team::kAssessment,
          .case_weight = &W::weight_assessment, .priority = 2, .duration_slot = kAssessDuration,
          .outcome_slot = kAssessOutcome,
          .outcomes = {{"nfa", R::kClose, Stage::kNone, true}, {"early_help", R::kClose}, {"cin_plan", R::kEnter, Stage::kCin},
                       {"care", R::kEnter, Stage::kCla}, {"proceedings", R::kEnter, Stage::kProceedings}}};
  s[2] = {.id = Stage::kCin, .name = "cin", .section = "cin_plan", .meaning = "child in need plans",
          .duration_meaning = "length of a CIN plan", .outcomes_meaning = "how CIN plans end", .team = Team::kHelpProtection,
          .case_weight = &W::weight_cin, .priority = 2, .started = Metric::kCinPlansStarted,
          .ended = Metric::kCinPlansEnded, .duration_slot = kCinDuration, .outcome_slot = kCinOutcome,
          .outcomes = {{"close", R::kClose}, {"step_down", R::kClose}, {"step_up_cp", R::kStepUp},
                       {"care", R::kEnter, Stage::kCla}, {"pre_proceedings", R::kEnter, Stage::kPreProceedings}}};
  s[3] = {.id = Stage::kCp, .name = "cp", .section = "cp_plan", .meaning = "child protection plans",
          .duration_meaning = "length of a CP plan", .outcomes_meaning = "how CP plans end", .team = Team::kHelpProtection,
          .case_weight = &W::weight_cp, .priority = 0, .started = Metric::kCpPlansStarted,
          .ended = Metric::kCpPlansEnded, .statutory_visits = true, .duration_slot = kCpDuration,
          .outcome_slot = kCpOutcome,
          .outcomes = {{"step_down_cin", R::kEnter, Stage::kCin}, {"close", R::kClose},
                       {"pre_proceedings", R::kEnter, Stage::kPreProceedings}, {"care", R::kEnter, Stage::kCla}}};
  s[4] = {.id = Stage::kPreProceedings, .name = "pre_proceedings", .section = "pre_proceedings",
          .meaning = "the pre-proceedings (PLO) stage", .duration_meaning = "length of pre-proceedings",
          .outcomes_meaning = "how pre-proceedings end",
          .team = Team::kHelpProtection, .case_weight = &W::weight_proceedings, .priority = 0,
          .started = Metric::kPreProceedingsStarted, .duration_slot = kPloDuration, .outcome_slot = kPloOutcome,
          .outcomes = {{"proceedings", R::kEnter, Stage::kProceedings}, {"diverted_cin", R::kEnter, Stage::kCin}}};
  s[5] = {.id = Stage::kProceedings, .name = "proceedings", .section = "proceedings", .meaning = "care proceedings",
          .duration_meaning = "length of care proceedings", .outcomes_meaning = "the orders proceedings end in", .team = Team::kHelpProtection,
          .case_weight = &W::weight_proceedings, .priority = 0, .started = Metric::kProceedingsStarted,
          .duration_slot = kProcDuration, .outcome_slot = kProcOutcome,
          .outcomes = {{"care_order", R::kEnter, Stage::kCla}, {"sgo", R::kCloseForGood},
                       {"home_supervision", R::kEnter, Stage::kCin}, {"no_order", R::kClose}}};
  // Care and care leavers end by their own rules: exit routes with their own durations,
  // ageing out at 18, support to 21 or 25.
  s[6] = {.id = Stage::kCla, .name = "cla", .team = Team::kChildrenInCare, .case_weight = &W::weight_cla,
          .priority = 1, .statutory_visits = true};
  s[7] = {.id = Stage::kCareLeaver, .name = "care_leaver", .team = Team::kCareLeavers,
          .case_weight = &W::weight_care_leaver, .priority = 3, .open_case = false};
  return s;
}

}  // namespace

std::shared_ptr<const StageTable> StageTable::standard() {
  static const auto kStandard = std::make_shared<const StageTable>(StageTable(standard_specs()));
  return kStandard;
}

Stage StageTable::add(StageSpec spec) {
  spec.id = static_cast<Stage>(specs_.size());
  specs_.push_back(std::move(spec));
  return specs_.back().id;
}

void StageTable::validate(const Parameters& params) const {
  auto fail = [](const StageSpec& spec, const std::string& what) {
    throw std::invalid_argument("stage table: stage '" + spec.name + "' " + what);
  };
  if (params.routes.size() != specs_.size()) throw std::invalid_argument("stage table: one route per stage needed");
  for (std::size_t i = 1; i < specs_.size(); ++i) {
    const StageSpec& spec = specs_[i];
    if (stage_index(spec.id) != i) fail(spec, "is out of place in the table");
    if (spec.case_weight == nullptr) fail(spec, "has no case weight");
    if (spec.team == Team::kFrontDoor) fail(spec, "is carried by the front door, which holds no cases");
    const bool added = i >= kStandardStages;
    // Visit rules (how often, and for how long) are written for CP and care only.
    if (added && spec.statutory_visits) fail(spec, "has statutory visits, which only CP plans and care have");
    const bool own_rule = spec.id == Stage::kCla || spec.id == Stage::kCareLeaver;
    if (spec.outcomes.empty() != own_rule) fail(spec, own_rule ? "ends by its own rule, not by outcomes" : "has no outcomes");
    if (own_rule) continue;
    // An added stage draws from free slots: the others are drawn in any stage visit by the
    // shared rules (a closure's return, a step-up's strategy discussion, care's placement).
    const auto lowest = added ? keys::kFirstFreeSlot : keys::ChildSlot{0};
    if (spec.duration_slot < lowest || spec.outcome_slot < lowest || spec.duration_slot >= keys::kSlotsPerVisit ||
        spec.outcome_slot >= keys::kSlotsPerVisit || spec.duration_slot == spec.outcome_slot)
      fail(spec, "needs two distinct draw slots of its own (from kFirstFreeSlot for an added stage)");
    for (const OutcomeSpec& o : spec.outcomes) {
      if (o.route != Route::kEnter) continue;
      if (stage_index(o.next) >= specs_.size() || o.next == Stage::kNone || o.next == Stage::kAssessment ||
          o.next == Stage::kCareLeaver)
        fail(spec, "outcome '" + o.name + "' leads to a stage it cannot enter");
    }
    const StageRoute& route = params.routes[i];
    if (!(route.duration.mean() > 0)) fail(spec, "has no duration (its mean must be above 0)");
    if (route.outcome_shares.size() != spec.outcomes.size()) fail(spec, "has shares that do not match its outcomes");
    double sum = 0;
    for (double share : route.outcome_shares) {
      if (!(share >= 0 && share <= 1)) fail(spec, "has an outcome share outside 0 to 1");
      sum += share;
    }
    if (std::fabs(sum - 1.0) > 1e-6) fail(spec, "has outcome shares that do not sum to 1");
  }
}

std::vector<std::string> StageTable::group_labels() const {
  std::vector<std::string> labels;
  for (std::size_t s = 1; s < specs_.size(); ++s) labels.push_back(specs_[s].name);
  return labels;
}

}  // namespace caseflow::sim
