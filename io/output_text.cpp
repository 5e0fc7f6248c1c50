#include "io/output_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace caseflow::io {

std::string summary_number(double v) {
  if (std::isnan(v)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

std::string exact_number(double v) {
  if (std::isnan(v)) return "";
  char buffer[400];  // the longest fixed form of a double is about 330 characters
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v + 0.0, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

std::string financial_year_label(int year) {
  char label[16];
  std::snprintf(label, sizeof label, "%d-%02d", year, (year + 1) % 100);
  return label;
}

}  // namespace caseflow::io
