#include "calibrate/yaml_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace caseflow::calibrate {

std::string number_text(double value, int digits) {
  if (!std::isfinite(value)) throw std::logic_error("calibrate: a number to write is not finite");
  if (value == 0) return "0";
  char buf[64];
  // %g with enough precision, then no exponent below a million: YAML readers and people both
  // read 1250000 more easily than 1.25e+06.
  const double magnitude = std::floor(std::log10(std::fabs(value)));
  if (magnitude >= -4 && magnitude < 15) {
    const int decimals = std::max(0, digits - 1 - static_cast<int>(magnitude));
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
  }
  std::snprintf(buf, sizeof buf, "%.*g", digits, value);
  return buf;
}

std::string share_text(double share) {
  if (!std::isfinite(share)) throw std::logic_error("calibrate: a share to write is not finite");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", share);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::vector<std::string> whole_shares_text(const std::vector<double>& shares) {
  double total = 0;
  for (double x : shares) {
    if (!std::isfinite(x) || x < 0) throw std::logic_error("calibrate: a share to write is not finite or negative");
    total += x;
  }
  if (!(total > 0)) throw std::logic_error("calibrate: shares to write add up to nothing");
  constexpr long long kParts = 10000;
  std::vector<long long> parts(shares.size());
  std::vector<std::pair<double, std::size_t>> cut;
  long long given = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double exact = shares[i] / total * kParts;
    parts[i] = static_cast<long long>(std::floor(exact));
    given += parts[i];
    cut.push_back({exact - static_cast<double>(parts[i]), i});
  }
  std::stable_sort(cut.begin(), cut.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < kParts; ++k, ++given) parts[cut[k % cut.size()].second] += 1;
  std::vector<std::string> out;
  for (long long p : parts) out.push_back(share_text(static_cast<double>(p) / kParts));
  return out;
}

std::string count_text(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string percent_text(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
  return buf;
}

}  // namespace caseflow::calibrate
