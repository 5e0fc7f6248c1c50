#pragma once
// A user's mistake (bad scenario, malformed CSV, impossible option): reported as one line
// `caseflow: error: FILE:LINE:COL: what is wrong, and what would be right`, exit status 2.
#include <stdexcept>
#include <string>

namespace caseflow::io {

class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& message) : std::runtime_error(message) {}
  // line and column are 1-based; 0 leaves them out.
  UserError(const std::string& file, int line, int column, const std::string& message)
      : std::runtime_error(locate(file, line, column) + message) {}

 private:
  static std::string locate(const std::string& file, int line, int column) {
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line);
    if (line > 0 && column > 0) where += ":" + std::to_string(column);
    return where.empty() ? std::string() : where + ": ";
  }
};

}  // namespace caseflow::io
