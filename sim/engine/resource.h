#pragma once
// A resource with a number of identical servers and a waiting line, served first-in
// first-out or by priority class (lower first, FIFO within a class).
#include <cstdint>
#include <deque>
#include <optional>
#include <queue>
#include <vector>

namespace caseflow::engine {

enum class QueueDiscipline { kFifo, kPriority };

class Resource {
 public:
  Resource(std::uint32_t capacity, QueueDiscipline discipline) : capacity_(capacity), discipline_(discipline) {}

  // True when a server was free and is now held by `entity`; otherwise it waits in line.
  bool request(std::uint32_t entity, std::uint8_t priority = 0) {
    if (busy_ < capacity_) {
      ++busy_;
      return true;
    }
    if (discipline_ == QueueDiscipline::kFifo)
      fifo_.push_back(entity);
    else
      ranked_.push({priority, next_sequence_++, entity});
    return false;
  }

  // Frees a server; returns the waiting entity that takes it over, if any.
  std::optional<std::uint32_t> release() {
    if (!fifo_.empty()) {
      const std::uint32_t next = fifo_.front();
      fifo_.pop_front();
      return next;
    }
    if (!ranked_.empty()) {
      const std::uint32_t next = ranked_.top().entity;
      ranked_.pop();
      return next;
    }
    --busy_;
    return std::nullopt;
  }

  std::uint32_t capacity() const { return capacity_; }
  std::uint32_t busy() const { return busy_; }
  std::size_t waiting() const { return fifo_.size() + ranked_.size(); }

 private:
  struct Waiter {
    std::uint8_t priority;
    std::uint64_t sequence;
    std::uint32_t entity;
    bool operator>(const Waiter& o) const {
      return priority != o.priority ? priority > o.priority : sequence > o.sequence;
    }
  };
  std::uint32_t capacity_;
  QueueDiscipline discipline_;
  std::uint32_t busy_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::deque<std::uint32_t> fifo_;
  std::priority_queue<Waiter, std::vector<Waiter>, std::greater<>> ranked_;
};

}  // namespace caseflow::engine
