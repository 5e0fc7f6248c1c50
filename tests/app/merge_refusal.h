#pragma once
// A refused `caseflow merge`, as the shard tests (scenario and region) expect it: exit status
// 2, every expected piece in its message, and nothing written: no output folder and no staging
// folder beside it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_in_process.h"

namespace caseflow::app::testing {

inline void expect_no_outputs(const std::filesystem::path& out) {
  EXPECT_FALSE(std::filesystem::exists(out)) << out;
  for (const auto& entry : std::filesystem::directory_iterator(out.parent_path()))
    EXPECT_EQ(entry.path().filename().string().rfind("." + out.filename().string(), 0), std::string::npos)
        << entry.path();
}

// Merges `shards` into `out`, expecting the refusal.
inline void expect_merge_refused(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out,
                                 const std::vector<std::string>& needles) {
  std::vector<std::string> args{"merge"};
  for (const auto& s : shards) args.push_back(s.string());
  args.insert(args.end(), {"--out", out.string()});
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run(args), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  for (const auto& needle : needles) EXPECT_NE(err.find(needle), std::string::npos) << needle << " not in: " << err;
  expect_no_outputs(out);
}

}  // namespace caseflow::app::testing
