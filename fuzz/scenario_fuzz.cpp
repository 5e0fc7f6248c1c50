// A scenario file through the whole loader on any bytes (YAML, `extends:`, every key's checks,
// `changes:`): io::UserError (exit status 2 in the app) is the only way to refuse. The
// baseline sits beside the input, so `extends: baseline.yaml` reaches it.
#include <cstdint>
#include <filesystem>
#include <string>

#include "fuzz_files.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool parent = [] {
    std::filesystem::copy_file(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml",
                               caseflow::fuzz::scratch() / "baseline.yaml");
    return true;
  }();
  (void)parent;
  const std::string path = caseflow::fuzz::write_only("input.yaml", data, size);
  try {
    (void)caseflow::io::load_scenario(path);
  } catch (const caseflow::io::UserError&) {
  }
  return 0;
}
