#pragma once
// A scenario's parameter draws (`parameter_draws: FILE`, which `caseflow calibrate
// --parameter-draws K` writes beside council.yaml): K versions of the estimated parameters,
// each from the calibration of a bootstrap resample of the council's children
// (calibrate/parameter_draws.h). The file is one map with a list under `draws:`; each item is
// a map of scenario keys laid out as in a scenario file, e.g.
//   draws:
//     - referral: {nfa_prob: 0.081, s47_prob: 0.62}
//       cin_plan: {duration: {...}}
//     - referral: {nfa_prob: 0.079, s47_prob: 0.64}
// An optional `central:` map, laid out the same way, holds the values of the scenario the draws
// were drawn around (calibrate writes it): a run checks that the file naming the draws still
// gives them, since a draw's value would otherwise hide an edit made there since.
// A draw sets parameters only (the keys a dated `changes:` could hold, and the fixed ones of the
// same sections): the start date, horizon, seed, replications and open caseload are the
// scenario's own, shared by every draw. Each mistake is an error naming the file, line and
// column (exit status 2).
#include <filesystem>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "io/yaml_file.h"

namespace caseflow::io {

struct ParameterDrawsFile {
  YAML::Node central;             // null when the file has no `central:`
  std::vector<YAML::Node> draws;  // in order, at least one
};

// `referrer` is the `parameter_draws:` line.
ParameterDrawsFile read_parameter_draws(const std::filesystem::path& path, const FileReference& referrer);

}  // namespace caseflow::io
