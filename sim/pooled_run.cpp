#include "sim/pooled_run.h"

#include <stdexcept>

#include "sim/stage_table.h"

namespace caseflow::sim {

std::uint32_t pooled_block_start(std::uint32_t replications, std::size_t versions, std::size_t k) {
  return static_cast<std::uint32_t>(std::uint64_t{replications} * k / versions);
}

Replications simulate_pooled(const std::vector<Scenario>& versions, const RunOptions& options, std::uint32_t whole_run,
                             const std::function<void()>& replication_done) {
  if (whole_run == 0) whole_run = options.first_replication + options.replications;
  if (versions.empty()) throw std::invalid_argument("simulate_pooled: no versions of the scenario");
  if (versions.size() > whole_run)
    throw std::invalid_argument("simulate_pooled: " + std::to_string(versions.size()) + " versions for " +
                                std::to_string(whole_run) + " replications");
  if (std::uint64_t{options.first_replication} + options.replications > whole_run)
    throw std::invalid_argument("simulate_pooled: the slice runs past the whole run's replications");
  const Scenario& first = versions.front();
  for (const Scenario& v : versions)
    if (v.start_date != first.start_date || v.horizon_months != first.horizon_months ||
        v.stages->group_labels() != first.stages->group_labels())
      throw std::invalid_argument("simulate_pooled: the versions differ in start date, horizon or stage groups");

  std::vector<const Scenario*> pointers;
  for (const Scenario& v : versions) pointers.push_back(&v);
  std::vector<std::size_t> version_of(options.replications);
  for (std::size_t k = 0; k < versions.size(); ++k)
    for (std::uint32_t id = pooled_block_start(whole_run, versions.size(), k);
         id < pooled_block_start(whole_run, versions.size(), k + 1); ++id)
      if (id >= options.first_replication && id - options.first_replication < options.replications)
        version_of[id - options.first_replication] = k;
  return simulate_versions(pointers, [&](std::uint32_t i) { return version_of[i]; }, options, replication_done);
}

Replications simulate_with_draws(const Scenario& scenario, const std::vector<Scenario>& draws,
                                 const RunOptions& options, std::uint32_t whole_run,
                                 const std::function<void()>& replication_done) {
  if (draws.empty()) return simulate_replications(scenario, options, replication_done);
  return simulate_pooled(draws, options, whole_run, replication_done);
}

}  // namespace caseflow::sim
