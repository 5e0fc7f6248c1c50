#include "app/seed_option.h"

#include <charconv>

namespace caseflow::app {

std::optional<std::uint64_t> parse_seed(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  for (const char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

namespace {

std::uint64_t checked_seed(const std::string& text) {
  const auto seed = parse_seed(text);
  if (!seed)
    throw CLI::ValidationError("--seed", "'" + text + "' is not a whole number from 0 to 18446744073709551615");
  return *seed;
}

}  // namespace

CLI::Option* add_seed_option(CLI::App& cmd, std::optional<std::uint64_t>& seed, const std::string& description) {
  return cmd.add_option_function<std::string>(
      "--seed", [&seed](const std::string& text) { seed = checked_seed(text); }, description);
}

CLI::Option* add_seed_option(CLI::App& cmd, std::uint64_t& seed, const std::string& description) {
  return cmd.add_option_function<std::string>(
      "--seed", [&seed](const std::string& text) { seed = checked_seed(text); }, description);
}

}  // namespace caseflow::app
