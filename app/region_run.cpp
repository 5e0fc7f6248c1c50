#include "app/region_run.h"

#include <chrono>
#include <iostream>

#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/memory_limit.h"
#include "app/progress_line.h"
#include "app/shard_header.h"
#include "caseflow/version.h"
#include "io/output_dir.h"
#include "io/region_outputs.h"
#include "io/region_shard_outputs.h"
#include "io/run_outputs.h"
#include "io/user_error.h"
#include "sim/pooled_run.h"
#include "sim/region_total.h"

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

void check_region_run_options(const SimulationOptions& o) {
  if (o.report)
    throw io::UserError("--report with a region: the report reads one scenario's outputs; run `caseflow report` on "
                        "a council's folder (OUT/councils/NAME) instead");
}

RegionPlan plan_region(const SimulationOptions& o, const std::string& region_file) {
  RegionPlan plan{region_file, io::load_region(region_file, o.horizon_months), {}};
  for (const auto& c : plan.region.councils) {
    plan.options.push_back(council_options(o, plan.region, c));
    // --reps against the council's draws (shared.replications and the scenario's own
    // `replications:` were checked when they were read).
    if (o.reps) check_draws_fit(c.draws.size(), "council '" + c.name + "' (" + c.file + ")", o.reps);
  }
  return plan;
}

void check_region_memory(const RegionPlan& plan, std::uint32_t replications, const SimulationOptions& o) {
  // Every council's replications are held until the region's total (or shard) is made.
  for (std::size_t i = 0; i < plan.region.councils.size(); ++i) {
    const auto& c = plan.region.councils[i];
    sim::RunOptions held = plan.options[i];
    held.replications = replications;
    try {
      check_memory(c.scenario, held, o.max_memory, plan.region.councils.size());
    } catch (const io::UserError& e) {
      throw io::UserError("council '" + c.name + "' (" + c.file + "), with every council's replications held: " +
                          e.what());
    }
  }
}

CouncilRuns simulate_councils(const RegionPlan& plan, sim::ShardSlice slice, const std::function<void()>& progress) {
  CouncilRuns result;
  for (std::size_t i = 0; i < plan.region.councils.size(); ++i) {
    sim::RunOptions options = plan.options[i];
    options.first_replication = slice.first;
    options.replications = slice.count;
    const auto t0 = std::chrono::steady_clock::now();
    const io::RegionCouncil& c = plan.region.councils[i];
    result.runs.push_back(
        sim::simulate_with_draws(c.scenario, c.draws, options, plan.options[i].replications, progress));
    result.wall_seconds.push_back(seconds_since(t0));
  }
  return result;
}

io::RegionShardFile region_shard(const RegionPlan& plan, ShardOption shard, sim::ShardSlice slice,
                                 CouncilRuns councils, unsigned threads) {
  io::RegionShardFile f;
  io::RegionShardHeader& h = f.header;
  h.caseflow_version = kVersion;
  h.git_revision = kGitRevision;
  h.region_name = plan.region.name;
  h.region_file = plan.file;
  h.region_hash = plan.region.hash;
  h.resolved_yaml = plan.region.resolved_yaml;
  h.shard_index = shard.index;
  h.shard_count = shard.count;
  for (std::size_t i = 0; i < plan.region.councils.size(); ++i) {
    const auto& c = plan.region.councils[i];
    h.council_names.push_back(c.name);
    io::ShardHeader council = shard_header(c.scenario, c.file, plan.options[i], shard, slice, councils.runs[i],
                                           threads, councils.wall_seconds[i]);
    f.councils.push_back({std::move(council), std::move(councils.runs[i])});
  }
  return f;
}

std::uint64_t write_region_run(const SimulationOptions& o, const RegionPlan& plan, const std::string& out,
                               const std::vector<const sim::Replications*>& councils,
                               const std::vector<double>& council_seconds, double seconds, unsigned threads) {
  io::RegionProvenance provenance{plan.region.name, plan.file, plan.region.hash, plan.region.resolved_yaml, {}};
  io::RegionRun run;
  run.region = &provenance;
  for (std::size_t i = 0; i < plan.region.councils.size(); ++i) {
    const auto& c = plan.region.councils[i];
    provenance.councils.push_back({c.name, c.scenario.name, c.file, c.scenario.hash, plan.options[i].seed,
                                   council_seconds[i], c.scenario.parameter_draws});
    run.councils.push_back({&c.scenario, plan.options[i], councils[i], {c.file, council_seconds[i], threads}});
  }
  run.total = {plan.file, seconds, threads};
  run.summary_threads = o.threads;
  run.per_replication = o.per_replication;
  run.xlsx = o.xlsx;
  run.foreign = o.foreign();
  return io::write_region_outputs(out, run);
}

void run_region(const SimulationOptions& o, const std::string& region_file) {
  check_region_run_options(o);
  const RegionPlan plan = plan_region(o, region_file);
  const std::string out = o.out.empty() ? io::default_output_folder(plan.region.name) : o.out;
  io::check_output_folder(out, o.foreign());  // before the replications run, not after
  check_region_memory(plan, plan.replications(), o);

  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine progress(std::uint64_t{plan.replications()} * plan.region.councils.size(),
                        ProgressLine::shown_on_stderr(o.quiet), std::cerr);
  const CouncilRuns runs = simulate_councils(plan, {0, plan.replications()}, progress.callback());
  progress.finish();
  std::vector<const sim::Replications*> councils;
  for (const auto& r : runs.runs) councils.push_back(&r);
  const std::uint64_t events =
      write_region_run(o, plan, out, councils, runs.wall_seconds, seconds_since(t0), o.threads_used());
  std::cout << "caseflow: ran region '" << plan.region.name
            << "': " << counted(plan.region.councils.size(), "council") << " x "
            << counted(plan.replications(), "replication") << " x "
            << counted(runs.runs.front().months, "month") << councils_over_draws(plan.region) << " in "
            << seconds_since(t0) << " s (" << events << " events); outputs in " << out << "\n";
}

void run_region_shard(const SimulationOptions& o, const std::string& region_file, ShardOption shard) {
  const RegionPlan plan = plan_region(o, region_file);
  const std::uint32_t total = plan.replications();
  if (shard.count > total)
    throw io::UserError("--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + ": " +
                        std::to_string(shard.count) + " shards of " + std::to_string(total) +
                        " replications would leave some empty: use at most " + std::to_string(total) + " shards");
  const std::string part = plan.region.name + "-shard-" + std::to_string(shard.index) + "-of-" +
                           std::to_string(shard.count);
  const std::string out = o.out.empty() ? io::default_output_folder(part) : o.out;
  io::check_output_folder(out, o.foreign());
  const sim::ShardSlice slice = sim::shard_slice(total, shard.index, shard.count);
  check_region_memory(plan, slice.count, o);

  ProgressLine progress(std::uint64_t{slice.count} * plan.region.councils.size(),
                        ProgressLine::shown_on_stderr(o.quiet), std::cerr);
  CouncilRuns runs = simulate_councils(plan, slice, progress.callback());
  progress.finish();
  double seconds = 0;
  std::uint64_t events = 0;
  for (std::size_t i = 0; i < runs.runs.size(); ++i) {
    seconds += runs.wall_seconds[i];
    events += runs.runs[i].events;
  }
  const int months = runs.runs.front().months;
  io::write_region_shard_outputs(out, region_shard(plan, shard, slice, std::move(runs), o.threads_used()),
                                 o.foreign());
  std::cout << "caseflow: ran shard " << shard.index << "/" << shard.count << " of region '"
            << plan.region.name << "': replications " << slice.first << " to "
            << slice.first + slice.count - 1 << " of " << total << " of " << plan.region.councils.size()
            << " councils x " << months << " months" << councils_over_draws(plan.region) << " in " << seconds
            << " s (" << events << " events); region shard in " << out
            << " (caseflow merge writes the outputs)\n";
}

}  // namespace caseflow::app
