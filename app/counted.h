#pragma once
// "1 replication", "12 months": a count with its noun, singular or plural as the count asks,
// for the one-line summaries the commands print.
#include <string>
#include <string_view>

namespace caseflow::app {

template <typename Count>
std::string counted(Count n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace caseflow::app
