#include "app/mpi/run_job.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "app/command_failure.h"
#include "app/memory_limit.h"
#include "app/mpi/injected_failure.h"
#include "app/mpi/rank_reports.h"
#include "app/progress_line.h"
#include "app/report_file.h"
#include "app/shard_header.h"
#include "app/simulation_options.h"
#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/shard_file.h"
#include "io/shard_merge.h"
#include "io/user_error.h"
#include "sim/runner.h"
#include "sim/shard_slice.h"

namespace caseflow::app::mpi {

namespace {

struct Options : SimulationOptions {
  std::string scenario;
};

// What every rank works out alike from the command line before any replication runs.
struct Job {
  sim::Scenario scenario;
  sim::RunOptions whole;  // every replication of the run
  ShardOption shard;      // this rank's slice: rank k is shard k+1 of N
  sim::ShardSlice slice;
  std::string out;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The checks of `caseflow run` (and of --shard: no rank without replications), made on every
// rank; the output folder only on rank 0, which writes it. Each rank checks the memory it
// will hold: its slice, and on rank 0 every replication, which it merges.
Job set_up(Options& o, const World& world) {
  Job job;
  job.scenario = io::load_scenario(o.scenario);
  o.apply_horizon(job.scenario);
  // Ranks sharing a machine share its cores, unless --threads says otherwise.
  if (!o.threads)
    o.threads = std::max(1u, std::thread::hardware_concurrency() / static_cast<unsigned>(world.ranks_on_host()));
  job.whole = o.run_options(job.scenario);
  const auto ranks = static_cast<std::uint32_t>(world.size());
  if (ranks > job.whole.replications)
    throw io::UserError(std::to_string(ranks) + " MPI ranks for " + std::to_string(job.whole.replications) +
                        " replications would leave some ranks without any: run at most " +
                        std::to_string(job.whole.replications) + " ranks, or more --reps");
  job.shard = {static_cast<std::uint32_t>(world.rank()) + 1, ranks};
  job.slice = sim::shard_slice(job.whole.replications, job.shard.index, job.shard.count);
  job.out = o.out.empty() ? io::default_output_folder(job.scenario.name) : o.out;
  if (world.root()) {
    io::check_output_folder(job.out, o.foreign());
    check_memory(job.scenario, job.whole, o.max_memory);
  } else {
    sim::RunOptions mine = job.whole;
    mine.replications = job.slice.count;
    check_memory(job.scenario, mine, o.max_memory);
  }
  return job;
}

// This rank's slice, simulated, with the header that says which slice of which run it is.
io::ShardFile run_slice(const Options& o, const Job& job, const World& world) {
  sim::RunOptions options = job.whole;
  options.first_replication = job.slice.first;
  options.replications = job.slice.count;
  const auto t0 = std::chrono::steady_clock::now();
  ProgressLine progress(options.replications, world.root() && ProgressLine::shown_on_stderr(o.quiet), std::cerr);
  sim::Replications replications = sim::simulate_replications(job.scenario, options, progress.callback());
  progress.finish();
  fail_if_injected(world.rank());
  io::ShardHeader header = shard_header(job.scenario, o.scenario, job.whole, job.shard, job.slice, replications,
                                        o.threads_used(), seconds_since(t0));
  return {std::move(header), std::move(replications)};
}

// A failure as a report to rank 0: its status, and its message naming the rank it happened on.
RankReport failure_report(const World& world) {
  const CommandFailure failure = command_failure(std::current_exception());
  return {failure.status, failure.message + " (" + world.describe() + ")"};
}

// Rank 0's part after the slices have run: every other rank's shard read back and merged with
// its own, and the outputs of the whole run written, as `caseflow run` writes them but with
// the ranks' wall times added up, the rule of `caseflow merge`. The first failure (in rank
// order) is what the job reports; nothing is written then.
std::optional<CommandFailure> merge_and_write(const Options& o, const Job& job, const World& world,
                                              std::optional<io::ShardFile> own, std::optional<CommandFailure> failure) {
  std::vector<io::NamedShard> shards;
  if (own) shards.push_back({"MPI rank 0", std::move(*own)});
  own.reset();
  gather_reports(world, {}, [&](int rank, RankReport report) {
    if (rank == 0 || failure) return;  // rank 0's own shard is above; after a failure, nothing is read
    if (report.status != 0) {
      failure = CommandFailure{report.status, std::move(report.bytes)};
      return;
    }
    const std::string name = "MPI rank " + std::to_string(rank);
    try {
      const std::size_t size = report.bytes.size();
      std::istringstream bytes(std::move(report.bytes));
      shards.push_back({name, io::read_shard(bytes, size, name)});
    } catch (...) {
      failure = command_failure(std::current_exception());
    }
  });
  if (failure) return failure;
  try {
    const auto t0 = std::chrono::steady_clock::now();
    const io::MergedShards merged = io::merge_shard_files(std::move(shards));
    const sim::RunSummary summary = sim::summarise(merged.replications, job.whole.threads);
    io::write_run_outputs(job.out, job.scenario, job.whole, summary,
                          {o.scenario, merged.wall_seconds, o.threads_used()},
                          {o.per_replication ? &merged.replications : nullptr, o.foreign(), o.xlsx});
    if (o.report) add_report_to_output_set(job.out);
    std::cout << "caseflow: ran '" << job.scenario.name << "' on " << world.size()
              << (world.size() == 1 ? " MPI rank: " : " MPI ranks: ")
              << job.whole.replications << " replications x " << job.scenario.horizon_months << " months, "
              << merged.wall_seconds << " s of simulation in all (" << summary.events << " events), merged in "
              << seconds_since(t0) << " s; outputs in " << job.out << "\n";
  } catch (...) {
    return command_failure(std::current_exception());
  }
  return std::nullopt;
}

}  // namespace

int run_job(const World& world, int argc, const char* const* argv) {
  CLI::App app{"caseflow-mpi: `caseflow run` across the ranks of an MPI job; rank 0 writes the outputs"};
  app.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("run", "Simulate a scenario's replications across the ranks; rank 0 writes the outputs");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  add_simulation_options(*cmd, *o, "the scenario's", "out/<scenario name>");
  cmd->footer("\nExample:\n  mpirun -np 4 caseflow-mpi run scenarios/baseline.yaml --reps 1000 --threads 1 --out out/baseline");

  // Set up: every rank parses the same command line and loads the same scenario, so a bad
  // input fails every rank alike, and rank 0 prints the usual message once. A failure on
  // another rank alone (a scenario file missing on its host, say) is printed naming the rank.
  std::optional<CommandFailure> failure;  // on rank 0: the job's, the first in rank order
  std::optional<Job> job;
  RankReport report;
  try {
    app.parse(argc, argv);
    job = set_up(*o, world);
  } catch (const CLI::Success& e) {  // --help: the same on every rank, printed by rank 0
    return world.root() ? app.exit(e) : 0;
  } catch (...) {
    if (world.root())
      failure = command_failure(std::current_exception());
    else
      report = failure_report(world);
  }
  gather_reports(world, std::move(report), [&](int rank, RankReport theirs) {
    if (rank != 0 && theirs.status != 0 && !failure) failure = CommandFailure{theirs.status, std::move(theirs.bytes)};
  });
  if (world.root() && failure) std::cerr << failure->message << "\n";
  if (const int status = broadcast_status(failure ? failure->status : 0); status != 0) return status;

  // Run: each rank its slice; every rank but 0 sends it as a shard, or its failure.
  std::optional<io::ShardFile> own;
  report = {};
  try {
    io::ShardFile slice = run_slice(*o, *job, world);
    if (world.root()) {
      own = std::move(slice);
    } else {
      std::ostringstream bytes;
      io::write_shard_file(bytes, slice.header, slice.replications);
      report.bytes = std::move(bytes).str();
    }
  } catch (...) {
    report = failure_report(world);
    if (world.root()) failure = CommandFailure{report.status, report.bytes};
  }
  if (!world.root()) {
    gather_reports(world, std::move(report), {});
    return broadcast_status(0);  // rank 0's
  }
  failure = merge_and_write(*o, *job, world, std::move(own), std::move(failure));
  if (failure) std::cerr << failure->message << "\n";
  return broadcast_status(failure ? failure->status : 0);
}

}  // namespace caseflow::app::mpi
