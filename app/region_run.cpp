#include "app/region_run.h"

#include <chrono>
#include <iostream>

#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "io/output_dir.h"
#include "io/region_yaml.h"
#include "io/run_outputs.h"
#include "io/user_error.h"
#include "sim/region_total.h"
#include "sim/runner.h"

namespace caseflow::app {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A council's options: the command line's, then the region's shared settings, then its own
// scenario's. A region seed (shared or --seed) gives each council its own seed from it.
sim::RunOptions council_options(const SimulationOptions& o, const io::Region& region, const io::RegionCouncil& c) {
  sim::RunOptions options = o.run_options(c.scenario);
  if (!o.reps && region.replications) options.replications = *region.replications;
  const std::optional<std::uint64_t> region_seed = o.seed ? o.seed : region.seed;
  if (region_seed) options.seed = sim::council_seed(*region_seed, c.name);
  return options;
}

}  // namespace

void run_region(const SimulationOptions& o, const std::string& region_file) {
  if (o.report)
    throw io::UserError("--report with a region: the report reads one scenario's outputs; run `caseflow report` on "
                        "a council's folder (OUT/councils/NAME) instead");
  const io::Region region = io::load_region(region_file, o.horizon_months);
  const std::string out = o.out.empty() ? io::default_output_folder(region.name) : o.out;
  io::check_output_folder(out, o.foreign());  // before the replications run, not after

  std::vector<sim::RunOptions> options;
  std::uint64_t total_replications = 0;
  for (const auto& c : region.councils) {
    options.push_back(council_options(o, region, c));
    // Every council's replications are held until the region's total is made.
    try {
      check_memory(c.scenario, options.back(), o.max_memory, region.councils.size());
    } catch (const io::UserError& e) {
      throw io::UserError("council '" + c.name + "' (" + c.file + "), with every council's replications held: " +
                          e.what());
    }
    total_replications += options.back().replications;
  }

  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine progress(total_replications, ProgressLine::shown_on_stderr(o.quiet), std::cerr);
  std::vector<sim::Replications> runs;
  io::RegionProvenance provenance{region.name, region_file, region.hash, region.resolved_yaml, {}};
  for (std::size_t i = 0; i < region.councils.size(); ++i) {
    const auto& c = region.councils[i];
    const auto council_t0 = std::chrono::steady_clock::now();
    runs.push_back(sim::simulate_replications(c.scenario, options[i], progress.callback()));
    provenance.councils.push_back(
        {c.name, c.scenario.name, c.file, c.scenario.hash, options[i].seed, seconds_since(council_t0)});
  }
  progress.finish();

  std::vector<const sim::Replications*> councils;
  for (const auto& r : runs) councils.push_back(&r);
  const sim::Replications total = sim::region_total(councils);

  io::OutputDir folder(out, o.foreign());
  std::uint64_t events = 0;
  for (std::size_t i = 0; i < region.councils.size(); ++i) {
    const auto& c = region.councils[i];
    // Exactly the files `caseflow run COUNCIL.yaml --seed SEED` writes, in their own folder.
    const sim::RunSummary summary = sim::summarise(runs[i], options[i].threads);
    events += summary.events;
    io::write_run_files(folder, "councils/" + c.name + "/", c.scenario, options[i], summary,
                        {c.file, provenance.councils[i].wall_seconds, o.threads_used()},
                        {o.per_replication ? &runs[i] : nullptr, o.foreign(), o.xlsx});
  }

  const sim::RunSummary summary = sim::summarise(total, o.threads);
  const double seconds = seconds_since(t0);
  sim::Scenario whole;  // what the outputs need of a scenario: the region's name and calendar
  whole.name = region.name;
  whole.hash = region.hash;
  whole.start_date = region.councils.front().scenario.start_date;
  whole.horizon_months = total.months;
  sim::RunOptions whole_options = options.front();
  io::RunOutputOptions written{o.per_replication ? &total : nullptr, o.foreign(), false};
  written.region = &provenance;
  io::write_run_files(folder, "", whole, whole_options, summary, {region_file, seconds, o.threads_used()}, written);
  folder.commit();
  std::cout << "caseflow: ran region '" << region.name << "': " << region.councils.size() << " councils x "
            << options.front().replications << " replications x " << total.months << " months in " << seconds
            << " s (" << events << " events); outputs in " << out << "\n";
}

}  // namespace caseflow::app
