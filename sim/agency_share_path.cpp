#include "sim/agency_share_path.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "sim/dated_change.h"

namespace caseflow::sim {

ParsedAgencySharePath parse_agency_share_path(const std::string& text) {
  ParsedAgencySharePath out;
  AgencySharePath path;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string item = text.substr(begin, end - begin);
    const std::size_t colon = item.find(':');
    if (colon == std::string::npos) {
      out.error = "'" + item + "' is not DATE:PERCENT (e.g. 2020-09-01:20 for a 20% ceiling from 1 September 2020)";
      return out;
    }
    const std::string date_text = item.substr(0, colon), share_text = item.substr(colon + 1);
    const auto date = engine::parse_iso_date(date_text);
    if (!date) {
      out.error = "'" + date_text + "' is not a date (YYYY-MM-DD)";
      return out;
    }
    double percent = 0;
    const auto [ptr, ec] = std::from_chars(share_text.data(), share_text.data() + share_text.size(), percent);
    if (share_text.empty() || ec != std::errc() || ptr != share_text.data() + share_text.size() ||
        !(percent >= 0 && percent <= 100)) {
      out.error = "'" + share_text + "' is not a percentage from 0 to 100 (the agency share ceiling from " + date_text + ")";
      return out;
    }
    if (!path.empty() && !(path.back().from < *date)) {
      out.error = "the dates must increase: " + date_text + " comes after " + engine::to_iso(path.back().from);
      return out;
    }
    path.push_back({*date, percent / 100.0});
    if (end == text.size()) break;
    begin = end + 1;
  }
  out.path = path;
  return out;
}

Scenario with_agency_share_path(const Scenario& scenario, const AgencySharePath& path) {
  Scenario out = scenario;
  for (const auto& step : path)
    set_from(out, step.from, [&](Parameters& p) { p.workforce.agency_target_share = step.share; });
  return out;
}

std::string describe(const AgencySharePath& path) {
  std::string text;
  for (const auto& step : path) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%g%%", 100.0 * step.share);
    text += (text.empty() ? "" : ", ") + std::string(percent) + " from " + engine::to_iso(step.from);
  }
  return text;
}

}  // namespace caseflow::sim
