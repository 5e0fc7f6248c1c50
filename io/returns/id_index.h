#pragma once
// The index from a child's id (CHILD = LAchildID) to its place in the HistoryBuilder, looked up
// once per child per file and per table row. An open-addressing table of 16-byte slots that
// hold short ids themselves: a lookup costs one cache miss, where std::unordered_map<std::string>
// costs four (bucket, previous node, node, next node) and was 10% of reading a large council.
// Ids of up to 11 characters (the CIN census allows 10) are compared in the slot; a longer id
// is kept beside the table and the slot holds where.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caseflow::returns {

class IdIndex {
 public:
  IdIndex();
  // The index of `id`: its existing one, or `size()` when it is new (the index then holds it).
  // `added` says which.
  std::uint32_t find_or_add(std::string_view id, bool& added);
  std::size_t size() const { return size_; }
  void clear();

 private:
  static constexpr std::size_t kInline = 11;  // id characters a slot holds
  static constexpr std::uint8_t kEmpty = 0xFF, kLong = 0xFE;
  struct Slot {
    std::uint32_t index = 0;
    std::uint8_t size = kEmpty;  // the id's length, kLong beyond kInline, kEmpty for a free slot
    char key[kInline] = {};      // the id (zero-padded); for a long id, its place in long_ids_ (a uint32)
  };
  static_assert(sizeof(Slot) == 16);

  static std::uint64_t hash(std::string_view id);
  bool matches(const Slot& slot, std::string_view id) const;
  std::string_view key_of(const Slot& slot) const;
  void grow();

  std::vector<Slot> slots_;  // a power of two; at most half full
  std::size_t size_ = 0;
  std::vector<std::string> long_ids_;  // ids beyond kInline characters
};

}  // namespace caseflow::returns
