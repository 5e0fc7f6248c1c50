#include "io/history_csv.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "io/user_error.h"

namespace caseflow::io {

using models::forecast::YearMonth;

const std::vector<std::string>& contact_sources() {
  static const std::vector<std::string> sources = {"police",      "schools", "health", "la_services",
                                                   "individuals", "other"};
  return sources;
}

bool parse_year_month(const std::string& text, YearMonth& out) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2));
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return false;
  out = {year, month};
  return true;
}

namespace {

struct Field {
  std::string text;
  int column = 1;  // 1-based character column where the field starts
};

std::vector<Field> split(const std::string& line) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    std::string raw = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t first = raw.find_first_not_of(" \t");
    const std::size_t last = raw.find_last_not_of(" \t");
    const int column = static_cast<int>(start + (first == std::string::npos ? 0 : first)) + 1;
    fields.push_back({first == std::string::npos ? "" : raw.substr(first, last - first + 1), column});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

std::string valid_sources_text() {
  std::string text;
  for (const auto& s : contact_sources()) text += (text.empty() ? "" : ", ") + s;
  return text + " (or `all` alone, for a total with no breakdown)";
}

struct Row {
  double count;
  int line;
  int month_column;
  int source_column;
};

}  // namespace

History read_history_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw UserError(path.string(), 0, 0, "cannot open the history file");
  return parse_history_csv(in, path.string());
}

History parse_history_csv(std::istream& in, const std::string& file) {
  std::string line;
  int line_no = 0;
  int month_col = -1, source_col = -1, count_col = -1;
  std::size_t n_fields = 0;
  // source -> month index -> row
  std::map<std::string, std::map<int, Row>> rows;
  int last_data_line = 0;

  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 byte-order mark
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (line_no == 1) throw UserError(file, 1, 1, "empty first line; expected the header `month,source,count`");
      continue;
    }
    const auto fields = split(line);
    if (month_col < 0) {
      n_fields = fields.size();
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const int idx = static_cast<int>(i);
        const std::string& name = fields[i].text;
        int* slot = name == "month" ? &month_col : name == "source" ? &source_col : name == "count" ? &count_col : nullptr;
        if (slot == nullptr) {
          throw UserError(file, line_no, fields[i].column,
                          "unexpected column '" + name + "'; the header must be `month,source,count`");
        }
        if (*slot >= 0) throw UserError(file, line_no, fields[i].column, "column '" + name + "' appears twice");
        *slot = idx;
      }
      if (month_col < 0 || source_col < 0 || count_col < 0) {
        throw UserError(file, line_no, 1, "the header must name the columns `month,source,count`");
      }
      continue;
    }
    if (fields.size() != n_fields) {
      throw UserError(file, line_no, 1,
                      "expected " + std::to_string(n_fields) + " fields (month,source,count), found " +
                          std::to_string(fields.size()));
    }
    const Field& month_f = fields[static_cast<std::size_t>(month_col)];
    const Field& source_f = fields[static_cast<std::size_t>(source_col)];
    const Field& count_f = fields[static_cast<std::size_t>(count_col)];

    YearMonth month;
    if (!parse_year_month(month_f.text, month)) {
      throw UserError(file, line_no, month_f.column,
                      "bad month '" + month_f.text + "'; expected YYYY-MM, for example 2020-04");
    }

    const auto& valid = contact_sources();
    if (source_f.text != "all" && std::find(valid.begin(), valid.end(), source_f.text) == valid.end()) {
      std::string lower = source_f.text;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      const bool case_only = lower == "all" || std::find(valid.begin(), valid.end(), lower) != valid.end();
      throw UserError(file, line_no, source_f.column,
                      "unknown source '" + source_f.text + "'" + (case_only ? " (sources are lower case: '" + lower + "')" : "") +
                          "; valid sources are " + valid_sources_text());
    }

    const std::string& c = count_f.text;
    if (c.empty()) throw UserError(file, line_no, count_f.column, "missing count; expected a whole number >= 0");
    if (c[0] == '-') {
      throw UserError(file, line_no, count_f.column,
                      "negative count " + c + "; counts are numbers of contacts, 0 or more");
    }
    const std::size_t digits_from = c[0] == '+' ? 1 : 0;
    if (digits_from == c.size() ||
        !std::all_of(c.begin() + static_cast<std::ptrdiff_t>(digits_from), c.end(),
                     [](unsigned char ch) { return std::isdigit(ch); })) {
      throw UserError(file, line_no, count_f.column, "count '" + c + "' is not a whole number; expected 0, 1, 2, ...");
    }
    if (c.size() - digits_from > 9) {
      throw UserError(file, line_no, count_f.column, "count " + c + " is implausibly large for one month");
    }
    const double count = std::stod(c.substr(digits_from));

    auto& by_month = rows[source_f.text];
    const auto [it, inserted] = by_month.emplace(month.index(), Row{count, line_no, month_f.column, source_f.column});
    if (!inserted) {
      throw UserError(file, line_no, month_f.column,
                      "duplicate row for " + month_f.text + " " + source_f.text + " (first given at line " +
                          std::to_string(it->second.line) + ")");
    }
    last_data_line = line_no;
  }
  if (month_col < 0) throw UserError(file, 1, 1, "empty file; expected the header `month,source,count`");
  if (rows.empty()) throw UserError(file, line_no, 0, "no data rows after the header");

  if (rows.count("all") && rows.size() > 1) {
    const auto& all_rows = rows["all"];
    throw UserError(file, all_rows.begin()->second.line, all_rows.begin()->second.source_column,
                    "source `all` mixed with named sources would count contacts twice; give either a breakdown "
                    "by source or a single `all` series");
  }

  History history;
  history.file = file;
  std::vector<std::string> order = contact_sources();
  order.push_back("all");
  // All sources must share one range; a source that starts later or ends earlier is
  // reported at the other source's row that has no counterpart.
  int first_index = rows.begin()->second.begin()->first, last_index = rows.begin()->second.rbegin()->first;
  for (const auto& [source, by_month] : rows) {
    first_index = std::min(first_index, by_month.begin()->first);
    last_index = std::max(last_index, by_month.rbegin()->first);
  }
  history.first_month = YearMonth::from_index(first_index);
  history.last_month = YearMonth::from_index(last_index);
  for (const auto& source : order) {
    const auto found = rows.find(source);
    if (found == rows.end()) continue;
    const auto& by_month = found->second;
    for (const int edge : {first_index, last_index}) {
      if (by_month.count(edge)) continue;
      for (const auto& [other, other_rows] : rows) {
        const auto row = other_rows.find(edge);
        if (row == other_rows.end()) continue;
        throw UserError(file, row->second.line, row->second.month_column,
                        other + " has a row for " + models::forecast::to_string(YearMonth::from_index(edge)) +
                            " but " + source + " covers only " +
                            models::forecast::to_string(YearMonth::from_index(by_month.begin()->first)) + ".." +
                            models::forecast::to_string(YearMonth::from_index(by_month.rbegin()->first)) +
                            "; all sources must cover the same months");
      }
    }
    // Gaps: every month between the first and the last must be present.
    int previous = by_month.begin()->first;
    for (auto it = std::next(by_month.begin()); it != by_month.end(); ++it) {
      if (it->first != previous + 1) {
        throw UserError(file, it->second.line, it->second.month_column,
                        source + " has no row for " + models::forecast::to_string(YearMonth::from_index(previous + 1)) +
                            " (the month before this row); every month from first to last must be present, with 0 "
                            "if there were no contacts");
      }
      previous = it->first;
    }
    SourceHistory sh{source, {history.first_month, {}}};
    for (const auto& [index, row] : by_month) sh.series.counts.push_back(row.count);
    if (std::all_of(sh.series.counts.begin(), sh.series.counts.end(), [](double v) { return v == 0; })) {
      throw UserError(file, by_month.begin()->second.line, by_month.begin()->second.source_column,
                      source + " has no contacts in any month, so it has no level to forecast; remove its rows");
    }
    history.sources.push_back(std::move(sh));
  }
  if (history.months() < min_history_months) {
    throw UserError(file, last_data_line, 0,
                    "history covers only " + std::to_string(history.months()) + " months (" +
                        models::forecast::to_string(history.first_month) + ".." +
                        models::forecast::to_string(history.last_month) + "); at least " +
                        std::to_string(min_history_months) +
                        " months (two years) are needed to separate trend from seasonality");
  }
  return history;
}

}  // namespace caseflow::io
