#pragma once
// Which team carries each stage, and a stage's group in the stage metrics.
#include <cstddef>

#include "sim/metrics.h"
#include "sim/scenario.h"

namespace caseflow::sim {

constexpr Team team_of(Stage s) {
  switch (s) {
    case Stage::kAssessment: return Team::kAssessment;
    case Stage::kCin:
    case Stage::kCp:
    case Stage::kPreProceedings:
    case Stage::kProceedings: return Team::kHelpProtection;
    case Stage::kCla: return Team::kChildrenInCare;
    case Stage::kCareLeaver: return Team::kCareLeavers;
    default: return Team::kFrontDoor;
  }
}

constexpr std::size_t stage_group(Stage s) { return static_cast<std::size_t>(s) - 1; }

}  // namespace caseflow::sim
