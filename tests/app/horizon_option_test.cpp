// --horizon-months past the school-term calendar is a usage error on run and compare (exit 2,
// no outputs), naming the option and the span the calendar covers; the rule makes it run.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::run;
using testing::source;

TEST(HorizonOption, PastTheSchoolCalendarIsAUsageError) {
  const fs::path out = testing::fresh_dir("horizon_test", "past");
  const std::string baseline = source("scenarios/baseline.yaml");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"run", baseline, "--reps", "1", "--horizon-months", "72", "--out", out.string()}), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("--horizon-months"), std::string::npos) << err;
  EXPECT_NE(err.find("covers 2019-02-25 to 2024-05-24"), std::string::npos) << err;
  EXPECT_EQ(run({"compare", baseline, source("scenarios/agency-reduction.yaml"), "--reps", "1", "--horizon-months",
                 "72", "--out", out.string()}),
            2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(run({"run", source("tests/data/school_terms_rule.yaml"), "--reps", "1", "--horizon-months", "120",
                 "--out", out.string()}),
            0);
  fs::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
