// An empirical duration's exponential tail in a scenario (`tail_mean_*`, docs/scenario-format.md):
// read when well formed, and each mistake a user error naming the file, its line and the key.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/stage_table.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

// The baseline with its CIN plans' duration replaced by `duration`; the error's text, or "" when it loads.
std::string load_with(const test::ScratchDir& dir, const std::string& duration, sim::Scenario* loaded = nullptr) {
  const auto path = dir.path() / "tail.yaml";
  std::ofstream(path) << "extends: " << CASEFLOW_SOURCE_DIR << "/scenarios/baseline.yaml\ncin_plan:\n  duration: " << duration << "\n";
  try {
    sim::Scenario s = load_scenario(path.string());
    if (loaded) *loaded = std::move(s);
    return "";
  } catch (const UserError& e) {
    return e.what();
  }
}

TEST(DistributionTailYaml, AWellFormedTailIsRead) {
  test::ScratchDir dir;
  sim::Scenario s;
  ASSERT_EQ(load_with(dir, "{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.4, 0.1], tail_mean_days: 150}", &s), "");
  const sim::Distribution& d = s.epochs.front().parameters.routes[sim::stage_index(sim::Stage::kCin)].duration;
  EXPECT_EQ(d.tail_mean, 150);
  EXPECT_EQ(d.probs.size(), 3u);
  EXPECT_NEAR(d.mean(), 0.5 * 50 + 0.4 * 150 + 0.1 * 350, 1e-9);
}

TEST(DistributionTailYaml, EachMistakeIsLocatedAndNamed) {
  test::ScratchDir dir;
  const struct {
    const char* duration;
    const char* key;
    const char* what;
  } cases[] = {
      {"{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.4, 0.1], tail_mean_wd: 150}", "tail_mean_wd", "must use the unit of upper_days"},
      {"{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.5], tail_mean_days: 150}", "probs", "and one for the tail"},
      {"{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.4, 0.1], tail_mean_days: 0}", "tail_mean_days", "greater than zero"},
      {"{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.4, 0.1], tail_mean: 150}", "tail_mean", "needs its unit"},
      {"{dist: empirical, upper_days: [100, 200], probs: [0.5, 0.4, 0.2], tail_mean_days: 150}", "probs", "sum to"},
  };
  for (const auto& c : cases) {
    const std::string message = load_with(dir, c.duration);
    SCOPED_TRACE(c.duration);
    EXPECT_NE(message.find("tail.yaml:3:"), std::string::npos) << message;
    EXPECT_NE(message.find(c.key), std::string::npos) << message;
    EXPECT_NE(message.find(c.what), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace caseflow::io
