#pragma once
// The code lists of the three returns (placement, legal status, RNE, REC, referral source,
// reason for closure, category of abuse, CSWW roles and reasons, ...), each code valid from a
// first to a last collection year. The lists are data (io/returns/codes/*.csv), embedded at
// build time, so a new year's code change is an edit to a CSV.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caseflow::returns {

struct CodeEntry {
  const char* list;     // the CSV's name: "ssda903_placement", "cin_referral_source", ...
  const char* code;
  const char* meaning;
  int first_year;       // first collection year the code is valid in; 0 = always was
  int last_year;        // last collection year; 0 = still valid
};

// Whether `code` is in `list` for `collection_year`. Throws std::logic_error for a list name
// that does not exist (a programming error, not a data problem).
bool code_valid(std::string_view list, std::string_view code, int collection_year);

// Every entry of one list, in file order (empty for an unknown list).
std::vector<const CodeEntry*> code_list(std::string_view list);

namespace detail {
extern const CodeEntry kCodeEntries[];
extern const std::size_t kCodeEntryCount;
}  // namespace detail

}  // namespace caseflow::returns
