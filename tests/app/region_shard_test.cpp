// `caseflow run REGION.yaml --shard K/N` and `caseflow merge` of region shards (issue 15,
// points 1-3 for a region): the merged outputs are byte for byte those of one region run,
// every file of every council's folder and of the region's total (but summary.json's
// wall_seconds), in 2 and 3 shards of uneven sizes, on 1 and 2 threads; and a merge of shards
// that are not one whole region run (another region file, council list, seed, replication
// count, caseflow version or shard count, a scenario's shard among them, a slice missing or
// given twice, a corrupt file) exits 2, names the file and what differs, and writes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_in_process.h"
#include "merge_refusal.h"
#include "output_files.h"
#include "io/region_shard_file.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::expect_no_outputs;
using testing::file_text;
using testing::run;
using testing::source;
using testing::without_wall_time;

fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("region_shard_test", name); }

// Small: 7 replications of 14 months (two financial years) of three councils, split 3 + 4
// and 2 + 2 + 3.
const std::string kReps = "7";
const std::string kMonths = "14";

std::string region_file() { return source("scenarios/region-example/region.yaml"); }

std::vector<std::string> region_args(const std::string& region, const std::string& threads, const fs::path& out) {
  return {"run", region, "--reps", kReps, "--horizon-months", kMonths, "--threads", threads, "--quiet",
          "--out", out.string()};
}

int run_region_shard(const std::string& region, const std::string& shard, const fs::path& out,
                     std::vector<std::string> extra = {}) {
  std::vector<std::string> args = region_args(region, "2", out);
  args.insert(args.end(), {"--shard", shard});
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

// Every file under `dir` (subfolders included), relative to it, sorted.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), dir).string());
  std::sort(files.begin(), files.end());
  return files;
}

class RegionShardThreads : public ::testing::TestWithParam<const char*> {};

TEST_P(RegionShardThreads, MergedRegionShardsAreTheSingleRegionRun) {
  const std::string threads = GetParam();
  const fs::path dir = fresh_dir(std::string("equal_") + threads);
  const fs::path single = dir / "single";
  std::vector<std::string> args = region_args(region_file(), threads, single);
  args.push_back("--per-replication");
  ASSERT_EQ(run(args), 0);
  const std::vector<std::string> files = files_under(single);
  // 3 councils x 7 files (monthly, annual, budget, summary, resolved scenario, two
  // per-replication), the region's 7 (its resolved region file instead of a scenario's) and
  // the marker.
  ASSERT_EQ(files.size(), 3u * 7 + 7 + 1);

  for (const std::vector<std::string>& order : {std::vector<std::string>{"2", "1"},
                                                std::vector<std::string>{"3", "1", "2"}}) {
    const std::string n = std::to_string(order.size());
    SCOPED_TRACE(n + " shards");
    std::vector<std::string> merge{"merge"};
    for (const auto& k : order) {  // the order given does not matter
      const fs::path part = dir / ("part" + k + "-of-" + n);
      std::vector<std::string> shard = region_args(region_file(), threads, part);
      shard.insert(shard.end(), {"--shard", k + "/" + n});
      ASSERT_EQ(run(shard), 0);
      merge.push_back(part.string());
    }
    const fs::path merged = dir / ("merged-" + n);
    merge.insert(merge.end(), {"--out", merged.string(), "--threads", threads, "--per-replication"});
    ASSERT_EQ(run(merge), 0);
    ASSERT_EQ(files_under(merged), files);
    for (const auto& f : files) {
      const std::string expected = file_text(single / f);
      EXPECT_FALSE(expected.empty()) << f;
      if (fs::path(f).filename() == "summary.json") {
        EXPECT_NE(expected.find("\"wall_seconds\":"), std::string::npos) << f;
        EXPECT_EQ(without_wall_time(file_text(merged / f)), without_wall_time(expected)) << f;
      } else {
        EXPECT_TRUE(file_text(merged / f) == expected) << f << " differs";
      }
    }
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(OneTwo, RegionShardThreads, ::testing::Values("1", "2"));

// The merged provenance is shard 1's, whatever order the shards are given in: shard 1 run on
// one thread and shard 2 on two, given 2 first, merge to files that say one thread.
TEST(RegionShardProvenance, IsShardOnesWhicheverIsGivenFirst) {
  const fs::path dir = fresh_dir("provenance");
  for (const std::string k : {"1", "2"}) {
    std::vector<std::string> args = region_args(region_file(), k, dir / ("part" + k));  // threads = k
    args.insert(args.end(), {"--shard", k + "/2"});
    ASSERT_EQ(run(args), 0);
  }
  ASSERT_EQ(run({"merge", (dir / "part2").string(), (dir / "part1").string(), "--out", (dir / "merged").string()}), 0);
  for (const char* f : {"summary.json", "councils/small/summary.json"}) {
    std::ifstream in(dir / "merged" / f);
    EXPECT_EQ(nlohmann::json::parse(in)["threads"], 1) << f;
  }
  fs::remove_all(dir);
}

class RegionShardRefusal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fresh_dir("refusal"));
    fs::create_directories(*dir_);
    for (const std::string k : {"1", "2", "3"}) ASSERT_EQ(run_region_shard(region_file(), k + "/3", part(k)), 0);
    ASSERT_EQ(run_region_shard(region_file(), "2/3", *dir_ / "seed", {"--seed", "7"}), 0);
    ASSERT_EQ(run_region_shard(region_file(), "2/4", *dir_ / "four"), 0);
    std::vector<std::string> count = region_args(region_file(), "2", *dir_ / "count");
    count[3] = "8";  // --reps
    count.insert(count.end(), {"--shard", "2/3"});
    ASSERT_EQ(run(count), 0);
    // The same councils in another region file (another description), and two of them only.
    const std::string folder = fs::path(region_file()).parent_path().string();
    auto council = [&](const std::string& name) {
      return "  - name: " + name + "\n    scenario: " + folder + "/" + name + ".yaml\n";
    };
    std::ofstream(*dir_ / "other.yaml") << "region: region-example\ndescription: another\nshared:\n  seed: 20190401\n"
                                        << "councils:\n" << council("small") << council("medium") << council("large");
    ASSERT_EQ(run_region_shard((*dir_ / "other.yaml").string(), "2/3", *dir_ / "other"), 0);
    std::ofstream(*dir_ / "two.yaml") << "region: region-example\nshared:\n  seed: 20190401\ncouncils:\n"
                                      << council("small") << council("large");
    ASSERT_EQ(run_region_shard((*dir_ / "two.yaml").string(), "2/3", *dir_ / "two"), 0);
    ASSERT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", kReps, "--horizon-months", kMonths, "--shard",
                   "2/3", "--threads", "2", "--quiet", "--out", (*dir_ / "scenario").string()}),
              0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path part(const std::string& k) { return *dir_ / ("part" + k); }
  static std::string file_of(const fs::path& folder) { return (folder / io::kRegionShardFileName).string(); }

  // Merges `shards`: exit 2, every `needles` in the message, nothing written.
  static void expect_refused(const std::vector<fs::path>& shards, const std::vector<std::string>& needles) {
    testing::expect_merge_refused(shards, *dir_ / "merged", needles);
  }

  static fs::path* dir_;
};
fs::path* RegionShardRefusal::dir_ = nullptr;

TEST_F(RegionShardRefusal, TheWholeRunMerges) {
  const fs::path out = *dir_ / "whole";
  EXPECT_EQ(run({"merge", part("3").string(), part("1").string(), part("2").string(), "--out", out.string()}), 0);
  EXPECT_TRUE(fs::exists(out / "monthly.csv"));
  EXPECT_TRUE(fs::exists(out / "councils" / "large" / "monthly.csv"));
  fs::remove_all(out);
}

TEST_F(RegionShardRefusal, AnotherRegionFile) {
  expect_refused({part("1"), *dir_ / "other", part("3")}, {file_of(*dir_ / "other"), "region hash"});
}

TEST_F(RegionShardRefusal, AnotherCouncilList) {
  expect_refused({part("1"), *dir_ / "two", part("3")},
                 {file_of(*dir_ / "two"), "council list small,large differs from small,medium,large"});
}

TEST_F(RegionShardRefusal, AnotherSeed) {
  expect_refused({part("1"), *dir_ / "seed", part("3")},
                 {file_of(*dir_ / "seed") + " (council 'small')", "seed", "differs"});
}

TEST_F(RegionShardRefusal, AnotherReplicationCount) {
  expect_refused({part("1"), *dir_ / "count", part("3")},
                 {file_of(*dir_ / "count") + " (council 'small')", "replication count 8 differs from 7"});
}

// Another caseflow's shard: rewritten by this one's writer with only its version changed, so
// that the file itself is sound and the version is what the merge must catch.
TEST_F(RegionShardRefusal, AnotherCaseflowVersion) {
  io::RegionShardFile other = io::read_region_shard_file(file_of(part("2")));
  other.header.caseflow_version = "0.0.1-other";
  const fs::path file = *dir_ / "version.cfshard";
  {
    std::ofstream out(file, std::ios::binary);
    io::write_region_shard_file(out, other);
  }
  expect_refused({part("1"), file, part("3")}, {file.string(), "caseflow version 0.0.1-other differs"});
}

TEST_F(RegionShardRefusal, AnotherShardCount) {
  expect_refused({part("1"), *dir_ / "four", part("3")}, {file_of(*dir_ / "four"), "shard count 4 differs from 3"});
}

TEST_F(RegionShardRefusal, AScenarioShardAmongThem) {
  expect_refused({part("1"), *dir_ / "scenario", part("3")},
                 {(*dir_ / "scenario" / "shard.cfshard").string(), "is a scenario shard", "region shard"});
  expect_refused({*dir_ / "scenario", part("1")}, {file_of(part("1")), "is a region shard"});
}

TEST_F(RegionShardRefusal, AMissingSlice) {
  expect_refused({part("1"), part("3")}, {"missing: 2/3 (replications 2 to 3)"});
}

TEST_F(RegionShardRefusal, ADuplicateSlice) {
  expect_refused({part("1"), part("2"), part("2"), part("3")}, {file_of(part("2")), "is shard 2/3 again"});
}

TEST_F(RegionShardRefusal, ACorruptOrTruncatedFile) {
  const fs::path bad = *dir_ / "corrupt.cfshard";
  fs::copy_file(file_of(part("2")), bad, fs::copy_options::overwrite_existing);
  {
    std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
    const auto middle = static_cast<std::streamoff>(fs::file_size(bad) / 2);  // in a council's values
    f.seekg(middle);
    const char byte = static_cast<char>(f.get());
    f.seekp(middle);
    f.put(static_cast<char>(byte ^ 0x10));
  }
  expect_refused({part("1"), bad, part("3")}, {bad.string(), "checksum mismatch"});
  fs::copy_file(file_of(part("2")), bad, fs::copy_options::overwrite_existing);
  fs::resize_file(bad, fs::file_size(bad) - 100);
  expect_refused({part("1"), bad, part("3")}, {bad.string(), "truncated"});
}

TEST_F(RegionShardRefusal, ShardOptionErrors) {
  const fs::path out = *dir_ / "bad-option";
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run_region_shard(region_file(), "1/8", out), 2);  // more shards than replications
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("at most 7 shards"), std::string::npos);
  EXPECT_EQ(run_region_shard(region_file(), "1/3", out, {"--per-replication"}), 2);
  EXPECT_EQ(run_region_shard(region_file(), "1/3", out, {"--report"}), 2);
  expect_no_outputs(out);
}

}  // namespace
}  // namespace caseflow::app
