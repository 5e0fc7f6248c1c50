#pragma once
// What the returns writers do when a History lacks something a return requires: they stop
// with a std::logic_error naming the record and the field, never write a made-up value. A
// History built by `synth` must be complete, so any of these is a bug in whatever built it.
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace caseflow::returns {

// "returns writer: CHILD 123: DOB (Header) is required but missing"
[[noreturn]] inline void missing_field(std::string_view record, std::string_view field) {
  throw std::logic_error("returns writer: " + std::string(record) + ": " + std::string(field) +
                         " is required but missing");
}

// "returns writer: SWENo AB1234567890: FTE is 1.2, which the return cannot hold (...)"
[[noreturn]] inline void invalid_field(std::string_view record, std::string_view field,
                                       std::string_view value, std::string_view why) {
  throw std::logic_error("returns writer: " + std::string(record) + ": " + std::string(field) + " is " +
                         std::string(value) + ", which the return cannot hold (" + std::string(why) + ")");
}

// A number as a message shows it: 1.2, not std::to_string's 1.200000.
inline std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

inline void require_finite(double value, std::string_view record, std::string_view field) {
  if (!std::isfinite(value)) invalid_field(record, field, number_text(value), "not a finite number");
}

}  // namespace caseflow::returns
