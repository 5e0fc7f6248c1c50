#pragma once
// Loads a scenario file: follows `extends:`, applies dated `changes:`, validates every key
// and value, and returns the plain structs the simulation reads. Errors are UserErrors
// naming file, line, column and key.
#include <string>

#include "sim/scenario.h"

namespace caseflow::io {

sim::Scenario load_scenario(const std::string& path);

// The hash a scenario's resolved text gets (FNV-1a 64, in hex): summary.json's scenario hash.
std::string text_hash(const std::string& text);

}  // namespace caseflow::io
