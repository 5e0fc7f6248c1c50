#include "io/xlsx_workbook.h"

#include <array>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>
#include <xlsxwriter.h>

namespace caseflow::io::xlsx {

namespace {

const char* num_format(Format f) {
  switch (f) {
    case Format::kText: return "@";
    case Format::kNumber: return "General";
    case Format::kInteger: return "0";
    case Format::kGbp: return "\xC2\xA3#,##0.00;[Red]-\xC2\xA3#,##0.00";  // UTF-8 pound sign
    case Format::kPercent: return "0.0%";
    case Format::kMonth: return "mmm yyyy";
    case Format::kDate: return "yyyy-mm-dd";
  }
  return "General";
}

// The workbook's temporary file: unique per process and call, so parallel writers never meet.
std::filesystem::path temporary_path() {
  static std::atomic<unsigned> counter{0};
  return std::filesystem::temp_directory_path() /
         ("caseflow-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
}

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error("writing the workbook: " + what + ": " + lxw_strerror(error));
}

class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& path) : book_(workbook_new(path.c_str())) {
    if (!book_) throw std::runtime_error("writing the workbook: cannot create " + path.string());
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    for (std::size_t f = 0; f < formats_.size(); ++f) {
      formats_[f] = workbook_add_format(book_);
      format_set_num_format(formats_[f], num_format(static_cast<Format>(f)));
    }
  }
  ~Workbook() {
    if (book_) workbook_close(book_);  // after a failure: release it, the error is already thrown
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void add(const Sheet& sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, sheet.name.c_str());
    if (!ws) throw std::runtime_error("writing the workbook: cannot add the sheet '" + sheet.name + "'");
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(ws, col, col, sheet.columns[c].width, nullptr), sheet.name);
      check(worksheet_write_string(ws, 0, col, sheet.columns[c].header.c_str(), header_), sheet.name);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto& cells = sheet.rows[r];
      if (cells.size() > sheet.columns.size())
        throw std::logic_error("sheet '" + sheet.name + "': a row is longer than the header");
      for (std::size_t c = 0; c < cells.size(); ++c) write(ws, row, static_cast<lxw_col_t>(c), cells[c],
                                                           cells[c].format.value_or(sheet.columns[c].format), sheet.name);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.columns.empty())
      check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.columns.size() - 1)),
            sheet.name);
  }

  void close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    check(workbook_close(book), "closing");
  }

 private:
  void write(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell, Format f, const std::string& sheet) {
    lxw_format* format = formats_[static_cast<std::size_t>(f)];
    if (const auto* text = std::get_if<std::string>(&cell.value)) {
      check(worksheet_write_string(ws, row, col, text->c_str(), nullptr), sheet);
    } else if (const auto* number = std::get_if<double>(&cell.value)) {
      if (std::isfinite(*number)) check(worksheet_write_number(ws, row, col, *number, format), sheet);
    } else if (const auto* date = std::get_if<engine::CivilDate>(&cell.value)) {
      lxw_datetime dt{date->year, date->month, date->day, 0, 0, 0.0};
      check(worksheet_write_datetime(ws, row, col, &dt, format), sheet);
    }
  }

  lxw_workbook* book_;
  lxw_format* header_ = nullptr;
  std::array<lxw_format*, 7> formats_{};
};

}  // namespace

void write_workbook(std::ostream& os, const std::vector<Sheet>& sheets) {
  const std::filesystem::path path = temporary_path();
  struct Remove {
    std::filesystem::path path;
    ~Remove() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } remove{path};
  {
    Workbook book(path);
    for (const auto& sheet : sheets) book.add(sheet);
    book.close();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("writing the workbook: cannot read back " + path.string());
  os << in.rdbuf();
}

}  // namespace caseflow::io::xlsx
