// --max-memory and the memory check before a run: sizes parse strictly; a run whose estimate
// is over the limit is refused before it starts (exit 2, no outputs), the message giving the
// estimate; --reps past 100,000 is a usage error.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "app/memory_limit.h"
#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::run;
using testing::source;

TEST(MemoryLimit, SizesParseStrictly) {
  EXPECT_EQ(parse_memory_size("4G"), 4e9);
  EXPECT_EQ(parse_memory_size("512M"), 512e6);
  EXPECT_EQ(parse_memory_size("1.5g"), 1.5e9);
  EXPECT_EQ(parse_memory_size("1000"), 1000.0);
  for (const char* bad : {"", "G", "-1G", "0", "4X", "4 G", "1e9", "inf", "nan"})
    EXPECT_FALSE(parse_memory_size(bad).has_value()) << bad;
}

TEST(MemoryLimit, ARunOverTheLimitIsRefusedBeforeItStarts) {
  const fs::path out = testing::fresh_dir("memory_limit_test", "over");
  const std::string baseline = source("scenarios/baseline.yaml");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"run", baseline, "--reps", "1000", "--max-memory", "50M", "--out", out.string()}), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("--max-memory: this run would need about"), std::string::npos) << err;
  EXPECT_NE(err.find("1000 replications' monthly figures"), std::string::npos) << err;
  EXPECT_EQ(run({"compare", baseline, source("scenarios/agency-reduction.yaml"), "--reps", "1000", "--max-memory",
                 "100M", "--out", out.string()}),
            2);
  EXPECT_EQ(run({"run", baseline, "--reps", "100001", "--out", out.string()}), 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(run({"run", baseline, "--reps", "2", "--horizon-months", "2", "--max-memory", "1G", "--out", out.string()}), 0);
  fs::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
