#pragma once
// A scratch folder of its own for a test: a new name from mkdtemp, removed with what it holds
// when the object goes. ctest runs the tests of one binary as separate processes in parallel,
// and two checkouts may test on one machine at once, so a fixed name under /tmp can be
// written by one test while another reads it.
#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace caseflow::test {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "caseflow-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    dir_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;  // a test's own failure is the one to report, not the clean-up's
    std::filesystem::remove_all(dir_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return dir_; }
  std::filesystem::path operator/(const std::filesystem::path& relative) const { return dir_ / relative; }
  std::string dir() const { return dir_.string(); }

  // Writes `text` to DIR/relative (folders created); returns the full path.
  std::string write(const std::filesystem::path& relative, const std::string& text) const {
    const auto file = dir_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace caseflow::test
