#include "app/memory_limit.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "io/user_error.h"
#include "sim/engine/runner.h"
#include "sim/memory_estimate.h"

namespace caseflow::app {

std::optional<double> parse_memory_size(std::string_view text) {
  double scale = 1;
  if (!text.empty() && std::isalpha(static_cast<unsigned char>(text.back()))) {
    switch (std::toupper(static_cast<unsigned char>(text.back()))) {
      case 'K': scale = 1e3; break;
      case 'M': scale = 1e6; break;
      case 'G': scale = 1e9; break;
      case 'T': scale = 1e12; break;
      default: return std::nullopt;
    }
    text.remove_suffix(1);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !(value > 0) ||
      !std::isfinite(value * scale))
    return std::nullopt;
  return value * scale;
}

std::optional<double> available_memory() {
  std::ifstream in("/proc/meminfo");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string name;
    double kib = 0;
    if (fields >> name >> kib && name == "MemAvailable:") return kib * 1024;
  }
  return std::nullopt;
}

namespace {

std::string gigabytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, bytes < 1e9 ? "%.0f MB" : "%.1f GB", bytes < 1e9 ? bytes / 1e6 : bytes / 1e9);
  return text;
}

}  // namespace

void check_memory(const sim::Scenario& scenario, const sim::RunOptions& options, std::optional<double> limit,
                  std::size_t scenarios_kept) {
  const bool given = limit.has_value();
  if (!given) limit = available_memory();
  if (!limit) return;  // not Linux: nothing to check against
  const unsigned threads = engine::threads_for(options.threads);
  const sim::MemoryEstimate e = sim::estimate_memory(scenario, options.replications, threads, scenarios_kept);
  if (e.total() <= *limit) return;
  throw io::UserError(
      given ? "--max-memory" : scenario.name, 0, 0,
      "this run would need about " + gigabytes(e.total()) + " of memory: " + gigabytes(e.monthly_figures_bytes) +
          " for " + std::to_string(options.replications) + " replications' monthly figures and " +
          gigabytes(e.children_bytes) + " for the open cases of " + std::to_string(threads) +
          " replications running at once (about " + std::to_string(static_cast<long long>(e.child_records)) +
          " each), against " + (given ? "the limit of " : "the ") + gigabytes(*limit) +
          (given ? "" : " the machine has available") +
          ". Fewer --reps or --threads, a shorter --horizon-months, or a larger --max-memory");
}

}  // namespace caseflow::app
