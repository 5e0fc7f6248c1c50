#include "app/progress_line.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace caseflow::app {

namespace {

std::string seconds_text(double s) {
  char text[32];
  if (s < 90)
    std::snprintf(text, sizeof text, "%.0f s", s);
  else
    std::snprintf(text, sizeof text, "%.0f min", std::round(s / 60));
  return text;
}

}  // namespace

ProgressLine::ProgressLine(std::uint64_t total, bool show, std::ostream& out, Clock::duration quiet_for)
    : total_(total), show_(show), out_(out), quiet_for_(quiet_for) {}

ProgressLine::~ProgressLine() {
  std::lock_guard lock(mutex_);
  clear();
}

bool ProgressLine::shown_on_stderr(bool quiet) { return !quiet && ::isatty(STDERR_FILENO) == 1; }

void ProgressLine::step() {
  std::lock_guard lock(mutex_);
  ++done_;
  if (!show_) return;
  const auto now = Clock::now();
  // Redrawn at most five times a second, and the last replication always.
  if (now - start_ < quiet_for_ ||
      (drawn_ && now - last_drawn_ < std::chrono::milliseconds(200) && (total_ == 0 || done_ < total_)))
    return;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (total_ == 0) {  // open-ended (a plan's search): no end to count to, so no time left either
    out_ << "\r\033[Kcaseflow: " << done_ << " replications simulated, " << seconds_text(elapsed);
  } else {
    const double left = done_ ? elapsed * static_cast<double>(total_ - done_) / static_cast<double>(done_) : 0;
    out_ << "\r\033[Kcaseflow: " << done_ << " of " << total_ << " replications, " << seconds_text(elapsed);
    if (done_ < total_) out_ << ", about " << seconds_text(left) << " left";
  }
  out_.flush();
  drawn_ = true;
  last_drawn_ = now;
}

void ProgressLine::finish() {
  std::lock_guard lock(mutex_);
  clear();
}

void ProgressLine::clear() {
  if (!drawn_) return;
  out_ << "\r\033[K";
  out_.flush();
  drawn_ = false;
}

}  // namespace caseflow::app
