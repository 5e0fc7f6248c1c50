#pragma once
// Work at a normal pace: the durations the returns time at the council's own pace, corrected
// for the waits and slowing the model adds itself.
//
// The returns time an assessment from its start to its authorisation, and an s47 enquiry from
// its start to the ICPC: the wait for a worker and the work at that worker's pace, overloaded
// workers included. The scenario's assessment.duration and referral.icpc_delay are the work
// at a normal pace, which the model delays by the wait for allocation and slows by each
// worker's pace (sim/journey/routing.cpp). Written as the returns show them, the wait and the
// slowing count twice: the calibrated assessments ran 4% long and their stock settled 6.4%
// high on the 10x council (docs/calibration.md, "Work at a normal pace").
//
// The correction is an indirect estimate: the calibrated scenario is simulated from the as-of
// date (its warm start, so the council's own staffing), six months are left to settle, the
// returns of the months after are written (synth) and observed exactly as the council's are,
// and each paced duration is scaled until the simulated returns' restricted mean (Kaplan-Meier,
// the same estimator and restriction as the council's) matches the council's. It matches the
// returns' own timing, an input of the calibration, never a stock or any other emergent figure.
#include <functional>
#include <string>
#include <vector>

#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct PaceCorrection {
  std::string key;              // the scenario key: assessment.duration, referral.icpc_delay
  double work_scale = 1;        // the returns' lengths times this are the work at a normal pace
  double simulated_scale = 1;   // the scale of the last round simulated; work_scale is the last step from it
  double tau = 0;               // the restriction of both means, in the key's unit (working days)
  double observed_mean = 0;     // the council's returns: the Kaplan-Meier mean restricted to tau
  double simulated_mean = 0;    // the calibrated model's own returns, the same, at work_scale
  long long simulated_spells = 0;
  int rounds = 0;               // simulations run
  double tolerance = 0;         // the share of the council's mean within which it counts as matched
  bool converged = false;       // within tolerance of the council's mean
};

// The simulated mean counts as matched within 1% of the council's, or within twice the
// standard error of the difference of the two means when that is wider (the ICPCs, a tenth
// of the assessments, are simulated to about 4,000), so noise alone rarely asks for another
// round.
inline constexpr double kPaceTolerance = 0.01;
inline constexpr int kPaceMaxRounds = 4;

// The paced durations among `estimated` (the keys calibrate estimated, not defaulted).
std::vector<std::string> paced_keys(const std::vector<std::string>& estimated);

// Each corrected key of `estimates` refitted to the observations' spells scaled by its
// work_scale (the other keys stay as estimated: none depends on these durations).
void refit_at_normal_pace(CouncilEstimates& estimates, const Observations& observed, const std::vector<PaceCorrection>& corrections);

// `calibrate_with(corrections)` refits the paced keys at the corrections' scales
// (refit_at_normal_pace) and returns the scenario as `caseflow run` would load it. Starting
// from `first` (the scales 1), it simulates and rescales until every paced key is within its
// tolerance or kPaceMaxRounds simulations have run, then takes a last step, not simulated, to
// the scale at which the rounds' relation between scale and mean meets the council's mean
// (within the tolerance is not on it: 1% off in the scale is about 2% in the settled stock).
// The last call of calibrate_with is the calibration to keep, and the corrections returned are
// its scales.
std::vector<PaceCorrection> correct_for_pace(const Observations& observed, const std::vector<std::string>& keys,
                                             const sim::Scenario& first,
                                             const std::function<sim::Scenario(const std::vector<PaceCorrection>&)>& calibrate_with);

// The comment council.yaml gives the correction, for the key's own comment.
std::string pace_comment(const PaceCorrection& correction);

}  // namespace caseflow::calibrate
