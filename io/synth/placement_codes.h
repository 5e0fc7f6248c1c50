#pragma once
// The SSDA903 placement (PLACE) and provider (PLACE_PROVIDER) of each model placement type,
// both ways: synth writes them, and the round trip reads children starting care back by
// placement type (docs/synthetic-returns.md gives the table).
#include <optional>
#include <string>
#include <utility>

#include "io/returns/history.h"
#include "sim/scenario.h"

namespace caseflow::synth {

// Supported accommodation is H5 before 28 October 2023, when registered supported
// accommodation (K3) replaced it.
std::pair<std::string, std::string> placement_codes(sim::Placement placement, returns::Day start);
// The model placement type of a PLACE and PLACE_PROVIDER pair synth writes, or nullopt.
std::optional<sim::Placement> model_placement_of(const std::string& place, const std::string& provider);

}  // namespace caseflow::synth
