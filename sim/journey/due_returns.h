#pragma once
// Returns due, by the day they reach the front door: a list per day, in the order they were
// scheduled. The lists share one pool of nodes with a free list, so a run allocates only
// while the pool grows to the most returns pending at once (a vector per day would allocate
// for every day that has any, since each is used once).
#include <cstdint>
#include <vector>

namespace caseflow::sim {

class DueReturns {
 public:
  struct Due {
    double time;
    std::uint32_t child;
  };

  void reset(std::size_t days) {
    head_.assign(days, kNone);
    tail_.assign(days, kNone);
    nodes_.clear();
    free_ = kNone;
  }
  std::size_t days() const { return head_.size(); }

  void add(std::size_t day, double time, std::uint32_t child) {
    std::uint32_t n;
    if (free_ != kNone) {
      n = free_;
      free_ = nodes_[n].next;
    } else {
      n = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
    }
    nodes_[n] = {{time, child}, kNone};
    if (tail_[day] == kNone)
      head_[day] = n;
    else
      nodes_[tail_[day]].next = n;
    tail_[day] = n;
  }

  // Moves the day's returns, in scheduling order, into `out` (cleared first).
  void take(std::size_t day, std::vector<Due>& out) {
    out.clear();
    for (std::uint32_t n = head_[day]; n != kNone;) {
      out.push_back(nodes_[n].due);
      const std::uint32_t next = nodes_[n].next;
      nodes_[n].next = free_;
      free_ = n;
      n = next;
    }
    head_[day] = tail_[day] = kNone;
  }

 private:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  struct Node {
    Due due;
    std::uint32_t next;
  };
  std::vector<std::uint32_t> head_, tail_;
  std::vector<Node> nodes_;
  std::uint32_t free_ = kNone;
};

}  // namespace caseflow::sim
