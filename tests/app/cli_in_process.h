#pragma once
// The command line in-process, for the app tests: a caseflow command run as main would run it,
// the path of a file in the source tree, and an empty scratch folder for a test's outputs.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app/commands.h"

namespace caseflow::app::testing {

inline int run(std::vector<std::string> args) {
  args.insert(args.begin(), "caseflow");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return run_main(static_cast<int>(argv.size()), argv.data());
}

inline std::string source(const std::string& rel) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + rel; }

// `test` names the test program's scratch folders, `name` the test's own; the process id keeps
// two runs of the suite at once (two checkouts on one machine) out of each other's folders.
inline std::filesystem::path fresh_dir(const std::string& test, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("caseflow_" + test + "_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace caseflow::app::testing
