#pragma once
// A horizon the school-term calendar does not cover is an error, not a silent change: past
// its listed holidays the schools source would lose its term effects (issue 16 found August
// contacts jump from 64 to 214 after March 2024). Checked when a scenario is read, for its
// own horizon, and again when --horizon-months lengthens it.
#include <optional>
#include <string>

#include "sim/scenario.h"

namespace caseflow::io {

// The reason the calendar of `terms` does not cover the scenario's horizon, or nothing.
std::optional<std::string> school_calendar_gap(const sim::SchoolTerms& terms, const sim::Scenario& scenario);

// Throws a UserError naming `where` (a file, or an option such as --horizon-months) when any
// dated period's calendar falls short of the horizon.
void check_school_calendars(const sim::Scenario& scenario, const std::string& where);

}  // namespace caseflow::io
