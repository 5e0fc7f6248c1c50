#include "sim/pooled_run.h"

#include <algorithm>
#include <stdexcept>

#include "sim/stage_table.h"

namespace caseflow::sim {

std::uint32_t pooled_block_start(std::uint32_t replications, std::size_t versions, std::size_t k) {
  return static_cast<std::uint32_t>(std::uint64_t{replications} * k / versions);
}

Replications simulate_pooled(const std::vector<Scenario>& versions, const RunOptions& options) {
  if (versions.empty()) throw std::invalid_argument("simulate_pooled: no versions of the scenario");
  if (versions.size() > options.replications)
    throw std::invalid_argument("simulate_pooled: " + std::to_string(versions.size()) + " versions for " +
                                std::to_string(options.replications) + " replications");
  const Scenario& first = versions.front();
  for (const Scenario& v : versions)
    if (v.start_date != first.start_date || v.horizon_months != first.horizon_months ||
        v.stages->group_labels() != first.stages->group_labels())
      throw std::invalid_argument("simulate_pooled: the versions differ in start date, horizon or stage groups");

  Replications pooled;
  for (std::size_t k = 0; k < versions.size(); ++k) {
    const std::uint32_t from = pooled_block_start(options.replications, versions.size(), k);
    const std::uint32_t to = pooled_block_start(options.replications, versions.size(), k + 1);
    RunOptions block = options;
    block.first_replication = options.first_replication + from;
    block.replications = to - from;
    Replications part = simulate_replications(versions[k], block);
    if (k == 0) {
      pooled = std::move(part);
      continue;
    }
    pooled.events += part.events;
    pooled.peak_child_records = std::max(pooled.peak_child_records, part.peak_child_records);
    for (auto& m : part.monthly) pooled.monthly.push_back(std::move(m));
  }
  return pooled;
}

}  // namespace caseflow::sim
