#pragma once
// The scenario-file reference page, docs/scenario-format.md, written from the key
// declarations (io/scenario_keys.h): every key with its type, unit, range, default and
// meaning, and how `extends:`, merging and dated `changes:` work.
#include <ostream>

namespace caseflow::io {

// The command that regenerates the committed page; the page and its staleness test name it.
inline constexpr const char* kScenarioFormatCommand = "build/app/caseflow scenario-format > docs/scenario-format.md";

void write_scenario_format(std::ostream& out);

}  // namespace caseflow::io
