#pragma once
// Loads a scenario file: follows `extends:`, applies dated `changes:`, validates every key
// and value, and returns the plain structs the simulation reads. Errors are UserErrors
// naming file, line, column and key.
#include <string>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::io {

// The scenario a file and its `extends:` chain make. Refuses (io::UserError) a scenario that
// names parameter draws: a command that would run its central calibration alone says so.
sim::Scenario load_scenario(const std::string& path);

// A scenario with its parameter draws (`parameter_draws:`, io/parameter_draws_file.h).
struct LoadedScenario {
  sim::Scenario scenario;  // as its files give it: the central calibration, with the hash of the draws too
  // Each draw's version of it: the draw's parameters laid just above the file that names them,
  // everything else (start, horizon, seed, open caseload, dated changes) the scenario's own.
  // Empty when the scenario names no draws.
  std::vector<sim::Scenario> draws;
};
LoadedScenario load_scenario_and_draws(const std::string& path);

// The hash a scenario's resolved text gets (FNV-1a 64, in hex): summary.json's scenario hash.
std::string text_hash(const std::string& text);

}  // namespace caseflow::io
