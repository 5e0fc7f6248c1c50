#pragma once
// The future event list: a 4-ary min-heap of small POD records. Ties at the same time are
// broken by priority class and then by scheduling order (sequence number), so the same
// seed always gives the same event order.
//
// Layout and comparison (see docs/performance.md, "Engine"):
// - Times are never negative, so the IEEE-754 bits of a time order the same way as the time
//   itself when read as an unsigned 64-bit integer. The key (time bits, order) is then compared
//   as a 128-bit unsigned integer with a branchless two-word compare, and the four children of
//   a node are reduced by a two-round tournament that compiles to conditional moves.
// - Events at or beyond a moving horizon wait unsorted in a far list and join the heap only
//   when the heap has run dry below the horizon. A simulation keeps many far-off events (a
//   plan ending in a year, a return in six months); keeping them out of the heap keeps the
//   heap small and in cache. Every heap event is before the horizon and every far event at
//   or after it, so the heap's top is always the earliest event overall.
// - The heap lives in 64-byte-aligned storage, offset by one 32-byte Event, so the four
//   children of every node (indices 4i+1 .. 4i+4) fill exactly two cache lines.
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
  // Lower priority classes run first among events at the same time. Times must be >= 0
  // (and not NaN): the queue orders times by their bit patterns.
  void schedule(Time time_days, std::uint8_t priority_class, std::uint32_t kind, std::uint32_t entity,
                std::uint32_t tag = 0) {
    assert(time_days >= 0.0 && "EventQueue: event times must be non-negative");
    // + 0.0 turns a -0.0 (whose bits would sort after every positive time) into +0.0.
    const Event e{time_days + 0.0, (std::uint64_t{priority_class} << 56) | (next_sequence_++ & kSequenceMask),
                  kind, entity, tag};
    if (e.time_days >= horizon_) {
      far_.push_back(e);
      return;
    }
    push_heap(e);
  }

  bool empty() const { return size_ == 0 && far_.empty(); }
  std::size_t size() const { return size_ + far_.size(); }
  const Event& top() {
    refill();
    assert(size_ > 0);
    return base()[0];
  }

  Event pop() {
    refill();
    assert(size_ > 0);
    Event* h = base();
    const Event first = h[0];
    --size_;
    if (size_ != 0) place_from_root(h, h[size_]);
    return first;
  }

  void clear() {
    size_ = 0;
    far_.clear();
    horizon_ = kWindow;
    next_sequence_ = 0;
  }
  void reserve(std::size_t n) {
    if (n > capacity()) grow(n);
  }

 private:
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << 56) - 1;
  static constexpr std::size_t kArity = 4;
  static constexpr Time kWindow = 32.0;  // how far the horizon moves at a time

  void push_heap(const Event& e) {
    if (size_ >= capacity()) grow(size_);
    sift_up(base(), size_++, e);
  }

  // When the heap is empty, moves the horizon on until some far events fall before it.
  void refill() {
    while (size_ == 0 && !far_.empty()) {
      horizon_ += kWindow;
      std::size_t kept = 0;
      for (const Event& e : far_) {
        if (e.time_days < horizon_)
          push_heap(e);
        else
          far_[kept++] = e;
      }
      far_.resize(kept);
    }
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

  std::vector<Event, CacheLineAllocator<Event>> heap_;
  std::size_t size_ = 0;
  std::vector<Event> far_;
  Time horizon_ = kWindow;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace caseflow::engine
