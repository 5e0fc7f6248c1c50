#include "app/mpi/run_job.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "app/command_failure.h"
#include "app/mpi/job.h"
#include "app/mpi/rank_reports.h"
#include "app/mpi/region_job.h"
#include "app/mpi/scenario_job.h"
#include "io/region_yaml.h"

namespace caseflow::app::mpi {

namespace {

constexpr std::string_view kProgram = "caseflow-mpi";

// A failure as a report to rank 0: its status, and its message naming the rank it happened on.
RankReport failure_report(const World& world) {
  const CommandFailure failure = command_failure(std::current_exception(), kProgram);
  return {failure.status, failure.message + " (" + world.describe() + ")"};
}

// Rank 0's part after the slices have run: every other rank's slice read back and merged with
// its own, and the outputs of the whole run written. The first failure (in rank order) is what
// the job reports; nothing is written then.
std::optional<CommandFailure> merge_and_write(const Options& o, Job& job, const World& world,
                                              std::optional<CommandFailure> failure) {
  gather_reports(world, {}, [&](int rank, RankReport report) {
    if (rank == 0 || failure) return;  // rank 0's own slice is kept by the job; after a failure, nothing is read
    if (report.status != 0) {
      failure = CommandFailure{report.status, std::move(report.bytes)};
      return;
    }
    try {
      job.add_received(rank, std::move(report.bytes));
    } catch (...) {
      failure = command_failure(std::current_exception(), kProgram);
    }
  });
  if (failure) return failure;
  try {
    job.merge_and_write(o, world);
  } catch (...) {
    return command_failure(std::current_exception(), kProgram);
  }
  return std::nullopt;
}

}  // namespace

int run_job(const World& world, int argc, const char* const* argv) {
  CLI::App app{"caseflow-mpi: `caseflow run` across the ranks of an MPI job; rank 0 writes the outputs"};
  app.require_subcommand(1);
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "run", "Simulate a scenario's (or a region's) replications across the ranks; rank 0 writes the outputs");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file, or a region file of several councils")->required();
  add_simulation_options(*cmd, *o, "the scenario's", "out/<scenario name>");
  cmd->footer("\nExample:\n  mpirun -np 4 caseflow-mpi run scenarios/baseline.yaml --reps 1000 --threads 1 --out out/baseline"
              "\n  mpirun -np 4 caseflow-mpi run scenarios/region-example/region.yaml --threads 1 --out out/region");

  // Set up: every rank parses the same command line and loads the same scenario or region, so
  // a bad input fails every rank alike, and rank 0 prints the usual message once. A failure on
  // another rank alone (a scenario file missing on its host, say) is printed naming the rank.
  std::optional<CommandFailure> failure;  // on rank 0: the job's, the first in rank order
  std::unique_ptr<Job> job;
  RankReport report;
  try {
    app.parse(argc, argv);
    // Ranks sharing a machine share its cores, unless --threads says otherwise.
    if (!o->threads)
      o->threads = std::max(1u, std::thread::hardware_concurrency() / static_cast<unsigned>(world.ranks_on_host()));
    job = io::is_region_file(o->scenario) ? region_job() : scenario_job();
    job->set_up(*o, world);
  } catch (const CLI::Success& e) {  // --help: the same on every rank, printed by rank 0
    return world.root() ? app.exit(e) : 0;
  } catch (...) {
    if (world.root())
      failure = command_failure(std::current_exception(), kProgram);
    else
      report = failure_report(world);
  }
  gather_reports(world, std::move(report), [&](int rank, RankReport theirs) {
    if (rank != 0 && theirs.status != 0 && !failure) failure = CommandFailure{theirs.status, std::move(theirs.bytes)};
  });
  if (world.root() && failure) std::cerr << failure->message << "\n";
  if (const int status = broadcast_status(failure ? failure->status : 0); status != 0) return status;

  // Run: each rank its slice; every rank but 0 sends it as a shard, or its failure.
  report = {};
  try {
    job->run_slice(*o, world);
    if (!world.root()) report.bytes = job->slice_bytes();
  } catch (...) {
    report = failure_report(world);
    if (world.root()) failure = CommandFailure{report.status, report.bytes};
  }
  if (!world.root()) {
    job.reset();  // its slice is sent: its memory goes before the others' arrive at rank 0
    gather_reports(world, std::move(report), {});
    return broadcast_status(0);  // rank 0's
  }
  failure = merge_and_write(*o, *job, world, std::move(failure));
  if (failure) std::cerr << failure->message << "\n";
  return broadcast_status(failure ? failure->status : 0);
}

}  // namespace caseflow::app::mpi
