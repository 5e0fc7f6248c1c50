// One SSDA903 CSV table through the whole reader on any bytes: the first byte picks the table,
// the rest is its file. A ReturnsError (exit status 2 in the app) is the only way to refuse.
#include <cstdint>
#include <string>

#include "fuzz_files.h"
#include "io/returns/returns_error.h"
#include "io/returns/returns_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kTables[] = {"Header",  "Episodes", "UASC", "Reviews",        "Missing",  "OC2",
                                        "OC3",     "AD1",      "PlacedAdoption", "PrevPerm", "SWEpisodes"};
  if (size == 0) return 0;
  const std::string table = kTables[data[0] % (sizeof kTables / sizeof kTables[0])];
  caseflow::fuzz::write_only("ssda903/2020/" + table + ".csv", data + 1, size - 1);
  try {
    caseflow::returns::read_returns(caseflow::fuzz::scratch().string());
  } catch (const caseflow::returns::ReturnsError&) {
  }
  return 0;
}
