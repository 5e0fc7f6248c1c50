#include "io/report/csv_rows.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "io/user_error.h"

namespace caseflow::io::report {

CsvRows::CsvRows(std::string file, std::string text, const std::vector<std::string>& required)
    : file_(std::move(file)), text_(std::move(text)) {
  if (!next()) throw UserError(file_, 1, 0, "the file is empty (it needs at least its header line)");
  for (std::string_view f : fields_) header_.emplace_back(f);
  for (const std::string& column : required)
    if (std::find(header_.begin(), header_.end(), column) == header_.end())
      throw UserError(file_, 1, 0, column + ": column missing from the header");
}

std::vector<std::string_view> CsvRows::split(std::string_view line_text, int line) {
  std::vector<std::string_view> out;
  unquoted_.clear();
  unquoted_.reserve(8);  // the string_views into it must not move
  std::size_t i = 0;
  while (true) {
    if (i < line_text.size() && line_text[i] == '"') {
      std::string value;
      ++i;
      while (true) {
        if (i >= line_text.size())
          throw UserError(file_, line, 0, "a quoted field is not closed before the end of the line");
        if (line_text[i] == '"') {
          if (i + 1 < line_text.size() && line_text[i + 1] == '"') {
            value += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value += line_text[i++];
      }
      if (unquoted_.size() == unquoted_.capacity())
        throw UserError(file_, line, 0, "more quoted fields than caseflow writes in one row");
      unquoted_.push_back(std::move(value));
      out.emplace_back(unquoted_.back());
      if (i < line_text.size() && line_text[i] != ',')
        throw UserError(file_, line, 0, "text after a quoted field's closing quote");
    } else {
      const std::size_t comma = line_text.find(',', i);
      out.push_back(line_text.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
      i = comma == std::string_view::npos ? line_text.size() : comma;
    }
    if (i >= line_text.size()) break;
    ++i;  // the comma
  }
  return out;
}

bool CsvRows::next() {
  while (pos_ < text_.size()) {
    const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
    std::string_view line_text(text_.data() + pos_, end - pos_);
    pos_ = end + 1;
    ++line_;
    if (!line_text.empty() && line_text.back() == '\r') line_text.remove_suffix(1);
    if (line_text.empty()) continue;
    row_line_ = line_;
    fields_ = split(line_text, line_);
    if (!header_.empty() && fields_.size() != header_.size())
      throw UserError(file_, line_, 0,
                      "the row has " + std::to_string(fields_.size()) + " fields but the header has " +
                          std::to_string(header_.size()) + " (a truncated or hand-edited file?)");
    return true;
  }
  return false;
}

std::size_t CsvRows::column_index(const std::string& column) const {
  const auto it = std::find(header_.begin(), header_.end(), column);
  return static_cast<std::size_t>(it - header_.begin());
}

std::string_view CsvRows::text(const std::string& column) const { return fields_[column_index(column)]; }

void CsvRows::fail(const std::string& column, const std::string& reason) const {
  throw UserError(file_, row_line_, 0, column + ": " + reason);
}

double CsvRows::number(const std::string& column, bool empty_ok) const {
  const std::string_view t = text(column);
  if (t.empty()) {
    if (empty_ok) return std::nan("");
    fail(column, "empty, a number is needed");
  }
  double v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
    fail(column, "'" + std::string(t) + "' is not a finite number");
  return v;
}

int CsvRows::integer(const std::string& column) const {
  const std::string_view t = text(column);
  int v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) fail(column, "'" + std::string(t) + "' is not a whole number");
  return v;
}

}  // namespace caseflow::io::report
