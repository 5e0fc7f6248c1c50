#pragma once
// Stages of the journey, by id. The standard stages are named here because the journey's
// special rules refer to them (the s47 path in assessment, care's exits and ageing out, care
// leavers' support); a scenario's stage table may add stages after them (sim/stage_table.h).
#include <cstddef>
#include <cstdint>

namespace caseflow::sim {

enum class Stage : std::uint8_t {
  kNone, kAssessment, kCin, kCp, kPreProceedings, kProceedings, kCla, kCareLeaver, kStandardCount
};
// Stage ids of the standard table, kNone included.
constexpr std::size_t kStandardStages = static_cast<std::size_t>(Stage::kStandardCount);
constexpr std::size_t stage_index(Stage s) { return static_cast<std::size_t>(s); }

}  // namespace caseflow::sim
