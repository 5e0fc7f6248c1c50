#include "app/shard_option.h"

#include <charconv>

namespace caseflow::app {

namespace {

std::optional<std::uint32_t> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;  // up to 999,999,999: no overflow
  for (const char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  std::uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

std::optional<ShardOption> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = whole_number(text.substr(0, slash));
  const auto count = whole_number(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *index > *count) return std::nullopt;
  return ShardOption{*index, *count};
}

}  // namespace caseflow::app
