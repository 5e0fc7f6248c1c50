#include "app/mpi/region_job.h"

#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>
#include <vector>

#include "app/counted.h"
#include "app/drawn_run.h"
#include "app/mpi/injected_failure.h"
#include "app/progress_line.h"
#include "app/region_run.h"
#include "io/output_dir.h"
#include "io/region_shard_file.h"
#include "io/region_shard_merge.h"
#include "io/user_error.h"
#include "sim/shard_slice.h"

namespace caseflow::app::mpi {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

class RegionJob : public Job {
 public:
  // The checks of `caseflow run REGION.yaml` on every rank; the output folder only on rank 0.
  // Each rank checks the memory it will hold: every council's slice, and on rank 0 every
  // council's replications, which it merges.
  void set_up(const Options& o, const World& world) override {
    check_region_run_options(o);
    plan_.emplace(plan_region(o, o.scenario));
    const std::uint32_t total = plan_->replications();
    const auto ranks = static_cast<std::uint32_t>(world.size());
    if (ranks > total)
      throw io::UserError(std::to_string(ranks) + " MPI ranks for " + std::to_string(total) +
                          " replications would leave some ranks without any: run at most " + std::to_string(total) +
                          " ranks, or more --reps");
    shard_ = {static_cast<std::uint32_t>(world.rank()) + 1, ranks};
    slice_ = sim::shard_slice(total, shard_.index, shard_.count);
    out_ = o.out.empty() ? io::default_output_folder(plan_->region.name) : o.out;
    if (world.root()) io::check_output_folder(out_, o.foreign());
    check_region_memory(*plan_, world.root() ? total : slice_.count, o);
  }

  void run_slice(const Options& o, const World& world) override {
    ProgressLine progress(std::uint64_t{slice_.count} * plan_->region.councils.size(),
                          world.root() && ProgressLine::shown_on_stderr(o.quiet), std::cerr);
    CouncilRuns runs = simulate_councils(*plan_, slice_, progress.callback());
    progress.finish();
    fail_if_injected(world.rank());
    shards_.push_back({"MPI rank " + std::to_string(world.rank()),
                       region_shard(*plan_, shard_, slice_, std::move(runs), o.threads_used())});
  }

  std::string slice_bytes() override {
    std::ostringstream bytes;
    io::write_region_shard_file(bytes, shards_.front().shard);
    return std::move(bytes).str();
  }

  void add_received(int rank, std::string bytes) override {
    const std::string name = "MPI rank " + std::to_string(rank);
    const std::size_t size = bytes.size();
    std::istringstream in(std::move(bytes));
    shards_.push_back({name, io::read_region_shard(in, size, name)});
  }

  // The outputs of `caseflow run REGION.yaml`, with each council's wall time the ranks' added
  // up and the region's the councils', the rule of `caseflow merge`.
  void merge_and_write(const Options& o, const World& world) override {
    const auto t0 = std::chrono::steady_clock::now();
    const io::MergedRegionShards merged = io::merge_region_shard_files(std::move(shards_));
    std::vector<const sim::Replications*> councils;
    std::vector<double> council_seconds;
    double seconds = 0;
    for (const auto& c : merged.councils) {
      councils.push_back(&c.replications);
      council_seconds.push_back(c.wall_seconds);
      seconds += c.wall_seconds;
    }
    const std::uint64_t events = write_region_run(o, *plan_, out_, councils, council_seconds, seconds,
                                                  o.threads_used());
    std::cout << "caseflow: ran region '" << plan_->region.name << "' on " << world.size()
              << (world.size() == 1 ? " MPI rank: " : " MPI ranks: ")
              << counted(plan_->region.councils.size(), "council") << " x "
              << counted(plan_->replications(), "replication") << " x "
              << counted(merged.councils.front().replications.months, "month")
              << councils_over_draws(plan_->region) << ", " << seconds << " s of simulation in all ("
              << events << " events), merged in " << seconds_since(t0) << " s; outputs in " << out_ << "\n";
  }

 private:
  std::optional<RegionPlan> plan_;
  ShardOption shard_;  // this rank's slice: rank k is shard k+1 of N
  sim::ShardSlice slice_;
  std::string out_;
  std::vector<io::NamedRegionShard> shards_;  // this rank's, then on rank 0 the others' as they arrive
};

}  // namespace

std::unique_ptr<Job> region_job() { return std::make_unique<RegionJob>(); }

}  // namespace caseflow::app::mpi
