#pragma once
// One SSDA903 table as councils export it: RFC 4180 CSV (quoted fields with "" escapes and
// embedded line breaks, CRLF or LF, a UTF-8 byte-order mark), header names matched to the
// table definition case-insensitively and trimmed, columns in any order, unknown columns
// ignored (the data platforms add LA and YEAR). The file is read once into a buffer and each
// row's fields are string_views into it (a field is copied only when it holds "" escapes), so
// a row costs no allocation. Every error names FILE:LINE:COL and the column.
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::returns {

struct CsvColumn {
  std::string_view name;  // as data-formats.md 9.1 spells it (matched case-insensitively)
  bool required = true;   // a required column missing from the header is an error
};

class CsvTable {
 public:
  // Reads the file and its header. Throws ReturnsError when the file cannot be read or a
  // required column is missing ("FILE:1:1: DECOM: required column missing").
  CsvTable(std::string path, std::vector<CsvColumn> columns);

  bool next_row();  // advances to the next non-blank row; false at the end
  // The trimmed text of a declared column in the current row ("" when the column is absent).
  std::string_view operator[](std::size_t column) const;
  bool present(std::size_t column) const { return header_index_[column] >= 0; }
  int line() const { return row_line_; }  // 1-based line where the current row starts
  const std::string& path() const { return path_; }

  // The date in a column: nullopt when empty; a ReturnsError at the field when not a date.
  MaybeDay date(std::size_t column) const;
  Day required_date(std::size_t column) const;  // as date(), but an empty field is an error too
  [[noreturn]] void fail(std::size_t column, const std::string& what) const;

 private:
  struct Field {
    std::string_view text;
    int column = 1;  // 1-based character column where the field starts
  };
  bool parse_row(std::vector<Field>& out);  // false at end of buffer

  std::string path_;
  std::vector<CsvColumn> columns_;
  std::string buffer_;
  std::size_t pos_ = 0;
  int line_ = 1;       // line of pos_
  int line_start_ = 0; // buffer offset where line_ starts (for columns)
  int row_line_ = 0;
  std::vector<int> header_index_;  // per declared column, its index in the header (-1 absent)
  std::size_t header_size_ = 0;
  std::vector<Field> fields_;
  std::deque<std::string> unescaped_;  // fields that held "" escapes, for the current row
};

}  // namespace caseflow::returns
