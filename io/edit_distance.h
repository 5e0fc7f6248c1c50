#pragma once
// Levenshtein distance between two keys, for "did you mean" suggestions.
#include <cstddef>
#include <string>

namespace caseflow::io {

std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace caseflow::io
