// `caseflow inspect-returns` in-process: it prints what it read and exits 0; unreadable input
// is one error line and exit 2; --strict refuses a folder with a data-quality problem; it
// writes nothing into the folder it reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "tests/scratch_dir.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

struct Result {
  int status;
  std::string out, err;
};

Result inspect(std::vector<std::string> args) {
  args.insert(args.begin(), {"caseflow", "inspect-returns"});
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int status = run_main(static_cast<int>(argv.size()), argv.data());
  return {status, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

const std::string kCanonical = std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/returns/canonical";

TEST(InspectReturnsCommand, PrintsWhatItReadAndWritesNothing) {
  const auto before = listing(kCanonical);
  const Result r = inspect({kCanonical});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("files read: 17"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("children: 4 (referrals 2, care episodes 3)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CLA starts                      2        0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("data quality: no problems counted"), std::string::npos) << r.out;
  EXPECT_EQ(inspect({kCanonical, "--strict"}).status, 0);
  EXPECT_EQ(listing(kCanonical), before);
}

TEST(InspectReturnsCommand, UnreadableInputAndStrictProblemsExitTwo) {
  const test::ScratchDir scratch;
  const fs::path dir = scratch.path();
  fs::create_directories(dir / "2020");
  std::ofstream(dir / "2020" / "Episodes.csv") << "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nA,01/05/2019,S,V2,U4,01/04/2019,E8\n";
  const Result counted = inspect({dir.string()});
  EXPECT_EQ(counted.status, 0);
  EXPECT_NE(counted.out.find("episode.ends_before_start\t1\tCHILD A episode from 2019-05-01"), std::string::npos) << counted.out;
  const Result strict = inspect({dir.string(), "--strict"});
  EXPECT_EQ(strict.status, 2);
  EXPECT_EQ(strict.out, "");
  EXPECT_NE(strict.err.find((dir / "2020" / "Episodes.csv").string() + ":2: episode.ends_before_start"), std::string::npos)
      << strict.err;
  std::ofstream(dir / "2020" / "Episodes.csv") << "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nA,01/05/2019,S,V2,U4,32/04/2019,E8\n";
  const Result bad = inspect({dir.string()});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, "caseflow: error: " + (dir / "2020" / "Episodes.csv").string() +
                         ":2:22: DEC: '32/04/2019' is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caseflow::app
