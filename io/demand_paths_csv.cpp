#include "io/demand_paths_csv.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <utility>
#include <vector>

#include "io/output_text.h"
#include "io/user_error.h"

namespace caseflow::io {

namespace {

const char* const kHeader = "path,month,source,first_contacts";

struct Field {
  std::string text;
  int column = 1;  // 1-based
};

std::vector<Field> split(const std::string& line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back({line.substr(start, comma == std::string::npos ? std::string::npos : comma - start),
                      static_cast<int>(start) + 1});
    if (comma == std::string::npos) return fields;
    start = comma + 1;
  }
}

std::string month_text(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

// YYYY-MM as (year, month), or false.
bool parse_month(const std::string& text, int& year, int& month) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (text[i] < '0' || text[i] > '9') return false;
  year = std::atoi(text.substr(0, 4).c_str());
  month = std::atoi(text.substr(5, 2).c_str());
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2200;
}

// The month `offset` months after the paths' first.
std::string month_at(const sim::DemandLevelPaths& p, int offset) {
  const int index = p.first_month - 1 + offset;
  return month_text(p.first_year + index / 12, index % 12 + 1);
}

int source_index(const std::string& name) {
  const auto& names = sim::source_names();
  for (std::size_t s = 0; s < names.size(); ++s)
    if (name == names[s]) return static_cast<int>(s);
  return -1;
}

std::string source_list() {
  std::string text;
  for (const char* name : sim::source_names()) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

}  // namespace

sim::DemandLevelPaths read_demand_paths_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw UserError(path.string(), 0, 0, "cannot open the demand paths file");
  return parse_demand_paths_csv(in, path.string());
}

sim::DemandLevelPaths parse_demand_paths_csv(std::istream& in, const std::string& file) {
  sim::DemandLevelPaths out;
  // The first path's (month offset, source) sequence, which every later path repeats.
  std::vector<std::pair<int, int>> sequence;
  std::size_t position = 0;  // within the current path's sequence
  std::vector<int> first_sources;  // the first month's, in file order
  std::size_t in_month = 0;        // rows so far in the first path's current month
  bool first_path_open = true;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1) {
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte-order mark
      if (line != kHeader)
        throw UserError(file, 1, 1, "header: expected `" + std::string(kHeader) + "`, found `" + line + "`");
      continue;
    }
    const auto fields = split(line);
    if (fields.size() != 4)
      throw UserError(file, line_no, 1,
                      "expected 4 fields (" + std::string(kHeader) + "), found " + std::to_string(fields.size()));
    auto fail = [&](std::size_t f, const std::string& message) {
      throw UserError(file, line_no, fields[f].column, std::string("field ") + (f == 0 ? "path" : f == 1 ? "month" : f == 2 ? "source" : "first_contacts") + ": " + message);
    };

    // path: 1 for the first group, then each group numbered one more than the last.
    const std::string& p = fields[0].text;
    if (p.empty() || p.size() > 6 || p.find_first_not_of("0123456789") != std::string::npos)
      fail(0, "'" + p + "' is not a path number (1, 2, ...)");
    const int path = std::atoi(p.c_str());
    const int current = out.paths == 0 ? 1 : out.paths;
    if (out.paths == 0 && path != 1) fail(0, "the first path must be numbered 1, not " + p);
    if (path == current + 1 && out.paths > 0) {
      if (first_path_open) {
        if (in_month != first_sources.size())
          fail(0, "path 1's last month named " + std::to_string(in_month) + " sources; every month names the first month's " +
                      std::to_string(first_sources.size()));
        first_path_open = false;
        out.months = sequence.back().first + 1;
      } else if (position != sequence.size()) {
        fail(0, "path " + std::to_string(current) + " ended after " + std::to_string(position) + " rows; every path repeats path 1's " +
                    std::to_string(sequence.size()) + " rows");
      }
      if (path > max_demand_paths) fail(0, "more than " + std::to_string(max_demand_paths) + " paths");
      out.paths = path;
      position = 0;
    } else if (path != current) {
      fail(0, "path " + p + " after path " + std::to_string(current) + ": paths are numbered 1, 2, ... one group of rows each");
    }
    if (out.paths == 0) out.paths = 1;

    int year = 0, month = 0;
    if (!parse_month(fields[1].text, year, month))
      fail(1, "bad month '" + fields[1].text + "'; expected YYYY-MM, for example 2024-04");
    const int source = source_index(fields[2].text);
    if (source < 0) fail(2, "unknown source '" + fields[2].text + "'; valid sources are " + source_list());

    const std::string& v = fields[3].text;
    char* end = nullptr;
    errno = 0;
    const double value = v.empty() ? NAN : std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || errno == ERANGE || !std::isfinite(value))
      fail(3, "'" + v + "' is not a number");
    if (value < 0 || value > max_path_contacts_per_month)
      fail(3, v + " is outside 0 to 1000000 (expected first contacts in the month, as demand.contacts_per_month)");

    if (first_path_open) {
      if (sequence.empty()) {
        out.first_year = year;
        out.first_month = month;
      }
      const int offset = out.offset_of(year, month);
      const int current_month = sequence.empty() ? 0 : sequence.back().first;
      if (offset == current_month + 1 && !sequence.empty()) {
        if (offset >= max_demand_path_months) fail(1, "more than " + std::to_string(max_demand_path_months) + " months");
        if (offset > 1 && in_month != first_sources.size())
          fail(1, "month " + fields[1].text + " begins after " + std::to_string(in_month) + " sources of the month before; every month names the first month's " +
                      std::to_string(first_sources.size()));
        in_month = 0;
      } else if (offset != current_month) {
        fail(1, "month " + fields[1].text + " after " + month_at(out, current_month) + "; months must be consecutive and ascending");
      }
      if (offset == 0) {
        for (int s : first_sources)
          if (s == source) fail(2, "source '" + fields[2].text + "' twice in month " + fields[1].text);
        first_sources.push_back(source);
        out.covers[static_cast<std::size_t>(source)] = true;
      } else if (in_month >= first_sources.size() || first_sources[in_month] != source) {
        fail(2, "'" + fields[2].text + "': every month names the first month's sources in the same order (" +
                    (in_month < first_sources.size() ? "expected " + std::string(sim::source_names()[static_cast<std::size_t>(first_sources[in_month])]) : "it had " + std::to_string(first_sources.size())) + ")");
      }
      ++in_month;
      sequence.emplace_back(offset, source);
    } else {
      if (position >= sequence.size())
        fail(0, "path " + p + " has more rows than path 1's " + std::to_string(sequence.size()));
      const auto [offset, expected_source] = sequence[position];
      if (out.offset_of(year, month) != offset)
        fail(1, "month " + fields[1].text + ": path " + p + " must repeat path 1's rows in order (expected " +
                    month_at(out, offset) + ")");
      if (source != expected_source)
        fail(2, "source '" + fields[2].text + "': path " + p + " must repeat path 1's rows in order (expected " +
                    sim::source_names()[static_cast<std::size_t>(expected_source)] + ")");
      ++position;
    }
    // In file order until the layout is known (below).
    out.contacts.push_back(value);
  }
  if (sequence.empty()) throw UserError(file, line_no, 0, "no paths: expected rows after the header `" + std::string(kHeader) + "`");
  if (first_path_open) {
    if (in_month != first_sources.size())
      throw UserError(file, line_no, 0, "the last month named " + std::to_string(in_month) + " sources; every month names the first month's " +
                                            std::to_string(first_sources.size()));
    out.months = sequence.back().first + 1;
  } else if (position != sequence.size())
    throw UserError(file, line_no, 0, "the last path (" + std::to_string(out.paths) + ") ended after " + std::to_string(position) +
                                          " rows; every path repeats path 1's " + std::to_string(sequence.size()) + " rows");

  // File order is path, then month, then the first month's sources: lay it out by source.
  std::vector<double> laid(static_cast<std::size_t>(out.paths) * static_cast<std::size_t>(out.months) * sim::kSources, 0.0);
  std::size_t k = 0;
  for (int path = 0; path < out.paths; ++path)
    for (const auto& [offset, source] : sequence)
      laid[(static_cast<std::size_t>(path) * static_cast<std::size_t>(out.months) + static_cast<std::size_t>(offset)) * sim::kSources +
           static_cast<std::size_t>(source)] = out.contacts[k++];
  out.contacts = std::move(laid);
  return out;
}

void write_demand_paths_csv(std::ostream& out, const sim::DemandLevelPaths& paths) {
  out << kHeader << '\n';
  for (int path = 0; path < paths.paths; ++path)
    for (int m = 0; m < paths.months; ++m) {
      const std::string month = month_at(paths, m);
      for (std::size_t s = 0; s < sim::kSources; ++s)
        if (paths.covers[s])
          out << path + 1 << ',' << month << ',' << sim::source_names()[s] << ',' << exact_number(paths.at(path, m, s)) << '\n';
    }
}

void load_demand_paths(sim::Scenario& scenario, const std::string& scenario_file, const std::filesystem::path& folder) {
  if (scenario.demand_level_paths_file.empty()) return;
  std::filesystem::path file(scenario.demand_level_paths_file);
  if (file.is_relative()) file = folder / file;
  if (scenario.start_date.day != 1)
    throw UserError(scenario_file, 0, 0,
                    "demand.level_paths: start_date " + engine::to_iso(scenario.start_date) +
                        " must be the first day of a month (the paths are whole months)");
  scenario.demand_level_paths = std::make_shared<const sim::DemandLevelPaths>(read_demand_paths_csv(file));
  check_demand_paths_cover(scenario, scenario_file);
}

void check_demand_paths_cover(const sim::Scenario& scenario, const std::string& where) {
  const sim::DemandLevelPaths* p = scenario.demand_level_paths.get();
  if (!p) return;
  auto at = [&](int offset) { return month_at(*p, offset); };
  const int first = p->offset_of(scenario.start_date.year, scenario.start_date.month);
  const int last = first + scenario.horizon_months - 1;
  if (first < 0 || last >= p->months)
    throw UserError(where, 0, 0,
                    "demand.level_paths " + scenario.demand_level_paths_file + " covers " + at(0) + " to " +
                        at(p->months - 1) + " (the last month covered is " + at(p->months - 1) +
                        ") but the horizon runs " + at(first) + " to " + at(last) +
                        ": shorten horizon_months, or forecast a longer horizon (caseflow forecast --horizon-months)");
}

}  // namespace caseflow::io
