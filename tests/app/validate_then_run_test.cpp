// `validate` accepts nothing that `run` then rejects (issue 16: invalid UTF-8 in `name:`,
// 4 billion replications and huge values used to validate, then fail in run with exit 1).
// A seeded corpus of mutants of the bundled scenarios goes through `validate`; every one it
// accepts must `run --reps 1 --horizon-months 1` with exit 0, and every one it refuses must
// be refused with exit 2 (never 1, an internal error). Seed 16; 400 mutants, about 10 s.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::run;
using testing::source;

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One edit of a kind a council's hand edit or a bad export makes: a number replaced by an
// extreme or malformed one, a line dropped or doubled, a stray byte, a key misspelt.
std::string mutate(std::vector<std::string> lines, std::mt19937_64& rng) {
  static const std::vector<std::string> numbers = {"0", "-1", "1e9", "1e-9", "100000", "2000000", "0x10", "1.5",
                                                   "nan", ".inf", "99999999999999999999", "~", "[]", "{}", "\"7\""};
  static const std::vector<std::string> bytes = {"\xff", "\xc3", "\t", "\r", ":", "- ", "&a", "*a", "!!int ", "'"};
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits && !lines.empty(); ++e) {
    std::string& line = lines[pick(lines.size())];
    switch (rng() % 5) {
      case 0: {  // the first number on the line
        const auto at = line.find_first_of("0123456789");
        if (at == std::string::npos) break;
        const auto end = line.find_first_not_of("0123456789.-e", at);
        line.replace(at, (end == std::string::npos ? line.size() : end) - at, numbers[pick(numbers.size())]);
        break;
      }
      case 1: line.clear(); break;
      case 2: lines.insert(lines.begin() + static_cast<long>(pick(lines.size())), line); break;
      case 3: line.insert(pick(line.size() + 1), bytes[pick(bytes.size())]); break;
      default: {
        const auto colon = line.find(':');
        if (colon != std::string::npos && colon > 0) line.insert(colon, "x");
      }
    }
  }
  std::ostringstream out;
  for (const auto& l : lines) out << l << '\n';
  return out.str();
}

TEST(ValidateThenRun, EveryMutantThatValidatesRuns) {
  const fs::path dir = testing::fresh_dir("validate_then_run_test", "corpus");
  fs::create_directories(dir);
  // The mutants sit beside copies of the bundled files, so their `extends:` lines resolve.
  for (const char* name : {"baseline.yaml", "post-covid-surge.yaml", "agency-reduction.yaml", "vacancies.yaml"})
    fs::copy_file(source(std::string("scenarios/") + name), dir / name);
  std::mt19937_64 rng(16);
  int validated = 0, refused = 0;
  for (int i = 0; i < 400; ++i) {
    const char* parent = i % 4 == 0 ? "baseline.yaml" : i % 4 == 1 ? "post-covid-surge.yaml"
                                                    : i % 4 == 2 ? "agency-reduction.yaml" : "vacancies.yaml";
    const fs::path file = dir / ("mutant" + std::to_string(i) + ".yaml");
    { std::ofstream(file, std::ios::binary) << mutate(lines_of((dir / parent).string()), rng); }
    ::testing::internal::CaptureStderr();
    ::testing::internal::CaptureStdout();
    const int validate = run({"validate", file.string()});
    int ran = -1;
    if (validate == 0)
      ran = run({"run", file.string(), "--reps", "1", "--horizon-months", "1", "--threads", "1", "--out",
                 (dir / "out").string(), "--force"});
    (void)::testing::internal::GetCapturedStdout();
    const std::string err = ::testing::internal::GetCapturedStderr();
    if (validate == 0) {
      ++validated;
      EXPECT_EQ(ran, 0) << file << " validated, then run said: " << err;
    } else {
      ++refused;
      EXPECT_EQ(validate, 2) << file << ": " << err;
    }
  }
  // Both halves of the promise are exercised: many mutants validate, many do not.
  EXPECT_GT(validated, 80);
  EXPECT_GT(refused, 80);
  std::printf("validated %d, refused %d\n", validated, refused);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caseflow::app
