#include "app/simulation_options.h"

#include <algorithm>
#include <thread>

namespace caseflow::app {

sim::RunOptions SimulationOptions::run_options(const sim::Scenario& scenario) const {
  return {reps ? reps : scenario.replications, seed ? seed : scenario.seed, threads};
}

unsigned SimulationOptions::threads_used() const {
  return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
}

void add_simulation_options(CLI::App& cmd, SimulationOptions& o, const std::string& whose,
                            const std::string& default_out) {
  cmd.add_option("--reps", o.reps, "Replications (default: " + whose + ")")->check(CLI::Range(1u, 1000000u));
  cmd.add_option("--seed", o.seed, "Random seed (default: " + whose + ")");
  cmd.add_option("--threads", o.threads, "Threads (default: all cores)");
  cmd.add_option("--horizon-months", o.horizon_months, "Months to simulate (default: " + whose + ")")
      ->check(CLI::Range(1, 600));
  cmd.add_option("--out", o.out, "Output folder (default: " + default_out + ")");
  cmd.add_flag("--per-replication", o.per_replication,
               "Also write each replication's financial-year and headline figures");
  cmd.add_flag("--xlsx", o.xlsx,
               "Also write workbook.xlsx for Excel: summary, budget by financial year, monthly headline series, "
               "the comparison (compare) and the scenario's assumptions with their sources");
  cmd.add_flag("--force", o.force, "Write into an --out folder that caseflow did not write");
}

}  // namespace caseflow::app
