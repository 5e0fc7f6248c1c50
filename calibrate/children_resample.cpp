#include "calibrate/children_resample.h"

#include <algorithm>
#include <string>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>

#include "sim/engine/random.h"

namespace caseflow::calibrate {

namespace {
// The resample's own random-stream purpose: far from the simulation's (sim/keys.h), so a
// resample never shares numbers with a replication.
constexpr std::uint32_t kResamplePurpose = 0x5245'5341;  // "RESA"
}  // namespace

returns::History resample_children(const returns::History& history, std::uint64_t seed, std::uint32_t draw) {
  returns::History out = history;
  out.children.clear();
  const std::size_t n = history.children.size();
  if (n == 0) return out;
  engine::CounterRng rng({seed, draw, kResamplePurpose}, 0, 0);
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::uint32_t> times(n, 0);
  for (std::size_t i = 0; i < n; ++i) ++times[pick(rng)];
  out.children.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t copy = 1; copy <= times[i]; ++copy) {
      out.children.push_back(history.children[i]);
      out.children.back().id += "." + std::to_string(copy);
    }
  std::sort(out.children.begin(), out.children.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace caseflow::calibrate
