#include "io/returns/id_index.h"

#include <cstring>
#include <functional>

namespace caseflow::returns {

IdIndex::IdIndex() { clear(); }

void IdIndex::clear() {  // releases the memory too: England's table is a hundred megabytes
  std::vector<Slot>(1024).swap(slots_);
  size_ = 0;
  std::vector<std::string>().swap(long_ids_);
}

std::uint64_t IdIndex::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

std::string_view IdIndex::key_of(const Slot& slot) const {
  if (slot.size != kLong) return {slot.key, slot.size};
  std::uint32_t at;
  std::memcpy(&at, slot.key, sizeof at);
  return long_ids_[at];
}

bool IdIndex::matches(const Slot& slot, std::string_view id) const {
  if (id.size() > kInline) return slot.size == kLong && key_of(slot) == id;
  return slot.size == id.size() && std::memcmp(slot.key, id.data(), id.size()) == 0;
}

std::uint32_t IdIndex::find_or_add(std::string_view id, bool& added) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash(id) & mask;
  for (;; at = (at + 1) & mask) {
    Slot& s = slots_[at];
    if (s.size == kEmpty) break;
    if (matches(s, id)) {
      added = false;
      return s.index;
    }
  }
  Slot& s = slots_[at];
  s.index = static_cast<std::uint32_t>(size_++);
  if (id.size() <= kInline) {
    s.size = static_cast<std::uint8_t>(id.size());
    std::memcpy(s.key, id.data(), id.size());
  } else {
    const auto place = static_cast<std::uint32_t>(long_ids_.size());
    long_ids_.emplace_back(id);
    s.size = kLong;
    std::memcpy(s.key, &place, sizeof place);
  }
  added = true;
  const std::uint32_t index = s.index;
  if (2 * size_ > slots_.size()) grow();
  return index;
}

void IdIndex::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.size == kEmpty) continue;
    std::size_t at = hash(key_of(s)) & mask;
    while (slots_[at].size != kEmpty) at = (at + 1) & mask;
    slots_[at] = s;
  }
}

}  // namespace caseflow::returns
