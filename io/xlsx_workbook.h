#pragma once
// An Excel workbook of plain tables, written with libxlsxwriter: one sheet per table, a bold
// header row frozen at the top with filters, numbers stored as numbers with a display format
// (GBP, %, dates as dates). Reusable by any command with an --xlsx option: it builds its
// sheets and passes them here (run and compare do; docs/outputs.md, "Excel workbook").
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "sim/engine/civil_date.h"

namespace caseflow::io::xlsx {

enum class Format {
  kText,
  kNumber,   // as written: General
  kInteger,  // 0
  kGbp,      // £#,##0.00, negatives in red
  kPercent,  // 0.0%: the stored value is a fraction (85% is 0.85)
  kMonth,    // a date shown as "Apr 2019"
  kDate,     // a date shown as 2019-04-01
};

// An empty cell, a text, a number (NaN and infinities are left empty) or a date.
using Value = std::variant<std::monostate, std::string, double, engine::CivilDate>;

struct Cell {
  Value value;
  std::optional<Format> format;  // unset: the column's
};

struct Column {
  std::string header;
  Format format = Format::kNumber;
  double width = 14;  // in characters
};

struct Sheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each at most columns.size() cells
};

// Writes the workbook's bytes to `os` (libxlsxwriter writes a file: it goes through a private
// temporary file, removed afterwards). Throws std::runtime_error if libxlsxwriter fails.
void write_workbook(std::ostream& os, const std::vector<Sheet>& sheets);

}  // namespace caseflow::io::xlsx
