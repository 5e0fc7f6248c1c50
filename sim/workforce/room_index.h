#pragma once
// Where a team's next case can go without looking at every worker: each member of the team,
// in allocation order, has a key that is a lower bound of the caseload it must stay under
// (its load for most workers). `first_at_most` finds the first member at or after a position
// whose key is at most a threshold. A small team's keys are scanned as one flat array (cheaper
// than keeping a tree up to date on every allocation); above kFlatMembers the keys are the
// leaves of a minimum tree, so a search in turn skips the workers at their ceiling in
// O(log n) (England-sized teams have thousands of them).
#include <cstddef>
#include <limits>
#include <vector>

namespace caseflow::sim {

class RoomIndex {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr double kNever = std::numeric_limits<double>::infinity();
  static constexpr double kAlways = -std::numeric_limits<double>::infinity();
  static constexpr std::size_t kFlatMembers = 128;

  std::size_t size() const { return size_; }

  // Grows by one member (keyed kNever), keeping the others' keys.
  void push() {
    if (size_ == leaves_) {
      leaves_ *= 2;
      std::vector<double> grown(2 * leaves_, kNever);
      for (std::size_t i = 0; i < size_; ++i) grown[leaves_ + i] = tree_[leaves_ / 2 + i];
      tree_.swap(grown);
      rebuild();
    }
    ++size_;
  }

  // Takes out one member; those after it move up one place, keeping their keys.
  void erase(std::size_t position) {
    for (std::size_t i = leaves_ + position; i + 1 < leaves_ + size_; ++i) tree_[i] = tree_[i + 1];
    tree_[leaves_ + size_ - 1] = kNever;
    --size_;
    rebuild();
  }

  void set(std::size_t position, double key) {
    std::size_t i = leaves_ + position;
    tree_[i] = key;
    if (!flat())
      for (i /= 2; i >= 1; i /= 2) tree_[i] = min_of_children(i);
  }

  // The first position >= from (and < size) whose key is <= threshold, or kNone.
  std::size_t first_at_most(std::size_t from, double threshold) const {
    if (from >= size_) return kNone;
    if (flat()) {
      for (std::size_t i = leaves_ + from; i < leaves_ + size_; ++i)
        if (tree_[i] <= threshold) return i - leaves_;
      return kNone;
    }
    std::size_t i = leaves_ + from;
    while (tree_[i] > threshold) {
      while (i & 1) i >>= 1;  // climb while a right child: its right neighbours are covered above
      if (i == 0) return kNone;  // climbed past the root
      ++i;                      // the subtree just to the right
    }
    while (i < leaves_) i = tree_[2 * i] <= threshold ? 2 * i : 2 * i + 1;
    return i - leaves_;  // padding leaves are kNever, so this is a member
  }

 private:
  bool flat() const { return leaves_ <= kFlatMembers; }
  double min_of_children(std::size_t i) const { return tree_[2 * i] < tree_[2 * i + 1] ? tree_[2 * i] : tree_[2 * i + 1]; }
  void rebuild() {
    if (!flat())
      for (std::size_t i = leaves_ - 1; i >= 1; --i) tree_[i] = min_of_children(i);
  }

  // tree_[leaves_ + i] is member i's key (kNever past size_); tree_[j] for 1 <= j < leaves_ is
  // the smaller of its children, kept only when the index is not flat.
  std::size_t size_ = 0, leaves_ = 1;
  std::vector<double> tree_ = std::vector<double>(2, kNever);
};

}  // namespace caseflow::sim
