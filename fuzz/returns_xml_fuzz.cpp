// The XML returns (CIN census, workforce census, SSDA903 XML) through the whole reader on any
// bytes: a ReturnsError (exit status 2 in the app) is the only way to refuse; any other
// exception, crash or sanitizer report is a finding.
#include <cstdint>

#include "fuzz_files.h"
#include "io/returns/returns_error.h"
#include "io/returns/returns_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  caseflow::fuzz::write_only("2020/return.xml", data, size);  // the folder names the year SSDA903 XML needs
  try {
    caseflow::returns::read_returns(caseflow::fuzz::scratch().string());
  } catch (const caseflow::returns::ReturnsError&) {
  }
  return 0;
}
