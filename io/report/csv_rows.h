#pragma once
// The CSV files caseflow itself writes (monthly.csv, budget.csv, compare_monthly.csv...), read
// back from a string with their header: fields by column name, numbers checked, and every
// problem reported as `FILE:LINE: field: reason` (a UserError), so a truncated or hand-edited
// file is named precisely rather than drawn wrong.
#include <string>
#include <string_view>
#include <vector>

namespace caseflow::io::report {

class CsvRows {
 public:
  // `required`: the columns the reader uses; any missing from the header is an error at line 1.
  CsvRows(std::string file, std::string text, const std::vector<std::string>& required);

  bool next();  // the next non-blank row; false at the end
  std::string_view text(const std::string& column) const;
  // The field as a finite number; NaN when empty and `empty_ok`; an error otherwise.
  double number(const std::string& column, bool empty_ok = true) const;
  int integer(const std::string& column) const;
  int line() const { return row_line_; }
  [[noreturn]] void fail(const std::string& column, const std::string& reason) const;

 private:
  std::vector<std::string_view> split(std::string_view line_text, int line) ;
  std::string file_, text_;
  std::size_t pos_ = 0;
  int line_ = 0, row_line_ = 0;
  std::vector<std::string> header_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> unquoted_;  // fields that were quoted, unescaped
  std::size_t column_index(const std::string& column) const;
};

}  // namespace caseflow::io::report
