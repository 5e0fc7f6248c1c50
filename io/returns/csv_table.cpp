#include "io/returns/csv_table.h"

#include <fstream>
#include <sstream>

#include "io/returns/dates.h"
#include "io/returns/returns_error.h"

namespace caseflow::returns {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReturnsError(path + ": cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

CsvTable::CsvTable(std::string path, std::vector<CsvColumn> columns)
    : path_(std::move(path)), columns_(std::move(columns)), buffer_(read_file(path_)) {
  if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = line_start_ = 3;  // byte-order mark
  std::vector<Field> header;
  if (!parse_row(header)) throw ReturnsError(path_ + ":1:1: the file is empty (a table needs at least its header line)");
  header_size_ = header.size();
  header_index_.assign(columns_.size(), -1);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    for (std::size_t h = 0; h < header.size(); ++h)
      if (same_name(header[h].text, columns_[c].name)) {
        if (header_index_[c] >= 0)
          throw ReturnsError(path_ + ":" + std::to_string(row_line_) + ":" + std::to_string(header[h].column) + ": " +
                             std::string(columns_[c].name) + ": the column appears twice in the header");
        header_index_[c] = static_cast<int>(h);
      }
    if (header_index_[c] < 0 && columns_[c].required)
      throw ReturnsError(path_ + ":" + std::to_string(row_line_) + ":1: " + std::string(columns_[c].name) +
                         ": required column missing from the header");
  }
}

bool CsvTable::parse_row(std::vector<Field>& out) {
  out.clear();
  unescaped_.clear();
  const std::size_t n = buffer_.size();
  // Skip blank lines between rows.
  while (pos_ < n && (buffer_[pos_] == '\n' || buffer_[pos_] == '\r')) {
    if (buffer_[pos_] == '\n') {
      ++line_;
      line_start_ = static_cast<int>(pos_ + 1);
    }
    ++pos_;
  }
  if (pos_ >= n) return false;
  row_line_ = line_;
  while (true) {
    Field field;
    field.column = static_cast<int>(pos_) - line_start_ + 1;
    std::size_t p = pos_;
    while (p < n && buffer_[p] == ' ') ++p;  // spaces before an opening quote
    if (p < n && buffer_[p] == '"') {
      const int quote_line = line_, quote_column = static_cast<int>(p) - line_start_ + 1;
      std::size_t start = ++p;
      bool escaped = false;
      while (true) {
        if (p >= n)
          throw ReturnsError(path_ + ":" + std::to_string(quote_line) + ":" + std::to_string(quote_column) +
                             ": a quoted field is never closed");
        if (buffer_[p] == '"') {
          if (p + 1 < n && buffer_[p + 1] == '"') {
            escaped = true;
            p += 2;
            continue;
          }
          break;
        }
        if (buffer_[p] == '\n') {
          ++line_;
          line_start_ = static_cast<int>(p + 1);
        }
        ++p;
      }
      std::string_view raw(buffer_.data() + start, p - start);
      ++p;  // closing quote
      while (p < n && buffer_[p] == ' ') ++p;
      if (p < n && buffer_[p] != ',' && buffer_[p] != '\n' && buffer_[p] != '\r')
        throw ReturnsError(path_ + ":" + std::to_string(line_) + ":" + std::to_string(static_cast<int>(p) - line_start_ + 1) +
                           ": text after a closing quote (a quote inside a field must be doubled)");
      if (escaped) {
        std::string& s = unescaped_.emplace_back();
        for (std::size_t i = 0; i < raw.size(); ++i) {
          s.push_back(raw[i]);
          if (raw[i] == '"') ++i;
        }
        raw = s;
      }
      field.text = trim(raw);
    } else {
      const std::size_t start = pos_;
      while (p < n && buffer_[p] != ',' && buffer_[p] != '\n' && buffer_[p] != '\r') ++p;
      field.text = trim(std::string_view(buffer_.data() + start, p - start));
    }
    out.push_back(field);
    pos_ = p;
    if (pos_ < n && buffer_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of the row: CRLF, LF, a lone CR, or the end of the buffer.
    if (pos_ < n && buffer_[pos_] == '\r') ++pos_;
    if (pos_ < n && buffer_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = static_cast<int>(pos_);
    return true;
  }
}

bool CsvTable::next_row() {
  if (!parse_row(fields_)) return false;
  for (std::size_t f = header_size_; f < fields_.size(); ++f)
    if (!fields_[f].text.empty())
      throw ReturnsError(path_ + ":" + std::to_string(row_line_) + ":" + std::to_string(fields_[f].column) + ": the row has " +
                         std::to_string(fields_.size()) + " fields but the header has " + std::to_string(header_size_));
  // A row cut short would read its missing fields as empty (an Episodes row cut before DEC as
  // an open episode): an error, not a guess.
  if (fields_.size() < header_size_) {
    const Field& last = fields_.back();
    throw ReturnsError(path_ + ":" + std::to_string(row_line_) + ":" + std::to_string(last.column) + ": the row has " +
                       std::to_string(fields_.size()) + " fields but the header has " + std::to_string(header_size_) +
                       " (a row cut short?)");
  }
  return true;
}

std::string_view CsvTable::operator[](std::size_t column) const {
  const int h = header_index_[column];
  if (h < 0 || static_cast<std::size_t>(h) >= fields_.size()) return {};
  return fields_[h].text;
}

void CsvTable::fail(std::size_t column, const std::string& what) const {
  const int h = header_index_[column];
  const int col = h >= 0 && static_cast<std::size_t>(h) < fields_.size() ? fields_[h].column : 1;
  throw ReturnsError(path_ + ":" + std::to_string(row_line_) + ":" + std::to_string(col) + ": " +
                     std::string(columns_[column].name) + ": " + what);
}

MaybeDay CsvTable::date(std::size_t column) const {
  const std::string_view text = (*this)[column];
  if (text.empty()) return std::nullopt;
  const auto day = parse_return_date(text);
  if (!day) fail(column, "'" + std::string(text) + "' is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)");
  return day;
}

Day CsvTable::required_date(std::size_t column) const {
  const auto day = date(column);
  if (!day) fail(column, "the date is missing (a required field)");
  return *day;
}

}  // namespace caseflow::returns
