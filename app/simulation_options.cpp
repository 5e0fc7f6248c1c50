#include "app/simulation_options.h"

#include <algorithm>

#include "app/memory_limit.h"
#include "app/seed_option.h"
#include "io/demand_paths_csv.h"
#include "io/school_calendar_check.h"
#include "sim/engine/runner.h"

namespace caseflow::app {

sim::RunOptions SimulationOptions::run_options(const sim::Scenario& scenario) const {
  return {reps ? reps : scenario.replications, seed.value_or(scenario.seed), threads};
}

void SimulationOptions::apply_horizon(sim::Scenario& scenario) const {
  if (horizon_months <= 0) return;
  scenario.horizon_months = horizon_months;
  io::check_school_calendars(scenario, "--horizon-months");
  io::check_demand_paths_cover(scenario, "--horizon-months");
}

unsigned SimulationOptions::threads_used() const {
  return engine::threads_for(threads);
}

void add_simulation_options(CLI::App& cmd, SimulationOptions& o, const std::string& whose,
                            const std::string& default_out) {
  cmd.add_option("--reps", o.reps, "Replications (default: " + whose + ")")->check(CLI::Range(1u, 100000u));
  add_seed_option(cmd, o.seed, "Random seed, 0 to 18446744073709551615 (default: " + whose + ")");
  cmd.add_option("--threads", o.threads, "Threads (default: all cores)");
  cmd.add_option("--horizon-months", o.horizon_months, "Months to simulate (default: " + whose + ")")
      ->check(CLI::Range(1, 600));
  cmd.add_option("--out", o.out, "Output folder (default: " + default_out + ")");
  cmd.add_flag("--per-replication", o.per_replication,
               "Also write each replication's financial-year and headline figures");
  cmd.add_flag("--xlsx", o.xlsx,
               "Also write workbook.xlsx for Excel: summary, budget by financial year, monthly headline series, "
               "the comparison (compare) and the scenario's assumptions with their sources");
  cmd.add_flag("--report", o.report,
               "Also write report.html: the charts, headlines and assumptions in one offline page (caseflow report)");
  cmd.add_flag("--force", o.force, "Write into an --out folder that caseflow did not write");
  cmd.add_flag("--quiet", o.quiet, "No progress line on stderr (it is shown only on a terminal, for runs over a second)");
  cmd.add_option_function<std::string>(
      "--max-memory",
      [&o](const std::string& text) {
        o.max_memory = parse_memory_size(text);
        if (!o.max_memory) throw CLI::ValidationError("--max-memory", "'" + text + "' is not a size such as 4G, 512M or 1.5G");
      },
      "Refuse the run when its estimated memory is above this (default: the memory available now)");
}

}  // namespace caseflow::app
