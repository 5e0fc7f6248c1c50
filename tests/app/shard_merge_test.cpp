// `caseflow run --shard K/N` and `caseflow merge` (issue 15 point 2): the merged outputs are
// byte for byte those of one run of every replication, on 1, 2 and 7 threads, with shards of
// uneven sizes; and a merge of shards that are not one whole run (another seed, scenario or
// replication count, a slice missing or given twice, a truncated or corrupted file) exits 2,
// names the file or the slice, and writes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli_in_process.h"
#include "merge_refusal.h"
#include "output_files.h"
#include "io/shard_file.h"
#include "sim/shard_slice.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;
using testing::expect_no_outputs;
using testing::file_text;
using testing::run;
using testing::source;
using testing::without_wall_time;

fs::path fresh_dir(const std::string& name) { return testing::fresh_dir("shard_merge_test", name); }

// Small enough to run many times: 40 replications of 6 months split 13 + 13 + 14.
const std::string kReps = "40";
const std::string kMonths = "6";

int run_shard(const std::string& scenario, const std::string& shard, const fs::path& out,
              std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"run", scenario, "--reps", kReps, "--horizon-months", kMonths, "--shard", shard,
                                "--threads", "2", "--quiet", "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

TEST(ShardSlice, ContiguousBlocksCoverEveryIdOnce) {
  EXPECT_EQ(sim::shard_slice(40, 1, 3).first, 0u);
  EXPECT_EQ(sim::shard_slice(40, 1, 3).count, 13u);
  EXPECT_EQ(sim::shard_slice(40, 2, 3).first, 13u);
  EXPECT_EQ(sim::shard_slice(40, 2, 3).count, 13u);
  EXPECT_EQ(sim::shard_slice(40, 3, 3).first, 26u);
  EXPECT_EQ(sim::shard_slice(40, 3, 3).count, 14u);
  for (std::uint32_t total : {1u, 7u, 1000u, 100000u})
    for (std::uint32_t shards : {1u, 2u, 3u, 7u}) {
      if (shards > total) continue;
      std::uint32_t next = 0;
      for (std::uint32_t k = 1; k <= shards; ++k) {
        const sim::ShardSlice s = sim::shard_slice(total, k, shards);
        EXPECT_EQ(s.first, next) << total << " " << k << "/" << shards;
        EXPECT_GE(s.count, total / shards);
        EXPECT_LE(s.count, total / shards + 1);
        next += s.count;
      }
      EXPECT_EQ(next, total);
    }
}

TEST(ShardMerge, MergedShardsAreTheSingleRunOnOneTwoAndSevenThreads) {
  const std::string baseline = source("scenarios/baseline.yaml");
  const fs::path dir = fresh_dir("equal");
  for (const std::string threads : {"1", "2", "7"}) {
    SCOPED_TRACE("threads " + threads);
    const fs::path single = dir / ("single-" + threads), merged = dir / ("merged-" + threads);
    ASSERT_EQ(run({"run", baseline, "--reps", kReps, "--horizon-months", kMonths, "--threads", threads, "--quiet",
                   "--per-replication", "--out", single.string()}),
              0);
    std::vector<std::string> merge{"merge"};
    for (const std::string k : {"3", "1", "2"}) {  // the order given does not matter
      const fs::path part = dir / ("part" + k + "-" + threads);
      ASSERT_EQ(run({"run", baseline, "--reps", kReps, "--horizon-months", kMonths, "--shard", k + "/3", "--threads",
                     threads, "--quiet", "--out", part.string()}),
                0);
      merge.push_back(part.string());
    }
    merge.insert(merge.end(), {"--out", merged.string(), "--threads", threads, "--per-replication"});
    ASSERT_EQ(run(merge), 0);
    for (const char* f : {"monthly.csv", "annual.csv", "budget.csv", "scenario.resolved.yaml",
                          "per_replication_annual.csv", "per_replication_headline.csv"}) {
      const std::string expected = file_text(single / f);
      EXPECT_FALSE(expected.empty()) << f;
      EXPECT_TRUE(file_text(merged / f) == expected) << f << " differs";
    }
    const std::string summary = file_text(single / "summary.json");
    EXPECT_NE(summary.find("\"wall_seconds\":"), std::string::npos);
    EXPECT_EQ(without_wall_time(file_text(merged / "summary.json")), without_wall_time(summary));
    EXPECT_EQ(file_text(merged / ".caseflow-outputs"), file_text(single / ".caseflow-outputs"));
  }
  fs::remove_all(dir);
}

// The merged provenance is shard 1's, whatever order the shards are given in: shard 1 run on
// one thread and shard 2 on two, given 2 first, merge to a summary.json that says one thread.
TEST(ShardMerge, ProvenanceIsShardOnesWhicheverIsGivenFirst) {
  const std::string baseline = source("scenarios/baseline.yaml");
  const fs::path dir = fresh_dir("provenance");
  for (const std::string k : {"1", "2"})
    ASSERT_EQ(run({"run", baseline, "--reps", kReps, "--horizon-months", kMonths, "--shard", k + "/2", "--threads", k,
                   "--quiet", "--out", (dir / ("part" + k)).string()}),
              0);
  ASSERT_EQ(run({"merge", (dir / "part2").string(), (dir / "part1").string(), "--out", (dir / "merged").string()}), 0);
  EXPECT_NE(file_text(dir / "merged" / "summary.json").find("\"threads\": 1,"), std::string::npos);
  fs::remove_all(dir);
}

class ShardMergeRefusal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fresh_dir("refusal"));
    const std::string baseline = source("scenarios/baseline.yaml");
    for (const std::string k : {"1", "2", "3"}) ASSERT_EQ(run_shard(baseline, k + "/3", part(k)), 0);
    ASSERT_EQ(run_shard(baseline, "2/3", *dir_ / "seed", {"--seed", "7"}), 0);
    ASSERT_EQ(run_shard(source("scenarios/agency-reduction.yaml"), "2/3", *dir_ / "scenario"), 0);
    ASSERT_EQ(run({"run", baseline, "--reps", "41", "--horizon-months", kMonths, "--shard", "2/3", "--threads", "2",
                   "--quiet", "--out", (*dir_ / "count").string()}),
              0);
    ASSERT_EQ(run_shard(baseline, "2/4", *dir_ / "four"), 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path part(const std::string& k) { return *dir_ / ("part" + k); }
  static fs::path shard_file(const fs::path& folder) { return folder / io::kShardFileName; }

  // Merges `shards`: exit 2, every `needles` in the message, nothing written.
  static void expect_refused(const std::vector<fs::path>& shards, const std::vector<std::string>& needles) {
    testing::expect_merge_refused(shards, *dir_ / "merged", needles);
  }

  static fs::path* dir_;
};
fs::path* ShardMergeRefusal::dir_ = nullptr;

TEST_F(ShardMergeRefusal, TheWholeRunMerges) {
  const fs::path out = *dir_ / "whole";
  EXPECT_EQ(run({"merge", part("1").string(), part("2").string(), part("3").string(), "--out", out.string()}), 0);
  EXPECT_TRUE(fs::exists(out / "monthly.csv"));
  fs::remove_all(out);
}

TEST_F(ShardMergeRefusal, AnotherSeed) {
  expect_refused({part("1"), *dir_ / "seed", part("3")}, {shard_file(*dir_ / "seed").string(), "seed 7 differs"});
}

TEST_F(ShardMergeRefusal, AnotherScenario) {
  expect_refused({part("1"), *dir_ / "scenario", part("3")},
                 {shard_file(*dir_ / "scenario").string(), "scenario hash", "agency"});
}

TEST_F(ShardMergeRefusal, AnotherReplicationCount) {
  expect_refused({part("1"), *dir_ / "count", part("3")},
                 {shard_file(*dir_ / "count").string(), "replication count 41 differs from 40"});
}

TEST_F(ShardMergeRefusal, AnotherShardCount) {
  expect_refused({part("1"), *dir_ / "four", part("3")}, {shard_file(*dir_ / "four").string(), "shard count 4"});
}

TEST_F(ShardMergeRefusal, AMissingSlice) {
  expect_refused({part("1"), part("3")}, {"missing: 2/3 (replications 13 to 25)"});
}

TEST_F(ShardMergeRefusal, ADuplicateSlice) {
  expect_refused({part("1"), part("2"), part("2"), part("3")}, {shard_file(part("2")).string(), "is shard 2/3 again"});
}

TEST_F(ShardMergeRefusal, ATruncatedFile) {
  const fs::path cut = *dir_ / "truncated.cfshard";
  fs::copy_file(shard_file(part("2")), cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(cut) - 100);
  expect_refused({part("1"), cut, part("3")}, {cut.string(), "truncated"});
  fs::resize_file(cut, 200);  // inside the header
  expect_refused({part("1"), cut, part("3")}, {cut.string(), "truncated", "inside its"});
}

TEST_F(ShardMergeRefusal, ACorruptFile) {
  const fs::path bad = *dir_ / "corrupt.cfshard";
  fs::copy_file(shard_file(part("2")), bad, fs::copy_options::overwrite_existing);
  {
    std::fstream f(bad, std::ios::in | std::ios::out | std::ios::binary);
    const auto middle = static_cast<std::streamoff>(fs::file_size(bad) / 2);  // in a value
    f.seekg(middle);
    const char byte = static_cast<char>(f.get());
    f.seekp(middle);
    f.put(static_cast<char>(byte ^ 0x10));
  }
  expect_refused({part("1"), bad, part("3")}, {bad.string(), "checksum mismatch"});
  const fs::path other = *dir_ / "not-a-shard.cfshard";
  std::ofstream(other) << "month,metric\n";
  expect_refused({part("1"), other, part("3")}, {other.string(), "not a caseflow shard file"});
}

TEST_F(ShardMergeRefusal, ShardOptionErrors) {
  const std::string baseline = source("scenarios/baseline.yaml");
  const fs::path out = *dir_ / "bad-option";
  for (const std::string bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/3"})
    EXPECT_EQ(run_shard(baseline, bad, out), 2) << bad;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run_shard(baseline, "1/41", out), 2);  // more shards than replications
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("at most 40 shards"), std::string::npos);
  EXPECT_EQ(run_shard(baseline, "1/3", out, {"--per-replication"}), 2);
  expect_no_outputs(out);
}

}  // namespace
}  // namespace caseflow::app
