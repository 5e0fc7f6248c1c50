#pragma once
// --max-memory and the check before a run: the run's estimated memory (sim/memory_estimate.h)
// against the limit, by default the memory the machine has available now (MemAvailable in
// /proc/meminfo). Over the limit is a user error (exit 2) that gives the estimate, its parts
// and what to change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::app {

// "4G", "512M", "1.5G", "800K" or a number of bytes; nothing when malformed or not positive.
std::optional<double> parse_memory_size(std::string_view text);

// The bytes the machine has available, or nothing when /proc/meminfo cannot tell.
std::optional<double> available_memory();

// Throws io::UserError when the run would need more than `limit` bytes (or, with no limit,
// than the machine has available). `scenarios_kept`: compare holds every scenario's runs.
void check_memory(const sim::Scenario& scenario, const sim::RunOptions& options, std::optional<double> limit,
                  std::size_t scenarios_kept = 1);

}  // namespace caseflow::app
