#pragma once
// Output files compared byte for byte by the app tests (shards, regions): a file's bytes, and
// summary.json without its wall_seconds lines, the one figure two runs of the same work cannot
// share.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace caseflow::app::testing {

inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string without_wall_time(const std::string& json) {
  std::istringstream in(json);
  std::string out, line;
  while (std::getline(in, line))
    if (line.find("\"wall_seconds\":") == std::string::npos) out += line + '\n';
  return out;
}

}  // namespace caseflow::app::testing
