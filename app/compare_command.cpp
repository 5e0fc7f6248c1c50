// `caseflow compare BASE ALT [ALT2 ...]`: every scenario simulated by the same runner with the
// same seed and replication ids (common random numbers), and each alternative's paired
// differences from the base written as one comparison.
#include <chrono>
#include <fstream>
#include <iostream>
#include <set>

#include "app/commands.h"
#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "app/report_file.h"
#include "app/simulation_options.h"
#include "io/compare_outputs.h"
#include "io/output_dir.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/comparison.h"
#include "sim/engine/civil_date.h"
#include "sim/pooled_run.h"
#include "sim/runner.h"

namespace caseflow::app {

namespace {

// The line of a top-level key in a scenario file (0 when the file inherits it by `extends:`).
int top_level_line(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.rfind(key + ":", 0) == 0) return n;
  }
  return 0;
}

// The months of two scenarios must be the same calendar months, and their stage tables the
// same groups, for month-by-month pairs to mean anything: said before anything runs.
void check_comparable(const sim::Scenario& base, const std::string& base_file, const sim::Scenario& alt,
                      const std::string& alt_file) {
  if (!(alt.start_date == base.start_date))
    throw io::UserError(alt_file, top_level_line(alt_file, "start_date"), 0,
                        "start_date " + engine::to_iso(alt.start_date) + " differs from the base's " +
                            engine::to_iso(base.start_date) + " (" + base_file +
                            "): the months would not line up; compare scenarios that start on the same date");
  if (alt.horizon_months != base.horizon_months)
    throw io::UserError(alt_file, top_level_line(alt_file, "horizon_months"), 0,
                        "horizon_months " + std::to_string(alt.horizon_months) + " differs from the base's " +
                            std::to_string(base.horizon_months) + " (" + base_file +
                            "): give both the same horizon, or set one for all with --horizon-months");
  if (alt.stages->group_labels() != base.stages->group_labels())
    throw io::UserError(alt_file, 0, 0,
                        "its stage table has other stages than the base's (" + base_file +
                            "): stage-grouped figures would not pair up; compare scenarios with the same stages");
}

std::string default_folder(const sim::Scenario& base, const std::vector<sim::Scenario>& alts) {
  std::string name = base.name + "-vs";
  for (std::size_t i = 0; i < alts.size(); ++i) name += (i ? "-and-" : "-") + alts[i].name;
  return io::default_output_folder(name);
}

}  // namespace

void add_compare_command(CLI::App& app) {
  struct Options : SimulationOptions {
    std::vector<std::string> scenarios;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "compare",
      "Compare scenarios with common random numbers: paired differences from the first (the base); the scenarios "
      "must share their start date and horizon (or be given --horizon-months)");
  cmd->add_option("scenarios", o->scenarios, "BASE.yaml ALT.yaml [ALT2.yaml ...]")->required()->expected(2, 1000);
  add_simulation_options(*cmd, *o, "the base's", "out/BASE-vs-ALT");
  cmd->callback([o] {
    const std::string& base_file = o->scenarios.front();
    io::LoadedScenario base_loaded = io::load_scenario_and_draws(base_file);
    std::vector<io::LoadedScenario> alts_loaded;
    std::set<std::string> names;
    for (std::size_t i = 1; i < o->scenarios.size(); ++i) {
      alts_loaded.push_back(io::load_scenario_and_draws(o->scenarios[i]));
      if (!names.insert(alts_loaded.back().scenario.name).second)
        throw io::UserError(o->scenarios[i], 0, 0,
                            "another alternative is also named '" + alts_loaded.back().scenario.name +
                                "': the outputs tell alternatives apart by name, so give each its own `name:`");
    }
    apply_horizon(*o, base_loaded);
    for (auto& alt : alts_loaded) apply_horizon(*o, alt);
    const sim::Scenario& base = base_loaded.scenario;
    std::vector<sim::Scenario> alts;  // for the outputs, which name and describe each
    for (const auto& alt : alts_loaded) alts.push_back(alt.scenario);
    for (std::size_t i = 0; i < alts.size(); ++i) {
      check_comparable(base, base_file, alts[i], o->scenarios[i + 1]);
      if (alts_loaded[i].draws.size() != base_loaded.draws.size())
        throw io::UserError(o->scenarios[i + 1], 0, 0,
                            "it has " + counted(alts_loaded[i].draws.size(), "parameter draw") + " and the base (" + base_file +
                                ") " + std::to_string(base_loaded.draws.size()) +
                                ": compare pairs replications draw by draw, so give both the same draws (a what-if that "
                                "extends the base has its draws)");
    }

    const sim::RunOptions options = o->run_options(base);
    // Replication r of every scenario runs with draw r's block, so a what-if that extends a
    // calibrated council pairs with it draw by draw as well as by random numbers.
    check_draws_fit(base_loaded, base_file, options.replications);
    for (std::size_t i = 0; i < alts_loaded.size(); ++i) check_draws_fit(alts_loaded[i], o->scenarios[i + 1], options.replications);
    const std::string out = o->out.empty() ? default_folder(base, alts) : o->out;
    io::check_output_folder(out, o->foreign());  // before the replications run, not after
    check_memory(base, options, o->max_memory, 1 + alts.size());

    const auto t0 = std::chrono::steady_clock::now();
    ProgressLine progress(std::uint64_t{options.replications} * (1 + alts.size()), ProgressLine::shown_on_stderr(o->quiet),
                          std::cerr);
    // The one runner, with the same options for every scenario: that is the pairing.
    const sim::Replications base_runs = sim::simulate_with_draws(
        base_loaded.scenario, base_loaded.draws, options, options.replications, progress.callback());
    std::vector<sim::Replications> alt_runs;
    std::vector<sim::Comparison> comparisons;
    for (const auto& alt : alts_loaded) {
      alt_runs.push_back(sim::simulate_with_draws(alt.scenario, alt.draws, options, options.replications,
                                                  progress.callback()));
      comparisons.push_back(sim::compare_replications(base_runs, alt_runs.back(), options.threads));
    }
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::vector<io::ComparedScenario> compared;
    for (std::size_t i = 0; i < alts.size(); ++i) compared.push_back({&alts[i], o->scenarios[i + 1], &alt_runs[i]});
    io::write_compare_outputs(out, {&base, base_file, &base_runs}, compared, comparisons, options,
                              {seconds, o->threads_used(), o->per_replication, o->xlsx, o->foreign()});
    if (o->report) add_report_to_output_set(out);
    std::uint64_t events = base_runs.events;
    for (const auto& a : alt_runs) events += a.events;
    std::cout << "caseflow: compared " << alts.size() << " alternative(s) with '" << base.name << "': "
              << counted(options.replications, "paired replication") << over_draws(base_loaded) << " x " << counted(base.horizon_months, "month") << " in "
              << seconds << " s (" << events << " events); outputs in " << out << " (compare.md first)\n";
  });
}

}  // namespace caseflow::app
