#pragma once
// Writes a run's files atomically: everything goes to a hidden staging folder beside the
// target, and each file is renamed into place only when all were written. A failed run
// leaves no partial outputs.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace caseflow::io {

class OutputDir {
 public:
  explicit OutputDir(std::filesystem::path target);
  ~OutputDir();  // removes the staging folder if commit() was never reached
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Writes one file into staging through the given writer.
  void write(const std::string& name, const std::function<void(std::ostream&)>& writer);
  // Moves every staged file into the target folder (rename, so each file appears whole).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::vector<std::string> names_;
  bool committed_ = false;
};

}  // namespace caseflow::io
