// The progress line: nothing when not shown (not a terminal, or --quiet) or before the quiet
// period ends; when shown, "N of TOTAL replications" with the time left, drawn in place and
// cleared at the end; safe when replications finish on several threads at once.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

#include "app/progress_line.h"
#include "cli_in_process.h"

namespace caseflow::app {
namespace {

TEST(ProgressLine, HiddenDrawsNothing) {
  std::ostringstream out;
  {
    ProgressLine line(3, false, out, std::chrono::seconds(0));
    for (int i = 0; i < 3; ++i) line.step();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressLine, ShortRunsDrawNothing) {
  std::ostringstream out;
  {
    ProgressLine line(3, true, out, std::chrono::hours(1));
    for (int i = 0; i < 3; ++i) line.step();
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressLine, ShownItCountsInPlaceAndClears) {
  std::ostringstream out;
  {
    ProgressLine line(4, true, out, std::chrono::seconds(0));
    line.step();
    EXPECT_NE(out.str().find("caseflow: 1 of 4 replications"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("left"), std::string::npos) << out.str();
    for (int i = 0; i < 3; ++i) line.step();
    EXPECT_NE(out.str().find("4 of 4 replications"), std::string::npos) << out.str();  // the last is always drawn
    EXPECT_EQ(out.str().find('\n'), std::string::npos);  // in place: carriage returns, no new lines
  }
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\033[K");
}

TEST(ProgressLine, OpenEndedCountsWithoutATimeLeft) {
  // A plan does not know how many staffings it will simulate: total 0.
  std::ostringstream out;
  {
    ProgressLine line(0, true, out, std::chrono::seconds(0));
    line.step();
    line.step();
    EXPECT_NE(out.str().find("caseflow: 1 replications simulated"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find("left"), std::string::npos) << out.str();
    EXPECT_EQ(out.str().find(" of "), std::string::npos) << out.str();
  }
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\033[K") << "cleared at the end";
}

TEST(ProgressLine, ManyThreadsCountEveryStep) {
  std::ostringstream out;
  ProgressLine line(8000, true, out, std::chrono::seconds(0));
  std::vector<std::jthread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) line.step();
    });
  threads.clear();
  EXPECT_NE(out.str().find("8000 of 8000 replications"), std::string::npos);
}

// In the tests stderr is not a terminal, so a run prints no progress: its stderr stays empty.
TEST(ProgressLine, ARunWritesNoProgressWhenStderrIsNotATerminal) {
  const auto out = testing::fresh_dir("progress_line_test", "run");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(testing::run({"run", testing::source("scenarios/baseline.yaml"), "--reps", "2", "--horizon-months", "2",
                          "--out", out.string()}),
            0);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(testing::run({"run", testing::source("scenarios/baseline.yaml"), "--reps", "2", "--horizon-months", "2",
                          "--quiet", "--out", out.string()}),
            0);
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace caseflow::app
