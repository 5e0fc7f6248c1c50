#pragma once
// A team's cases waiting for a worker, in allocation order: by priority (lower first), then
// in order of arrival. Priorities are a handful of small numbers (the stage table's), so one
// first-in-first-out line per priority gives that order with O(1) push and pop (exactly the
// order of a heap on priority and arrival number, which it replaced).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/fifo.h"

namespace caseflow::sim {

template <typename Entry>
class WaitQueue {
 public:
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }

  void push(std::uint8_t priority, const Entry& e) {
    if (lines_.size() <= priority) lines_.resize(priority + std::size_t{1});
    lines_[priority].push_back(e);
    if (priority < first_) first_ = priority;
    ++count_;
  }

  // The first waiting entry (the queue must not be empty).
  const Entry& top() const { return lines_[first_].front(); }

  void pop() {
    lines_[first_].pop_front();
    --count_;
    if (lines_[first_].empty()) {
      while (first_ < lines_.size() && lines_[first_].empty()) ++first_;
      if (count_ == 0) first_ = kNoLine;
    }
  }

 private:
  static constexpr std::size_t kNoLine = static_cast<std::size_t>(-1);
  std::vector<engine::Fifo<Entry>> lines_;
  std::size_t first_ = kNoLine, count_ = 0;
};

}  // namespace caseflow::sim
