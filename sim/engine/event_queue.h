#pragma once
// The future event list: a 4-ary min-heap of small POD records. Ties at the same time are
// broken by priority class and then by scheduling order (sequence number), so the same
// seed always gives the same event order.
#include <cstdint>
#include <utility>
#include <vector>

namespace caseflow::engine {

// Time is measured in days since the scenario's start date (a double: fractions of a day are
// hours). Calendar maps days to civil dates.
using Time = double;

struct Event {
  Time time_days = 0.0;
  std::uint64_t order = 0;  // (priority class << 56) | sequence number
  std::uint32_t kind = 0;   // what happens; meaning belongs to the model
  std::uint32_t entity = 0; // whom it happens to
  std::uint32_t tag = 0;    // model's own check (e.g. a version for lazy cancellation)

  std::uint8_t priority_class() const { return static_cast<std::uint8_t>(order >> 56); }
};

class EventQueue {
 public:
  // Lower priority classes run first among events at the same time.
  void schedule(Time time_days, std::uint8_t priority_class, std::uint32_t kind, std::uint32_t entity,
                std::uint32_t tag = 0) {
    Event e{time_days, (std::uint64_t{priority_class} << 56) | (next_sequence_++ & kSequenceMask), kind,
            entity, tag};
    heap_.push_back(e);
    sift_up(heap_.size() - 1);
  }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }

  Event pop() {
    Event first = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) place_from_root(last);
    return first;
  }

  void clear() {
    heap_.clear();
    next_sequence_ = 0;
  }
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << 56) - 1;
  static constexpr std::size_t kArity = 4;

  static bool before(const Event& a, const Event& b) {
    return a.time_days < b.time_days || (a.time_days == b.time_days && a.order < b.order);
  }

  void sift_up(std::size_t i) {
    Event e = heap_[i];
    while (i > 0) {
      std::size_t parent = (i - 1) / kArity;
      if (!before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  // Floyd's pop: walk the hole at the root down along the earliest children to a leaf,
  // then sift the displaced last element up from there. The last element usually belongs
  // near the bottom, so this saves most comparisons against it.
  void place_from_root(const Event& e) {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      const std::size_t first_child = i * kArity + 1;
      if (first_child >= n) break;
      std::size_t best = first_child;
      const std::size_t last = first_child + kArity < n ? first_child + kArity : n;
      for (std::size_t c = first_child + 1; c < last; ++c)
        if (before(heap_[c], heap_[best])) best = c;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
    sift_up(i);
  }

  std::vector<Event> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace caseflow::engine
