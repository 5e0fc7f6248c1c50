// A demand_paths.csv (demand.level_paths) through the reader on any bytes: io::UserError
// (exit status 2 in the app) is the only way to refuse.
#include <cstdint>

#include "fuzz_files.h"
#include "io/demand_paths_csv.h"
#include "io/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = caseflow::fuzz::write_only("demand_paths.csv", data, size);
  try {
    (void)caseflow::io::read_demand_paths_csv(path);
  } catch (const caseflow::io::UserError&) {
  }
  return 0;
}
