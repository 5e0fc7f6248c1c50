// Atomic output sets (io/output_dir.*): a reader of the target sees the old set or the new
// set, never a mix, even when the writing process is killed (SIGKILL) at any step of the
// commit; the staging folder a killed run leaves is removed by the next run; a failed commit
// leaves the previous outputs intact; a user's own file in the folder survives.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/output_dir.h"
#include "io/user_error.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

namespace fs = std::filesystem;

// A folder of the test's own, in this process's scratch folder (removed when it ends).
fs::path fresh_parent(const std::string& name) {
  static const test::ScratchDir scratch;
  const fs::path p = scratch / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes a set named `tag`: every file holds the tag, so a mix is visible.
void write_set(const fs::path& target, const std::string& tag, const std::vector<std::string>& files) {
  OutputDir out(target);
  for (const auto& f : files) out.write(f, [&](std::ostream& o) { o << tag; });
  out.commit();
}

// The tag every listed file holds, or "mix" / "missing".
std::string set_tag(const fs::path& target, const std::vector<std::string>& files) {
  std::set<std::string> tags;
  for (const auto& f : files) tags.insert(fs::exists(target / f) ? slurp(target / f) : "missing");
  return tags.size() == 1 ? *tags.begin() : "mix";
}

std::vector<std::string> staging_left(const fs::path& parent) {
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(parent))
    if (e.path().filename().string().find("caseflow-staging") != std::string::npos) left.push_back(e.path().filename());
  return left;
}

const std::vector<std::string> kFiles = {"monthly.csv", "annual.csv", "summary.json", "scenario.resolved.yaml"};

TEST(OutputDir, FirstCommitCreatesTheFolderAndLeavesNoStaging) {
  const fs::path parent = fresh_parent("first");
  write_set(parent / "run", "one", kFiles);
  EXPECT_EQ(set_tag(parent / "run", kFiles), "one");
  EXPECT_TRUE(fs::exists(parent / "run" / OutputDir::kMarker));
  EXPECT_TRUE(staging_left(parent).empty());
}

TEST(OutputDir, SecondCommitReplacesTheSetKeepsUserFilesAndDropsFilesOnlyTheOldSetHad) {
  const fs::path parent = fresh_parent("second");
  const fs::path target = parent / "run";
  std::vector<std::string> with_extra = kFiles;
  with_extra.push_back("per_replication_annual.csv");
  write_set(target, "one", with_extra);
  { std::ofstream(target / "my-notes.txt") << "mine"; }
  fs::create_directories(target / "charts");
  { std::ofstream(target / "charts" / "a.png") << "png"; }
  const auto inode_before = fs::hard_link_count(target / "my-notes.txt");

  write_set(target, "two", kFiles);
  EXPECT_EQ(set_tag(target, kFiles), "two");
  EXPECT_FALSE(fs::exists(target / "per_replication_annual.csv"));
  EXPECT_EQ(slurp(target / "my-notes.txt"), "mine");
  EXPECT_EQ(slurp(target / "charts" / "a.png"), "png");
  EXPECT_EQ(fs::hard_link_count(target / "my-notes.txt"), inode_before);  // the old link went with the old set
  EXPECT_TRUE(staging_left(parent).empty());
}

// A region's set has subfolders (councils/NAME/...): they are written, listed in the marker and
// replaced whole by the next commit, so a council dropped from the region leaves no folder
// behind, while a user's file beside them is carried.
TEST(OutputDir, SubfoldersOfTheSetAreReplacedWhole) {
  const fs::path parent = fresh_parent("subfolders");
  const fs::path target = parent / "region";
  const std::vector<std::string> two_councils{"monthly.csv", "councils/a/monthly.csv", "councils/b/monthly.csv"};
  write_set(target, "one", two_councils);
  EXPECT_EQ(set_tag(target, two_councils), "one");
  EXPECT_NE(slurp(target / OutputDir::kMarker).find("councils/b/monthly.csv\n"), std::string::npos);
  { std::ofstream(target / "my-notes.txt") << "mine"; }

  const std::vector<std::string> one_council{"monthly.csv", "councils/a/monthly.csv"};
  write_set(target, "two", one_council);
  EXPECT_EQ(set_tag(target, one_council), "two");
  EXPECT_FALSE(fs::exists(target / "councils" / "b"));
  EXPECT_EQ(slurp(target / "my-notes.txt"), "mine");
  EXPECT_TRUE(staging_left(parent).empty());
}

// Issue 16: a non-empty folder named summary.json in the target made the run fail after it
// had replaced two files. Now the set swaps whole.
TEST(OutputDir, AFolderWhereAnOutputFileGoesIsReplacedWithTheSet) {
  const fs::path parent = fresh_parent("folder_named_like_output");
  const fs::path target = parent / "run";
  write_set(target, "one", kFiles);
  fs::remove(target / "summary.json");
  fs::create_directories(target / "summary.json" / "inner");
  write_set(target, "two", kFiles);
  EXPECT_EQ(set_tag(target, kFiles), "two");
  EXPECT_TRUE(fs::is_regular_file(target / "summary.json"));
}

TEST(OutputDir, AFailedRunLeavesThePreviousOutputsAndNoStaging) {
  const fs::path parent = fresh_parent("failed");
  const fs::path target = parent / "run";
  write_set(target, "one", kFiles);
  EXPECT_THROW(
      {
        OutputDir out(target);
        out.write("monthly.csv", [](std::ostream& o) { o << "two"; });
        throw std::runtime_error("the simulation failed");
      },
      std::runtime_error);
  EXPECT_EQ(set_tag(target, kFiles), "one");
  EXPECT_TRUE(staging_left(parent).empty());

  // A commit that fails part-way (here: after the user's files were carried) also leaves them.
  OutputDir::set_commit_hook([](std::string_view step) {
    if (step == "carried") throw std::runtime_error("injected");
  });
  EXPECT_THROW(write_set(target, "two", kFiles), std::runtime_error);
  OutputDir::set_commit_hook(nullptr);
  EXPECT_EQ(set_tag(target, kFiles), "one");
  EXPECT_TRUE(staging_left(parent).empty());
}

// SIGKILL at each step of the commit, in a child process. Before the swap the old set must be
// whole; after it the new one. Either way the next run removes what the killed one left.
TEST(OutputDir, KilledAtEachStepOfTheCommitTheTargetHoldsOneWholeSet) {
  for (const std::string step : {"marked", "carried", "swapped", "done"}) {
    SCOPED_TRACE(step);
    const fs::path parent = fresh_parent("kill_" + step);
    const fs::path target = parent / "run";
    write_set(target, "old", kFiles);
    { std::ofstream(target / "my-notes.txt") << "mine"; }

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      OutputDir::set_commit_hook([&](std::string_view at) {
        if (at == step) ::raise(SIGKILL);
      });
      write_set(target, "new", kFiles);
      ::_exit(0);  // not reached when the kill works
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    const bool swapped = step == "swapped" || step == "done";
    EXPECT_EQ(set_tag(target, kFiles), swapped ? "new" : "old");
    EXPECT_EQ(slurp(target / "my-notes.txt"), "mine");
    if (step != "done") {
      EXPECT_FALSE(staging_left(parent).empty()) << "the kill should leave its staging folder";
    }

    write_set(target, "next", kFiles);
    EXPECT_EQ(set_tag(target, kFiles), "next");
    EXPECT_EQ(slurp(target / "my-notes.txt"), "mine");
    EXPECT_TRUE(staging_left(parent).empty());
  }
}

// A staging folder of a run that is still going (its process is alive) is not touched.
TEST(OutputDir, AStagingFolderOfALiveRunIsLeftAlone) {
  const fs::path parent = fresh_parent("live");
  const fs::path live = parent / (".run.caseflow-staging-" + std::to_string(::getpid()) + "-1");
  fs::create_directories(live);
  write_set(parent / "run", "one", kFiles);
  EXPECT_TRUE(fs::exists(live));
}

TEST(OutputDir, TrailingSlashAndDotNameTheFolderItself) {
  const fs::path parent = fresh_parent("slash");
  write_set(parent.string() + "/run/", "one", kFiles);
  EXPECT_EQ(set_tag(parent / "run", kFiles), "one");
  EXPECT_TRUE(staging_left(parent).empty());
  write_set(parent / "run" / ".", "two", kFiles);
  EXPECT_EQ(set_tag(parent / "run", kFiles), "two");
  EXPECT_TRUE(staging_left(parent).empty());
}

TEST(OutputDir, AForeignFolderIsRefusedUnlessForced) {
  const fs::path parent = fresh_parent("foreign");
  fs::create_directories(parent / "mine");
  { std::ofstream(parent / "mine" / "thesis.docx") << "work"; }
  EXPECT_THROW(OutputDir(parent / "mine", ForeignFolder::kRefuse), UserError);
  OutputDir out(parent / "mine", ForeignFolder::kWriteInto);
  out.write("monthly.csv", [](std::ostream& o) { o << "x"; });
  out.commit();
  EXPECT_EQ(slurp(parent / "mine" / "thesis.docx"), "work");
  EXPECT_EQ(slurp(parent / "mine" / "monthly.csv"), "x");
}

}  // namespace
}  // namespace caseflow::io
