// XML parsing throughput on a made-up CIN census of 40,000 children (about 38 MB, the shape
// caseflow's writer gives: indented, one element a line): caseflow's scanner against libxml2's
// SAX2 parser, each handing the same events to a sink that only counts them. Reports MB/s of
// one core; the reader's own work (the History) is not in it.
// Run: build/bench/xml_scanner_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/returns/libxml2_parser.h"
#include "io/returns/xml_scanner.h"

namespace caseflow::returns {
namespace {

struct CountingSink : XmlSink {
  std::size_t elements = 0, text_bytes = 0;
  void start(const unsigned char*, int) override { ++elements; }
  void end(const unsigned char*) override {}
  void text(const char*, std::size_t n) override { text_bytes += n; }
  void error(int line, int column, const std::string& message) override {
    std::fprintf(stderr, "bench census: %d:%d: %s\n", line, column, message.c_str());
    std::abort();
  }
  bool stopped() const override { return false; }
};

std::string census_child(int i) {
  const std::string id = std::to_string(100000 + i);
  std::string s = "    <Child>\n      <ChildIdentifiers>\n        <LAchildID>" + id + "</LAchildID>\n        <UPN>A999000" + id +
                  "</UPN>\n        <PersonBirthDate>2014-04-28</PersonBirthDate>\n        <GenderCurrent>2</GenderCurrent>\n"
                  "      </ChildIdentifiers>\n      <ChildCharacteristics>\n        <Ethnicity>WBRI</Ethnicity>\n"
                  "        <Disabilities>\n          <Disability>NONE</Disability>\n        </Disabilities>\n"
                  "      </ChildCharacteristics>\n";
  for (int k = 0; k <= i % 3; ++k)
    s += "      <CINdetails>\n        <CINreferralDate>2020-10-13</CINreferralDate>\n        <ReferralSource>2A</ReferralSource>\n"
         "        <PrimaryNeedCode>N1</PrimaryNeedCode>\n        <CINclosureDate>2021-05-10</CINclosureDate>\n"
         "        <ReasonForClosure>RC8</ReasonForClosure>\n        <Assessments>\n"
         "          <AssessmentActualStartDate>2020-10-13</AssessmentActualStartDate>\n"
         "          <AssessmentAuthorisationDate>2021-05-10</AssessmentAuthorisationDate>\n"
         "          <AssessmentFactors>3A</AssessmentFactors>\n        </Assessments>\n"
         "        <ReferralNFA>false</ReferralNFA>\n      </CINdetails>\n";
  return s + "    </Child>\n";
}

// The census file, written once for the process.
const std::string& census_file() {
  static const std::string path = [] {
    const std::string p = (std::filesystem::temp_directory_path() / ("caseflow-scanner-bench-" + std::to_string(getpid()) + ".xml")).string();
    std::ofstream out(p, std::ios::binary);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n"
           "      <Collection>CIN</Collection>\n      <Year>2022</Year>\n    </CollectionDetails>\n  </Header>\n  <Children>\n";
    for (int i = 0; i < 40000; ++i) out << census_child(i);
    out << "  </Children>\n</Message>\n";
    std::atexit([] { std::filesystem::remove(path); });
    return p;
  }();
  return path;
}

template <typename Parse>
void run(benchmark::State& state, Parse parse) {
  const std::string& path = census_file();
  const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
  for (auto _ : state) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    CountingSink sink;
    parse(f, path, sink);
    std::fclose(f);
    benchmark::DoNotOptimize(sink.elements);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}

void BM_Scanner(benchmark::State& state) {
  run(state, [](std::FILE* f, const std::string&, CountingSink& sink) { XmlScanner().scan(f, sink); });
}
void BM_Libxml2(benchmark::State& state) {
  run(state, [](std::FILE* f, const std::string& path, CountingSink& sink) { Libxml2Parser().parse(f, path, sink); });
}

BENCHMARK(BM_Scanner)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Libxml2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace caseflow::returns
