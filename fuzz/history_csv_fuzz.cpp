// A monthly contact history through the reader on any bytes: io::UserError (exit status 2 in
// the app) is the only way to refuse.
#include <cstdint>

#include "fuzz_files.h"
#include "io/history_csv.h"
#include "io/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = caseflow::fuzz::write_only("history.csv", data, size);
  try {
    (void)caseflow::io::read_history_csv(path);
  } catch (const caseflow::io::UserError&) {
  }
  return 0;
}
