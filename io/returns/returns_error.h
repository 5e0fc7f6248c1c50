#pragma once
// A return that cannot be read (malformed XML, a missing required column, a date that is not a
// date, or under --strict any data-quality problem). The message is already located:
// "FILE:LINE:COL: FIELD: what is wrong" (or "FILE: Message/Children/Child[3]/...: what is
// wrong" for XML). The returns layer cannot include io/user_error.h (layering rule 6), so the
// app layer catches this type and turns it into exit status 2, like io::UserError.
#include <stdexcept>
#include <string>

namespace caseflow::returns {

struct ReturnsError : std::runtime_error {
  explicit ReturnsError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace caseflow::returns
