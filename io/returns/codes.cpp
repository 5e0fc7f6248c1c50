#include "io/returns/codes.h"

#include <stdexcept>
#include <unordered_map>

namespace caseflow::returns {

namespace {

// list -> code -> entries (a code may appear more than once with different year spans).
using Index = std::unordered_map<std::string_view, std::unordered_multimap<std::string_view, const CodeEntry*>>;

const Index& index() {
  static const Index built = [] {
    Index i;
    for (std::size_t k = 0; k < detail::kCodeEntryCount; ++k) {
      const CodeEntry& e = detail::kCodeEntries[k];
      i[e.list].emplace(e.code, &e);
    }
    return i;
  }();
  return built;
}

}  // namespace

bool code_valid(std::string_view list, std::string_view code, int collection_year) {
  const auto l = index().find(list);
  if (l == index().end()) throw std::logic_error("no code list named '" + std::string(list) + "'");
  const auto [first, last] = l->second.equal_range(code);
  for (auto it = first; it != last; ++it) {
    const CodeEntry& e = *it->second;
    if ((e.first_year == 0 || collection_year >= e.first_year) && (e.last_year == 0 || collection_year <= e.last_year))
      return true;
  }
  return false;
}

std::vector<const CodeEntry*> code_list(std::string_view list) {
  std::vector<const CodeEntry*> out;
  for (std::size_t k = 0; k < detail::kCodeEntryCount; ++k)
    if (list == detail::kCodeEntries[k].list) out.push_back(&detail::kCodeEntries[k]);
  return out;
}

}  // namespace caseflow::returns
