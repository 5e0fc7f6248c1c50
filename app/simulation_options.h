#pragma once
// The options of the commands that simulate and write a folder of outputs (`run`, `compare`):
// replications, seed, threads, horizon, output folder, per-replication files and --force, with
// the same names, checks and meaning in each.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "io/output_dir.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace caseflow::app {

struct SimulationOptions {
  std::uint32_t reps = 0;   // 0: the scenario's
  std::optional<std::uint64_t> seed;  // absent: the scenario's
  unsigned threads = 0;     // 0: every core
  int horizon_months = 0;   // 0: the scenario's
  std::string out;          // empty: the command's default folder
  bool per_replication = false;
  bool xlsx = false;
  bool force = false;
  bool quiet = false;  // no progress line
  bool report = false;  // also report.html in the same output set (--report)
  std::optional<double> max_memory;  // bytes; absent: what the machine has available

  // Sets --horizon-months on the scenario, if given; a horizon its school-term calendar does
  // not cover is a user error naming --horizon-months.
  void apply_horizon(sim::Scenario& scenario) const;
  // The runner's options: these, the scenario's where not given.
  sim::RunOptions run_options(const sim::Scenario& scenario) const;
  io::ForeignFolder foreign() const { return force ? io::ForeignFolder::kWriteInto : io::ForeignFolder::kRefuse; }
  unsigned threads_used() const;  // for provenance
};

// `whose` says where unset values come from ("the scenario's", "the base's"); `default_out`
// describes the default folder in --help.
void add_simulation_options(CLI::App& cmd, SimulationOptions& o, const std::string& whose,
                            const std::string& default_out);

}  // namespace caseflow::app
