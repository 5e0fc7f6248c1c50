#pragma once
// One file of a return as the writers produce it: text appended to a large in-memory buffer
// that goes to a single std::ofstream in 1 MiB blocks, with the few formatting primitives the
// returns need (dates, fixed decimals, CSV fields, XML text, elements) written straight into
// the buffer. England-sized returns run to hundreds of megabytes, so there is no per-field
// iostream formatting and no temporary string per date.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "io/returns/history.h"

namespace caseflow::returns {

class BufferedWriter {
 public:
  // Opens (truncates) the file; std::runtime_error naming the file when it cannot be opened.
  explicit BufferedWriter(std::filesystem::path path);
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  BufferedWriter& operator<<(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kBlock) flush();
    return *this;
  }
  BufferedWriter& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  void dmy(Day day);  // dd/mm/yyyy (the SSDA903 CSV tables)
  void iso(Day day);  // yyyy-mm-dd (xs:date in the XML returns)
  // `value` with exactly `decimals` places (the CSWW's fixed-point fields); the caller has
  // checked it is finite.
  void fixed(double value, int decimals);
  // A CSV field, quoted (RFC 4180) only when it holds a comma, a quote or a line break.
  void csv_field(std::string_view text);
  // Element text with &, < and > escaped.
  void xml_text(std::string_view text);

  // XML elements on their own lines, indented two spaces per level of `depth`.
  void open(int depth, std::string_view name);                            // <name>
  void close(int depth, std::string_view name);                           // </name>
  void element(int depth, std::string_view name, std::string_view text);  // <name>text</name>
  void date_element(int depth, std::string_view name, Day day);           // <name>yyyy-mm-dd</name>
  void fixed_element(int depth, std::string_view name, double value, int decimals);  // see fixed()

  // Writes what is left and closes the file; std::runtime_error naming the file when any write
  // failed (a full disk shows here). A writer never finished leaves a partial file behind, which
  // is why the synth command stages the whole folder.
  void finish();

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  void flush();
  [[noreturn]] void fail(const char* what) const;

  std::filesystem::path path_;
  std::ofstream out_;
  std::string buffer_;
};

}  // namespace caseflow::returns
