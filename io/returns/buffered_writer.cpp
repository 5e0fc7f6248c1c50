#include "io/returns/buffered_writer.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

// Writes `value` (0 <= value < 10^width) as exactly `width` digits.
void put_digits(char* at, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

BufferedWriter::BufferedWriter(std::filesystem::path path) : path_(std::move(path)) {
  out_.open(path_, std::ios::binary | std::ios::trunc);
  if (!out_) fail("cannot be opened for writing");
  buffer_.reserve(kBlock + 4096);
}

void BufferedWriter::dmy(Day day) {
  const auto d = engine::civil_from_days(day);
  char text[10];
  put_digits(text, d.day, 2);
  text[2] = '/';
  put_digits(text + 3, d.month, 2);
  text[5] = '/';
  put_digits(text + 6, d.year, 4);
  *this << std::string_view(text, sizeof text);
}

void BufferedWriter::iso(Day day) {
  const auto d = engine::civil_from_days(day);
  char text[10];
  put_digits(text, d.year, 4);
  text[4] = '-';
  put_digits(text + 5, d.month, 2);
  text[7] = '-';
  put_digits(text + 8, d.day, 2);
  *this << std::string_view(text, sizeof text);
}

void BufferedWriter::fixed(double value, int decimals) {
  char text[64];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) fail("has a number too large to write");
  *this << std::string_view(text, static_cast<std::size_t>(end - text));
}

void BufferedWriter::csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    *this << text;
    return;
  }
  buffer_.push_back('"');
  for (char c : text) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  *this << '"';
}

void BufferedWriter::xml_text(std::string_view text) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : nullptr;
    if (!entity) continue;
    buffer_.append(text.substr(from, i - from));
    buffer_.append(entity);
    from = i + 1;
  }
  *this << text.substr(from);
}

namespace {
constexpr std::string_view kIndent = "                                ";
}

void BufferedWriter::open(int depth, std::string_view name) {
  *this << kIndent.substr(0, 2 * static_cast<std::size_t>(depth)) << '<' << name << ">\n";
}

void BufferedWriter::close(int depth, std::string_view name) {
  *this << kIndent.substr(0, 2 * static_cast<std::size_t>(depth)) << "</" << name << ">\n";
}

void BufferedWriter::element(int depth, std::string_view name, std::string_view text) {
  *this << kIndent.substr(0, 2 * static_cast<std::size_t>(depth)) << '<' << name << '>';
  xml_text(text);
  *this << "</" << name << ">\n";
}

void BufferedWriter::date_element(int depth, std::string_view name, Day day) {
  *this << kIndent.substr(0, 2 * static_cast<std::size_t>(depth)) << '<' << name << '>';
  iso(day);
  *this << "</" << name << ">\n";
}

void BufferedWriter::fixed_element(int depth, std::string_view name, double value, int decimals) {
  *this << kIndent.substr(0, 2 * static_cast<std::size_t>(depth)) << '<' << name << '>';
  fixed(value, decimals);
  *this << "</" << name << ">\n";
}

void BufferedWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (!out_) fail("could not be written");
  buffer_.clear();
}

void BufferedWriter::finish() {
  flush();
  out_.close();
  if (!out_) fail("could not be written");
}

void BufferedWriter::fail(const char* what) const {
  const int error = errno;
  throw std::runtime_error(path_.string() + ": " + what +
                           (error ? std::string(" (") + std::strerror(error) + ")" : ""));
}

}  // namespace caseflow::returns
