#include "io/output_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace caseflow::io {

namespace {

// Fixed notation, shortest form that reads back as `v`.
std::string fixed_shortest(double v) {
  char buffer[400];  // the longest fixed form of a double is about 330 characters
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v + 0.0, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

}  // namespace

std::string summary_number(double v) {
  if (!std::isfinite(v)) return "";
  char buffer[64];
  if (std::fabs(v) >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
    return buffer;
  }
  // Round to 6 significant digits through the exponent form, then write the rounded double
  // in its shortest fixed form: 0.1234567 -> 0.123457, 2.5 -> 2.5, 1e-05 -> 0.00001.
  std::snprintf(buffer, sizeof buffer, "%.5e", v);
  return fixed_shortest(std::strtod(buffer, nullptr));
}

std::string money_number(double v) {
  if (!std::isfinite(v)) return "";
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  if (std::strcmp(buffer, "-0.00") == 0) return "0.00";  // a rounding residue, not a refund
  return buffer;
}

std::string exact_number(double v) {
  if (!std::isfinite(v)) return "";
  return fixed_shortest(v);
}

std::string message_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return fixed_shortest(v);
}

bool is_money(const sim::MetricInfo& info) { return std::strncmp(info.unit, "GBP", 3) == 0; }

std::string metric_number(const sim::MetricInfo& info, double v) {
  return is_money(info) ? money_number(v) : summary_number(v);
}

std::string metric_exact(const sim::MetricInfo& info, double v) {
  return is_money(info) ? money_number(v) : exact_number(v);
}

std::string without_exponents(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) out += json[++i];
      else if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      ++i;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < json.size() && std::strchr("0123456789.eE+-", json[end])) ++end;
      const std::string token = json.substr(i, end - i);
      if (token.find_first_of("eE") == std::string::npos) {
        out += token;
      } else {
        out += fixed_shortest(std::strtod(token.c_str(), nullptr));
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string financial_year_label(int year) {
  char label[16];
  std::snprintf(label, sizeof label, "%d-%02d", year, (year + 1) % 100);
  return label;
}

}  // namespace caseflow::io
