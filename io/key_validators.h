#pragma once
// The named checks that declarations carry beyond a key's type and range: the rules that
// tie several values together.
#include <string>

#include "io/scenario_keys.h"

namespace caseflow::io {

// A map of shares over fixed names (placement types) sums to 1.
Validator sums_to_one();
// A number does not exceed another key of the same section (pace_cases <= cap_cases).
Validator not_above(const std::string& other_key);
// A list of multipliers whose mean is 1 (within 0.005), so they reshape a rate without changing it.
Validator averages_one();
// An age profile: one probability per band, edges increasing, probabilities summing to 1.
Validator age_bands();
// Multipliers by age band (care.entry_by_age): edges from 0 to 18, increasing, one multiplier a band.
Validator multiplier_bands();
// A duration the journey counts on the calendar's working days (the s47 path and the
// assessment's work, whose statutory clocks are in working days): written in `_wd`.
Validator in_working_days();
// demand.school_terms: `holidays: []` turns the calendar off (the multipliers go back to
// their defaults); with holidays listed, holiday_multiplier is required.
Validator school_calendar();

}  // namespace caseflow::io
