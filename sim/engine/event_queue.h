#pragma once
// The future event list of small POD records: per-window buckets, each sorted once when its
// window begins, plus a 4-ary min-heap for events that arrive in the window already running.
// Ties at the same time are broken by priority class and then by scheduling order (sequence
// number), so the same seed always gives the same event order.
//
// Layout and comparison (see docs/performance.md, "Engine"):
// - Times are never negative, so the IEEE-754 bits of a time order the same way as the time
//   itself when read as an unsigned 64-bit integer. The key (time bits, order) is then compared
//   as a 128-bit unsigned integer with a branchless two-word compare, and the four children of
//   a node are reduced by a two-round tournament that compiles to conditional moves.
// - Events are grouped by window of time (one day by default). Later windows' events wait
//   unsorted in a ring of per-window buckets (appending is O(1)); events beyond the ring wait
//   in an overflow list that is redistributed into the ring every half turn. When the current
//   window is used up, the next non-empty bucket is sorted once and read in order. Events
//   scheduled into the current window while it runs (a same-day follow-up) go to a small
//   heap, and a pop takes the earlier of the heap's top and the sorted run's next event.
//   A model with a few thousand pending events but a few dozen a day so sorts a few dozen
//   events a day instead of pushing every event through a heap of thousands.
//   A window is a function of time that never decreases with it (floor(time / width)), so
//   every current-window event is earlier than every bucket event.
// - The heap lives in 64-byte-aligned storage, offset by one 32-byte Event, so the four
//   children of every node (indices 4i+1 .. 4i+4) fill exactly two cache lines.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <new>
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
static_assert(sizeof(Event) == 32, "two events per cache line");

class EventQueue {
 public:
  // `window_width` is the span of time whose events are sorted together; a width that holds
  // a few dozen events is best (the model's day; the default suits time in days).
  explicit EventQueue(Time window_width = 1.0) : inverse_width_(1.0 / window_width) {
    assert(window_width > 0.0 && window_width < 1e300 && "EventQueue: window width must be positive and finite");
  }

  // Lower priority classes run first among events at the same time. Times must be >= 0
  // (and not NaN): the queue orders times by their bit patterns.
  void schedule(Time time_days, std::uint8_t priority_class, std::uint32_t kind, std::uint32_t entity,
                std::uint32_t tag = 0) {
    assert(time_days >= 0.0 && "EventQueue: event times must be non-negative");
    // + 0.0 turns a -0.0 (whose bits would sort after every positive time) into +0.0.
    const Event e{time_days + 0.0, (std::uint64_t{priority_class} << 56) | (next_sequence_++ & kSequenceMask),
                  kind, entity, tag};
    if (!place_within_ring(e)) overflow_.push_back(e);
  }

  bool empty() const { return current_size() == 0 && in_ring_ == 0 && overflow_.empty(); }
  std::size_t size() const { return current_size() + in_ring_ + overflow_.size(); }
  const Event& top() {
    refill();
    assert(current_size() > 0);
    return heap_first() ? base()[0] : run_[run_next_];
  }

  // The event pop() will return next if it is in the current window, else null; unlike
  // top() it never moves on to the next window. For prefetching what the next event reads.
  const Event* peek_current() const {
    if (current_size() == 0) return nullptr;
    return heap_first() ? &base()[0] : &run_[run_next_];
  }

  Event pop() {
    refill();
    assert(current_size() > 0);
    if (!heap_first()) return run_[run_next_++];
    Event* h = base();
    const Event first = h[0];
    --size_;
    if (size_ != 0) place_from_root(h, h[size_]);
    return first;
  }

  void clear() {
    size_ = 0;
    run_.clear();
    run_next_ = 0;
    for (auto& bucket : ring_) bucket.clear();
    in_ring_ = 0;
    overflow_.clear();
    current_ = 0;
    ring_end_ = kRingSize;
    next_sequence_ = 0;
  }
  void reserve(std::size_t n) {
    if (n > capacity()) grow(n);
  }

 private:
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << 56) - 1;
  static constexpr std::size_t kArity = 4;
  static constexpr std::int64_t kRingSize = 512;  // windows ahead kept in buckets (about 17 months of days)
  static constexpr std::size_t kRingMask = kRingSize - 1;

  // Capped so that far-future times (say 1e300) stay representable; they share the last window.
  std::int64_t window_of(Time t) const { return static_cast<std::int64_t>(std::min(t * inverse_width_, 0x1p62)); }

  // Puts the event in the current window's heap or in its window's bucket; false when its
  // window is beyond the ring (the caller keeps it in the overflow).
  bool place_within_ring(const Event& e) {
    const std::int64_t w = window_of(e.time_days);
    if (w <= current_) {
      push_heap(e);
    } else if (w < ring_end_) {
      ring_[static_cast<std::size_t>(w) & kRingMask].push_back(e);
      ++in_ring_;
    } else {
      return false;
    }
    return true;
  }

  void push_heap(const Event& e) {
    if (size_ >= capacity()) grow(size_);
    sift_up(base(), size_++, e);
  }

  std::size_t current_size() const { return size_ + (run_.size() - run_next_); }
  // Whether the earliest current-window event is the heap's top rather than the run's next.
  bool heap_first() const {
    if (size_ == 0) return false;
    return run_next_ == run_.size() || before(base()[0], run_[run_next_]);
  }

  // When the current window is used up, moves to the next window that has events and sorts
  // them into the run.
  void refill() {
    while (current_size() == 0 && !(in_ring_ == 0 && overflow_.empty())) {
      if (in_ring_ == 0) {
        // Nothing in the ring: jump to the earliest overflow window.
        std::int64_t first = window_of(overflow_.front().time_days);
        for (const Event& e : overflow_) first = std::min(first, window_of(e.time_days));
        current_ = first - 1;
        ring_end_ = current_ + 1;  // forces the overflow into the ring below
      }
      ++current_;
      if (current_ + kRingSize / 2 >= ring_end_) spill_overflow();
      auto& bucket = ring_[static_cast<std::size_t>(current_) & kRingMask];
      in_ring_ -= bucket.size();
      run_.clear();
      run_.swap(bucket);  // the bucket keeps the old run's storage for its next turn
      run_next_ = 0;
      std::sort(run_.begin(), run_.end(), [](const Event& a, const Event& b) { return before(a, b); });
    }
  }

  // Extends the ring to cover kRingSize windows from the current one, moving the overflow
  // events that now fall inside it. Runs once every half turn of the ring.
  void spill_overflow() {
    ring_end_ = current_ + kRingSize;
    std::size_t kept = 0;
    for (const Event& e : overflow_)
      if (!place_within_ring(e)) overflow_[kept++] = e;
    overflow_.resize(kept);
  }

  // Heap index i lives in heap_[i + 1]; heap_[0] is padding, so with 64-byte-aligned storage
  // the children of node i (heap_[4i + 2] .. heap_[4i + 5]) are exactly two cache lines.
  template <class T>
  struct CacheLineAllocator {
    using value_type = T;
    CacheLineAllocator() = default;
    template <class U>
    CacheLineAllocator(const CacheLineAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{64})); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, std::align_val_t{64}); }
    template <class U>
    bool operator==(const CacheLineAllocator<U>&) const { return true; }
  };

  Event* base() { return heap_.data() + 1; }
  const Event* base() const { return heap_.data() + 1; }
  // Number of heap slots available.
  std::size_t capacity() const { return heap_.empty() ? 0 : heap_.size() - 1; }

  // Grows so that capacity() > n.
  void grow(std::size_t n) {
    std::size_t slots = heap_.empty() ? 32 : heap_.size() * 2;
    while (slots - 1 <= n) slots *= 2;
    heap_.resize(slots);
  }

  // (time bits, order) as a 128-bit unsigned integer, compared without branches.
  static bool before(const Event& a, const Event& b) {
    const std::uint64_t ta = std::bit_cast<std::uint64_t>(a.time_days);
    const std::uint64_t tb = std::bit_cast<std::uint64_t>(b.time_days);
    return (ta < tb) | ((ta == tb) & (a.order < b.order));
  }

  static void sift_up(Event* h, std::size_t i, const Event e) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!before(e, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = e;
  }

  // Floyd's pop: walk the hole at the root down along the earliest children to a leaf,
  // then sift the displaced last element up from there. The last element usually belongs
  // near the bottom, so this saves most comparisons against it.
  void place_from_root(Event* h, const Event e) {
    const std::size_t n = size_;
    std::size_t i = 0;
    for (;;) {
      const std::size_t c = i * kArity + 1;
      if (c + kArity <= n) {
        // All four children present: a two-round tournament (conditional moves, no branches).
        const std::size_t a = before(h[c + 1], h[c]) ? c + 1 : c;
        const std::size_t b = before(h[c + 3], h[c + 2]) ? c + 3 : c + 2;
        const std::size_t best = before(h[b], h[a]) ? b : a;
        h[i] = h[best];
        i = best;
        continue;
      }
      if (c < n) {  // the one node with fewer than four children
        std::size_t best = c;
        for (std::size_t k = c + 1; k < n; ++k)
          if (before(h[k], h[best])) best = k;
        h[i] = h[best];
        i = best;
      }
      break;
    }
    sift_up(h, i, e);
  }

  std::vector<Event, CacheLineAllocator<Event>> heap_;  // current-window events scheduled late
  std::size_t size_ = 0;
  std::vector<Event> run_;  // the current window's events as sorted when it began
  std::size_t run_next_ = 0;
  Time inverse_width_;
  std::int64_t current_ = 0;            // the window of the run and the heap
  std::int64_t ring_end_ = kRingSize;   // windows in (current_, ring_end_) are in the ring
  std::array<std::vector<Event>, kRingSize> ring_;
  std::size_t in_ring_ = 0;
  std::vector<Event> overflow_;          // windows at or after ring_end_
  std::uint64_t next_sequence_ = 0;
};

}  // namespace caseflow::engine
