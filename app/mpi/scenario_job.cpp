#include "app/mpi/scenario_job.h"

#include <chrono>
#include <iostream>
#include <sstream>
#include <vector>

#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/memory_limit.h"
#include "app/mpi/injected_failure.h"
#include "app/progress_line.h"
#include "app/report_file.h"
#include "app/shard_header.h"
#include "io/output_dir.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/shard_file.h"
#include "io/shard_merge.h"
#include "io/user_error.h"
#include "sim/pooled_run.h"
#include "sim/runner.h"
#include "sim/shard_slice.h"

namespace caseflow::app::mpi {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

class ScenarioJob : public Job {
 public:
  // The checks of `caseflow run` (and of --shard: no rank without replications), made on every
  // rank; the output folder only on rank 0, which writes it. Each rank checks the memory it
  // will hold: its slice, and on rank 0 every replication, which it merges.
  void set_up(const Options& o, const World& world) override {
    loaded_ = io::load_scenario_and_draws(o.scenario);
    apply_horizon(o, loaded_);
    whole_ = o.run_options(loaded_.scenario);
    check_draws_fit(loaded_, o.scenario, whole_.replications);
    const auto ranks = static_cast<std::uint32_t>(world.size());
    if (ranks > whole_.replications)
      throw io::UserError(std::to_string(ranks) + " MPI ranks for " + std::to_string(whole_.replications) +
                          " replications would leave some ranks without any: run at most " +
                          std::to_string(whole_.replications) + " ranks, or more --reps");
    shard_ = {static_cast<std::uint32_t>(world.rank()) + 1, ranks};
    slice_ = sim::shard_slice(whole_.replications, shard_.index, shard_.count);
    out_ = o.out.empty() ? io::default_output_folder(loaded_.scenario.name) : o.out;
    if (world.root()) {
      io::check_output_folder(out_, o.foreign());
      check_memory(loaded_.scenario, whole_, o.max_memory);
    } else {
      sim::RunOptions mine = whole_;
      mine.replications = slice_.count;
      check_memory(loaded_.scenario, mine, o.max_memory);
    }
  }

  // This rank's slice, simulated, with the header that says which slice of which run it is.
  void run_slice(const Options& o, const World& world) override {
    sim::RunOptions options = whole_;
    options.first_replication = slice_.first;
    options.replications = slice_.count;
    const auto t0 = std::chrono::steady_clock::now();
    ProgressLine progress(options.replications, world.root() && ProgressLine::shown_on_stderr(o.quiet), std::cerr);
    sim::Replications replications = sim::simulate_with_draws(loaded_.scenario, loaded_.draws, options,
                                                              whole_.replications, progress.callback());
    progress.finish();
    fail_if_injected(world.rank());
    io::ShardHeader header = shard_header(loaded_.scenario, o.scenario, whole_, shard_, slice_, replications,
                                          o.threads_used(), seconds_since(t0));
    shards_.push_back({"MPI rank " + std::to_string(world.rank()), {std::move(header), std::move(replications)}});
  }

  std::string slice_bytes() override {
    std::ostringstream bytes;
    io::write_shard_file(bytes, shards_.front().shard.header, shards_.front().shard.replications);
    return std::move(bytes).str();
  }

  void add_received(int rank, std::string bytes) override {
    const std::string name = "MPI rank " + std::to_string(rank);
    const std::size_t size = bytes.size();
    std::istringstream in(std::move(bytes));
    shards_.push_back({name, io::read_shard(in, size, name)});
  }

  // The outputs of the whole run, as `caseflow run` writes them but with the ranks' wall times
  // added up, the rule of `caseflow merge`.
  void merge_and_write(const Options& o, const World& world) override {
    const auto t0 = std::chrono::steady_clock::now();
    const io::MergedShards merged = io::merge_shard_files(std::move(shards_));
    const sim::RunSummary summary = sim::summarise(merged.replications, whole_.threads);
    io::write_run_outputs(out_, loaded_.scenario, whole_, summary, {o.scenario, merged.wall_seconds, o.threads_used()},
                          {o.per_replication ? &merged.replications : nullptr, o.foreign(), o.xlsx});
    if (o.report) add_report_to_output_set(out_);
    std::cout << "caseflow: ran '" << loaded_.scenario.name << "' on " << world.size()
              << (world.size() == 1 ? " MPI rank: " : " MPI ranks: ") << counted(whole_.replications, "replication")
              << over_draws(loaded_) << " x "
              << counted(loaded_.scenario.horizon_months, "month") << ", " << merged.wall_seconds << " s of simulation in all ("
              << summary.events << " events), merged in " << seconds_since(t0) << " s; outputs in " << out_ << "\n";
  }

 private:
  io::LoadedScenario loaded_;  // the scenario, and its parameter draws when it names some
  sim::RunOptions whole_;  // every replication of the run
  ShardOption shard_;      // this rank's slice: rank k is shard k+1 of N
  sim::ShardSlice slice_;
  std::string out_;
  std::vector<io::NamedShard> shards_;  // this rank's, then on rank 0 the others' as they arrive
};

}  // namespace

std::unique_ptr<Job> scenario_job() { return std::make_unique<ScenarioJob>(); }

}  // namespace caseflow::app::mpi
