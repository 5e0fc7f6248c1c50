#include "io/yaml_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "io/user_error.h"

namespace caseflow::io {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kLargestFile = 16u << 20;  // a scenario is a few kilobytes

[[noreturn]] void refuse(const fs::path& path, const FileReference& referrer, const std::string& what) {
  if (referrer.file.empty()) throw UserError(path.string(), 0, 0, what);
  throw UserError(referrer.file, referrer.line, referrer.column, "extends: " + path.string() + ": " + what);
}

// The 1-based line and column of the first byte that is not UTF-8, or {0, 0}.
std::pair<int, int> first_bad_utf8(const std::string& text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    std::uint32_t code = c, min = 0;
    if (c >= 0x80) {
      if (c >= 0xC2 && c <= 0xDF) len = 2, code = c & 0x1Fu, min = 0x80;
      else if (c >= 0xE0 && c <= 0xEF) len = 3, code = c & 0x0Fu, min = 0x800;
      else if (c >= 0xF0 && c <= 0xF4) len = 4, code = c & 0x07u, min = 0x10000;
      else return {line, column};
      if (i + len > text.size()) return {line, column};
      for (std::size_t k = 1; k < len; ++k) {
        const auto n = static_cast<unsigned char>(text[i + k]);
        if ((n & 0xC0u) != 0x80u) return {line, column};
        code = (code << 6) | (n & 0x3Fu);
      }
      if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {line, column};
    } else if (c == 0) {
      return {line, column};
    }
    if (c == '\n') ++line, column = 1;
    else ++column;
    i += len;
  }
  return {0, 0};
}

// Keys must be scalars and unique within their map; nested maps and lists are walked.
void check_keys(const YAML::Node& node, const std::string& file) {
  if (node.IsSequence()) {
    for (const auto& item : node) check_keys(item, file);
    return;
  }
  if (!node.IsMap()) return;
  std::vector<std::pair<std::string, int>> seen;  // key, line
  for (const auto& item : node) {
    const YAML::Mark at = item.first.Mark();
    if (!item.first.IsScalar())
      throw UserError(file, at.line + 1, at.column + 1, "a key must be a plain name, not a list or a map");
    const std::string& key = item.first.Scalar();
    for (const auto& [name, line] : seen)
      if (name == key)
        throw UserError(file, at.line + 1, at.column + 1,
                        "'" + key + "' is given twice in this map (first on line " + std::to_string(line) + "); keep one");
    seen.emplace_back(key, at.line + 1);
    check_keys(item.second, file);
  }
}

}  // namespace

YAML::Node load_yaml_file(const fs::path& path, const FileReference& referrer) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) refuse(path, referrer, "cannot read it: " + ec.message());
  if (!fs::exists(status)) refuse(path, referrer, referrer.file.empty() ? "no such scenario file" : "no such file");
  if (fs::is_directory(status)) refuse(path, referrer, "is a folder, not a scenario file");
  if (!fs::is_regular_file(status)) refuse(path, referrer, "is not a regular file (a FIFO, socket or device): refused unread");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) refuse(path, referrer, "cannot read it: " + ec.message());
  if (size > kLargestFile) refuse(path, referrer, "is " + std::to_string(size >> 20) + " MB; a scenario file is at most 16 MB");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) refuse(path, referrer, "cannot read it");
  const std::string text = bytes.str();
  const std::string file = path.string();
  if (const auto [line, column] = first_bad_utf8(text); line > 0)
    throw UserError(file, line, column, "not UTF-8 text (save the file as UTF-8)");
  // A second document: a `---` (or a `...` end) at the start of a line after the first
  // document's content. yaml-cpp's LoadAll would find it too, but loops for ever on some
  // malformed files (a stray `]` at the top level, found by fuzzing), so the lines are read here.
  bool content = false;
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t stop = std::min(text.find('\n', start), text.size());
    const std::string_view line(text.data() + start, stop - start);
    ++line_number;
    const bool marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker && content)
      throw UserError(file, line_number, 1,
                      "a second YAML document starts here (a `" + std::string(line.substr(0, 3)) +
                          "` line): a scenario is one document; remove it");
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (!marker && first != std::string_view::npos && line[first] != '#') content = true;
    start = stop + 1;
  }
  YAML::Node document;
  try {
    document = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw UserError(file, e.mark.line + 1, e.mark.column + 1, "not valid YAML: " + e.msg);
  }
  if (!document.IsMap()) throw UserError(file, 1, 1, "a scenario must be a map of keys");
  check_keys(document, file);
  return document;
}

bool is_decimal_number(const std::string& text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == n;
}

}  // namespace caseflow::io
