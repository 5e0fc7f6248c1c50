#include "calibrate/parameter_draws.h"

#include "calibrate/children_resample.h"
#include "io/user_error.h"
#include "sim/engine/runner.h"

namespace caseflow::calibrate {

std::vector<sim::Scenario> parameter_draws(const returns::History& history, const sim::Scenario& defaults,
                                           const CalibrationRequest& request, const Calibration& central,
                                           const sim::Scenario& central_scenario, const DrawsRequest& draws) {
  if (draws.draws < 1) throw std::invalid_argument("parameter_draws: at least one draw");
  CalibrationRequest of_draw = request;
  of_draw.known_pace = central.pace;
  std::vector<sim::Scenario> versions(static_cast<std::size_t>(draws.draws));
  engine::parallel_for(static_cast<std::uint32_t>(draws.draws), draws.threads, [&](std::uint32_t k) {
    try {
      sim::Scenario s = load_calibrated(calibrate_council(resample_children(history, draws.seed, k), defaults, of_draw));
      s.initial = central_scenario.initial;
      s.horizon_months = central_scenario.horizon_months;
      s.seed = central_scenario.seed;
      versions[k] = std::move(s);
    } catch (const io::UserError& e) {
      throw io::UserError("parameter draw " + std::to_string(k + 1) + " of " + std::to_string(draws.draws) +
                          " (a resample of the children) could not be calibrated: " + e.what());
    }
  });
  return versions;
}

}  // namespace caseflow::calibrate
