#pragma once
// A first-in-first-out queue in one power-of-two ring of slots that only grows: after the
// first few days of a run, pushing and popping never allocate. std::deque, which it replaces
// on the simulation's hot paths (the front door's contacts, the cases waiting for a worker),
// allocates and frees a node every dozen or so elements as the queue moves through memory.
#include <cassert>
#include <cstddef>
#include <utility>
#include <vector>

namespace caseflow::engine {

template <typename T>
class Fifo {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  void push_back(const T& value) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = value;
    ++size_;
  }
  // The oldest element (the queue must not be empty).
  const T& front() const {
    assert(size_ > 0);
    return slots_[head_];
  }
  void pop_front() {
    assert(size_ > 0);
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
  }
  void clear() { head_ = size_ = 0; }

 private:
  // Doubles the ring, laying the elements out from slot 0 in queue order.
  void grow() {
    std::vector<T> larger(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) larger[i] = std::move(slots_[(head_ + i) & (slots_.size() - 1)]);
    slots_.swap(larger);
    head_ = 0;
  }

  std::vector<T> slots_;  // size a power of two (or zero)
  std::size_t head_ = 0, size_ = 0;
};

}  // namespace caseflow::engine
