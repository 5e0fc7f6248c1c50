#include "calibrate/contact_counts.h"

#include <charconv>
#include <cmath>
#include <fstream>

#include "io/user_error.h"

namespace caseflow::calibrate {

std::map<int, double> read_contact_counts(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw io::UserError(path, 0, 0, "cannot read the contact counts (--contacts)");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != "month,contacts") throw io::UserError(path, 1, 0, "expected the header month,contacts");
  std::map<int, double> counts;
  for (int n = 2; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos) throw io::UserError(path, n, 0, "expected month,contacts");
    const std::string month = line.substr(0, comma), value = line.substr(comma + 1);
    int y = 0, m = 0;
    const bool month_ok = month.size() == 7 && month[4] == '-' &&
                          std::from_chars(month.data(), month.data() + 4, y).ec == std::errc() &&
                          std::from_chars(month.data() + 5, month.data() + 7, m).ec == std::errc() && m >= 1 && m <= 12;
    if (!month_ok) throw io::UserError(path, n, 0, "month: expected YYYY-MM, got '" + month + "'");
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v) || v < 0 || v != std::floor(v))
      throw io::UserError(path, n, 0, "contacts: expected a whole number of contacts, got '" + value + "'");
    if (!counts.emplace(y * 12 + m - 1, v).second) throw io::UserError(path, n, 0, "month: " + month + " is given twice");
  }
  return counts;
}

}  // namespace caseflow::calibrate
