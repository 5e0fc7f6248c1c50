#pragma once
// The command line in-process, for the app tests: a caseflow command run as main would run it,
// the path of a file in the source tree, and an empty scratch folder for a test's outputs.
#include <filesystem>
#include <string>
#include <vector>

#include "app/commands.h"
#include "tests/scratch_dir.h"

namespace caseflow::app::testing {

inline int run(std::vector<std::string> args) {
  args.insert(args.begin(), "caseflow");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return run_main(static_cast<int>(argv.size()), argv.data());
}

inline std::string source(const std::string& rel) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + rel; }

// A folder that does not exist yet, in this process's own scratch folder (removed when the
// process ends): `test` names the test program, `name` the test's own folder.
inline std::filesystem::path fresh_dir(const std::string& test, const std::string& name) {
  static const ::caseflow::test::ScratchDir scratch;
  const std::filesystem::path dir = scratch / (test + "_" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace caseflow::app::testing
