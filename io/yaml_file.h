#pragma once
// One scenario file read strictly: what yaml-cpp would accept but change, drop or misread is
// an error naming the file, line and column (exit status 2), before anything is read from it.
//   - the path must be a regular file (not a folder, FIFO or device), at most 16 MB;
//   - the text must be UTF-8;
//   - one YAML document only (a second `---` would otherwise drop the rest of the file; a
//     `---` before any content is allowed);
//   - every key a plain scalar, and no key twice in one map (yaml-cpp keeps the first).
// `referrer` is where the file was named (an `extends:` line), so a missing or unreadable
// parent is reported there; empty for a file named on the command line.
#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

namespace caseflow::io {

struct FileReference {
  std::string file;  // empty: the command line
  int line = 0, column = 0;
};

YAML::Node load_yaml_file(const std::filesystem::path& path, const FileReference& referrer = {});

// The decimal forms the scenario format takes for numbers: 12, -3, 0.25, .5, 1e5, 2.5E-3.
// Not hexadecimal, octal or YAML's .inf and .nan.
bool is_decimal_number(const std::string& text);

}  // namespace caseflow::io
