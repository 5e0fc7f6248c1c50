#pragma once
// The calibration's uncertainty, sampled: versions of a calibrated scenario, each calibrated
// afresh from a bootstrap resample of the council's children (calibrate/children_resample.h),
// and each started from the council's own open caseload and staff, which are known, not
// estimated. Run pooled (sim/pooled_run.h), the replications' spread carries what the returns
// leave uncertain about the parameters beside the simulation's own noise. Without it a
// back-test's P10-P90 bands held the children looked after in about half the months, not
// about 80% (docs/validation.md).
#include <cstdint>
#include <vector>

#include "calibrate/calibration.h"
#include "io/returns/history.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct DrawsRequest {
  int draws = 0;
  std::uint64_t seed = 0;  // keys the resamples (draw k is resample (seed, k))
  unsigned threads = 0;    // calibrations at once (0: one per core)
};

// `draws` versions of `central_scenario` (the central calibration, loaded and set up for the
// run: its horizon, seed and open caseload are kept). Each takes the estimates of calibrating
// resample k with the same request, and the central calibration's work at a normal pace
// (CalibrationRequest::known_pace). Throws io::UserError naming the draw when one resample
// cannot be calibrated.
std::vector<sim::Scenario> parameter_draws(const returns::History& history, const sim::Scenario& defaults,
                                           const CalibrationRequest& request, const Calibration& central,
                                           const sim::Scenario& central_scenario, const DrawsRequest& draws);

}  // namespace caseflow::calibrate
