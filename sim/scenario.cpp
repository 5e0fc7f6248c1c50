#include "sim/scenario.h"

namespace caseflow::sim {

const std::array<const char*, kSources>& source_names() {
  static constexpr std::array<const char*, kSources> kNames{"police", "schools", "health",
                                                           "la_services", "individuals", "other"};
  return kNames;
}

const std::array<const char*, kPlacements>& placement_names() {
  static constexpr std::array<const char*, kPlacements> kNames{
      "in_house_foster", "ifa", "kinship", "residential", "placed_with_parents", "supported_accommodation"};
  return kNames;
}

const std::array<const char*, kTeams>& team_names() {
  static constexpr std::array<const char*, kTeams> kNames{"front_door", "assessment", "help_protection",
                                                         "children_in_care", "care_leavers"};
  return kNames;
}

const std::array<const char*, kStaffTypes>& staff_type_names() {
  static constexpr std::array<const char*, kStaffTypes> kNames{"permanent", "agency", "asye"};
  return kNames;
}

}  // namespace caseflow::sim
