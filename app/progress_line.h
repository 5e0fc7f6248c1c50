#pragma once
// The progress of a long run on stderr: "caseflow: 412 of 2000 replications, 10 s, about
// 38 s left", rewritten in place. Shown only when stderr is a terminal (a log file or a pipe
// gets nothing) and not --quiet, and only once the run has taken a second, so short runs
// print nothing; cleared when the run ends.
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>

namespace caseflow::app {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;
  // `show`: whether to draw at all (see shown_on_stderr). `quiet_for`: how long a run may take
  // before the line appears. A `total` of 0: the end is not known in advance (a plan searches
  // until its answer holds), and the line counts replications and time without a time left.
  ProgressLine(std::uint64_t total, bool show, std::ostream& out,
               Clock::duration quiet_for = std::chrono::seconds(1));
  ~ProgressLine();  // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // One replication done; safe from any thread.
  void step();
  // Clears the line (before the command prints its result).
  void finish();
  // For sim::simulate_replications.
  std::function<void()> callback() {
    return [this] { step(); };
  }

  // Whether a progress line belongs on stderr: it is a terminal and the user did not ask quiet.
  static bool shown_on_stderr(bool quiet);

 private:
  void clear();

  std::uint64_t total_, done_ = 0;
  bool show_;
  std::ostream& out_;
  Clock::time_point start_ = Clock::now(), last_drawn_{};
  Clock::duration quiet_for_;
  bool drawn_ = false;
  std::mutex mutex_;
};

}  // namespace caseflow::app
