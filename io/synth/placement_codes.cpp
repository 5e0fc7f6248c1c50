#include "io/synth/placement_codes.h"

#include <array>

#include "sim/engine/civil_date.h"

namespace caseflow::synth {

namespace {
struct Row {
  sim::Placement placement;
  const char* place;
  const char* provider;
};
// In-house and agency (IFA) foster care differ by provider only (own LA, private); kinship
// care is fostering with a relative or friend (U3); residential is a children's home (K2).
constexpr std::array<Row, 7> kRows = {{{sim::Placement::kInHouseFoster, "U6", "PR1"},
                                       {sim::Placement::kIfa, "U6", "PR4"},
                                       {sim::Placement::kKinship, "U3", "PR1"},
                                       {sim::Placement::kResidential, "K2", "PR4"},
                                       {sim::Placement::kPlacedWithParents, "P1", "PR0"},
                                       {sim::Placement::kSupportedAccommodation, "H5", "PR4"},
                                       {sim::Placement::kSupportedAccommodation, "K3", "PR4"}}};
}  // namespace

std::pair<std::string, std::string> placement_codes(sim::Placement placement, returns::Day start) {
  if (placement == sim::Placement::kSupportedAccommodation && start >= engine::days_from_civil({2023, 10, 28}))
    return {"K3", "PR4"};
  for (const Row& r : kRows)
    if (r.placement == placement) return {r.place, r.provider};
  return {"Z1", "PR4"};  // not reached: every placement type has a row
}

std::optional<sim::Placement> model_placement_of(const std::string& place, const std::string& provider) {
  for (const Row& r : kRows)
    if (place == r.place && provider == r.provider) return r.placement;
  return std::nullopt;
}

}  // namespace caseflow::synth
