#pragma once
// The calibration's uncertainty, sampled: parameter draws of a calibrated scenario, each the
// estimates of a fresh calibration of a bootstrap resample of the council's children
// (calibrate/children_resample.h). `caseflow calibrate --parameter-draws K` writes them beside
// council.yaml (io/parameter_draws_file.h), and `caseflow run` and `caseflow backtest` share
// their replications among them (sim/pooled_run.h): the replications' spread then carries
// what the returns leave uncertain about the parameters beside the simulation's own noise.
// Without them a back-test's P10-P90 bands held the children looked after in about half the
// months, not about 80% (docs/validation.md).
//
// A draw holds only the keys its calibration estimated otherwise than the central one did: the
// open caseload and staff are known, not estimated, and every draw starts from the council's
// own; a key the resample could not estimate keeps the central calibration's value.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "calibrate/calibration.h"
#include "calibrate/estimates.h"
#include "io/returns/history.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct DrawsRequest {
  int draws = 0;
  std::uint64_t seed = 0;  // keys the resamples (draw k is resample (seed, k))
  unsigned threads = 0;    // calibrations at once (0: one per core)
};

// The keys the draws vary: those `central` estimated that some draw estimates otherwise (the
// workforce, from the census, which is not resampled, and keys no resample moves, stay
// council.yaml's, so that an analyst's edit of them in council.yaml takes effect).
std::set<std::string> drawn_keys(const CouncilEstimates& central, const std::vector<CouncilEstimates>& draws);

// One draw's values of `keys`, laid out as in a scenario file (a key the draw did not estimate
// is left out: it keeps council.yaml's value).
YAML::Node draw_parameters(const CouncilEstimates& estimates, const std::set<std::string>& keys);

// The draws file's text: a header saying what the draws are, `central:` (council.yaml's values of
// the drawn keys, which a run checks council.yaml still gives), then `draws:`. Each draw is the
// calibration of resample k with the same request and the central calibration's work at a
// normal pace (CalibrationRequest::known_pace). Throws io::UserError naming the draw when one
// resample cannot be calibrated.
std::string parameter_draws_yaml(const returns::History& history, const sim::Scenario& defaults,
                                 const CalibrationRequest& request, const Calibration& central, const DrawsRequest& draws);

}  // namespace caseflow::calibrate
