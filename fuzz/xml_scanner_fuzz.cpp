// caseflow's XML scanner against libxml2 on any bytes: the two must agree on whether the input
// is well formed (unless the scanner hands it to libxml2 before any element), and on the
// elements and text of a well-formed one. A disagreement aborts, so libFuzzer keeps it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/returns/libxml2_parser.h"
#include "io/returns/xml_scanner.h"

namespace {

struct Recorder : caseflow::returns::XmlSink {
  std::vector<std::string> events;
  bool failed = false;
  void start(const unsigned char* name, int) override { events.push_back("<" + std::string(reinterpret_cast<const char*>(name))); }
  void end(const unsigned char* name) override { events.push_back(">" + std::string(reinterpret_cast<const char*>(name))); }
  void text(const char* s, std::size_t n) override {
    if (!events.empty() && events.back()[0] == '\'') events.back().append(s, n);
    else events.push_back("'" + std::string(s, n));
  }
  void error(int, int, const std::string&) override { failed = true; }
  bool stopped() const override { return failed; }
  // Blank text between elements is not compared (libxml2 splits it differently).
  std::vector<std::string> content() const {
    std::vector<std::string> out;
    for (const auto& e : events)
      if (e[0] != '\'' || e.find_first_not_of(" \t\n\r", 1) != std::string::npos) out.push_back(e);
    return out;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;  // fmemopen needs a buffer
  std::vector<char> bytes(data, data + size);
  Recorder scanned, parsed;
  std::FILE* f = fmemopen(bytes.data(), bytes.size(), "rb");
  const bool declined = caseflow::returns::XmlScanner().scan(f, scanned) == caseflow::returns::XmlScanner::Result::needs_libxml2;
  std::fclose(f);
  if (declined) return 0;
  f = fmemopen(bytes.data(), bytes.size(), "rb");
  caseflow::returns::Libxml2Parser().parse(f, "input.xml", parsed);
  std::fclose(f);
  if (scanned.failed != parsed.failed) {
    std::fprintf(stderr, "scanner %s, libxml2 %s\n", scanned.failed ? "refused" : "accepted", parsed.failed ? "refused" : "accepted");
    std::abort();
  }
  if (!scanned.failed && scanned.content() != parsed.content()) {
    std::fprintf(stderr, "the events differ\n");
    std::abort();
  }
  return 0;
}
