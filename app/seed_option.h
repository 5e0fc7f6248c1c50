#pragma once
// --seed, the same on every command: exactly the unsigned 64-bit range, 0 included. A sign, a
// fraction, a hex prefix or a value past 18446744073709551615 is an error (exit 2), never
// wrapped or replaced; an absent --seed means the scenario's own seed.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caseflow::app {

// The seed `text` names, or nothing when it is not a decimal unsigned 64-bit integer.
std::optional<std::uint64_t> parse_seed(std::string_view text);

// Adds --seed to `cmd`, storing into `seed`.
CLI::Option* add_seed_option(CLI::App& cmd, std::optional<std::uint64_t>& seed, const std::string& description);
// For commands with a seed of their own by default (forecast, demo): `seed` keeps its value
// when --seed is absent.
CLI::Option* add_seed_option(CLI::App& cmd, std::uint64_t& seed, const std::string& description);

}  // namespace caseflow::app
