#pragma once
// A bootstrap resample of a council's children, for sampling the calibration's uncertainty
// (calibrate/parameter_draws.h).
//
// The unit is the child: each child's whole history (every referral with what followed it,
// every care episode) is drawn with replacement, as many draws as the council has children.
// A resample keeps what ties one child's records together (re-referrals, repeat CP plans,
// care after a plan) and varies what the council's counts could as well have been; a
// calibration of it is one draw of every estimate at once, with their correlations (the
// routes out of one stage share their children).
//
// The workforce census is not resampled: it is the council's staff as they were, a few hundred
// workers whose records are not independent children, and it sets the simulation's staffing
// from the first day.
#include <cstdint>

#include "io/returns/history.h"

namespace caseflow::calibrate {

// Draw `draw` of the resamples keyed by `seed`: a pure function of the three. A child drawn
// more than once appears once for each draw, its id suffixed ".1", ".2", ... so that ids stay
// unique; the children stay sorted by id.
returns::History resample_children(const returns::History& history, std::uint64_t seed, std::uint32_t draw);

}  // namespace caseflow::calibrate
