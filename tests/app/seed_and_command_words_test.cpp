// Issue 16's command-line findings: --seed takes exactly the unsigned 64-bit range and 0 is a
// seed like any other (it used to mean "the scenario's"; -1 used to wrap to 2^64-1); an
// unknown command is named, with the nearest real one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/seed_option.h"
#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::run;
using testing::source;

TEST(SeedOption, ParsesExactlyTheUnsigned64BitRange) {
  EXPECT_EQ(parse_seed("0"), 0u);
  EXPECT_EQ(parse_seed("20190401"), 20190401u);
  EXPECT_EQ(parse_seed("18446744073709551615"), 18446744073709551615u);
  for (const char* bad : {"", "-1", "+1", "18446744073709551616", "99999999999999999999", "0x10", "1e3", "1.0",
                          " 1", "1 ", "123456789012345678901"})
    EXPECT_FALSE(parse_seed(bad).has_value()) << bad;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SeedOption, SeedZeroIsASeedNotTheScenarios) {
  const fs::path zero = testing::fresh_dir("seed_test", "zero");
  const fs::path own = testing::fresh_dir("seed_test", "own");
  const std::string baseline = source("scenarios/baseline.yaml");
  ASSERT_EQ(run({"run", baseline, "--reps", "2", "--horizon-months", "2", "--seed", "0", "--out", zero.string()}), 0);
  ASSERT_EQ(run({"run", baseline, "--reps", "2", "--horizon-months", "2", "--out", own.string()}), 0);
  const auto summary = nlohmann::json::parse(slurp(zero / "summary.json"));
  EXPECT_EQ(summary["seed"], 0u);
  EXPECT_NE(slurp(zero / "monthly.csv"), slurp(own / "monthly.csv"));
  fs::remove_all(zero);
  fs::remove_all(own);
}

TEST(SeedOption, OutOfRangeSeedsAreUsageErrorsOnEveryCommand) {
  const std::string baseline = source("scenarios/baseline.yaml");
  const fs::path out = testing::fresh_dir("seed_test", "bad");
  for (const char* bad : {"-1", "18446744073709551616", "0x10", "1.5"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(run({"run", baseline, "--reps", "1", "--horizon-months", "1", "--seed", bad, "--out", out.string()}), 2);
    EXPECT_EQ(run({"compare", baseline, baseline, "--reps", "1", "--horizon-months", "1", "--seed", bad, "--out",
                   out.string()}),
              2);
    EXPECT_EQ(run({"synth", baseline, "--years", "1", "--seed", bad, "--out", out.string()}), 2);
    EXPECT_EQ(run({"demo", "--reps", "1", "--seed", bad}), 2);
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST(CommandWords, AnUnknownCommandIsNamedWithTheNearestOne) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"runn", source("scenarios/baseline.yaml")}), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("'runn' is not a caseflow command"), std::string::npos) << err;
  EXPECT_NE(err.find("did you mean 'run'?"), std::string::npos) << err;

  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"frobnicate"}), 2);
  const std::string far = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(far.find("'frobnicate' is not a caseflow command"), std::string::npos) << far;
  EXPECT_EQ(far.find("did you mean"), std::string::npos) << far;
}

TEST(CommandWords, BareAndHelpPrintTheOverviewWithAnExample) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, std::vector<std::string>{"help"}}) {
    ::testing::internal::CaptureStdout();
    EXPECT_EQ(run(args), 0);
    const std::string out = ::testing::internal::GetCapturedStdout();
    EXPECT_NE(out.find("compare"), std::string::npos);
    EXPECT_NE(out.find("caseflow run scenarios/baseline.yaml"), std::string::npos);
  }
}

// Every command's --help ends with an example of that command (a command added without one
// fails here), and `demo` sits under the developer commands.
TEST(CommandWords, EveryCommandsHelpHasAnExample) {
  ::testing::internal::CaptureStdout();
  ASSERT_EQ(run({"help"}), 0);
  const std::string overview = ::testing::internal::GetCapturedStdout();
  const auto developer = overview.find("Developer commands:");
  ASSERT_NE(developer, std::string::npos) << overview;
  EXPECT_GT(overview.find("  demo "), developer);
  std::size_t commands = 0;
  for (const std::string group : {"Commands:", "Developer commands:"}) {
    std::istringstream lines(overview.substr(overview.find(group)));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
      const std::string name = line.substr(2, line.find(' ', 2) - 2);
      ++commands;
      ::testing::internal::CaptureStdout();
      EXPECT_EQ(run({name, "--help"}), 0) << name;
      const std::string help = ::testing::internal::GetCapturedStdout();
      const std::string example = "Example:\n  caseflow " + name;
      const auto at = help.find(example);
      ASSERT_NE(at, std::string::npos) << name << ":\n" << help;
      const char after = help[at + example.size()];  // the whole name: "run", not "run-something"
      EXPECT_TRUE(after == ' ' || after == '\n') << name;
    }
  }
  EXPECT_GE(commands, 12u);
}

}  // namespace
}  // namespace caseflow::app
