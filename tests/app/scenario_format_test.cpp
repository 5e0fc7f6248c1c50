// docs/scenario-format.md is the output of `caseflow scenario-format`: regenerated here and
// compared, so the page cannot fall behind the key declarations.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "io/scenario_format.h"
#include "io/scenario_keys.h"

namespace caseflow::app {
namespace {

std::string command_output(std::vector<std::string> args) {
  args.insert(args.begin(), "caseflow");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream captured;
  std::streambuf* previous = std::cout.rdbuf(captured.rdbuf());
  const int status = run_main(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(previous);
  EXPECT_EQ(status, 0);
  return captured.str();
}

TEST(ScenarioFormat, CommittedPageIsUpToDate) {
  const std::string generated = command_output({"scenario-format"});
  std::ifstream in(std::string(CASEFLOW_SOURCE_DIR) + "/docs/scenario-format.md");
  ASSERT_TRUE(in) << "docs/scenario-format.md is missing; create it with: " << io::kScenarioFormatCommand;
  std::stringstream committed;
  committed << in.rdbuf();
  if (committed.str() == generated) return;
  std::istringstream a(committed.str()), b(generated);
  std::string line_a, line_b;
  int line = 0;
  for (;;) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a)), more_b = static_cast<bool>(std::getline(b, line_b));
    ++line;
    if (!more_a && !more_b) break;
    if (!more_a || !more_b || line_a != line_b) break;
  }
  FAIL() << "docs/scenario-format.md is stale (first difference at line " << line << ")\n  committed: " << line_a
         << "\n  generated: " << line_b << "\nRegenerate it with: " << io::kScenarioFormatCommand;
}

TEST(ScenarioFormat, PageListsEveryKeyWithItsUnit) {
  const std::string page = command_output({"scenario-format"});
  for (const auto& d : io::scenario_keys()) {
    const std::size_t row = page.find("| `" + d.key + "` |");
    if (d.type == io::KeyType::kSection && d.key.find('.') == std::string::npos) {
      EXPECT_NE(page.find("### `" + d.key + "`"), std::string::npos) << d.key;
      continue;
    }
    ASSERT_NE(row, std::string::npos) << d.key;
    const std::string line = page.substr(row, page.find('\n', row) - row);
    EXPECT_NE(line.find(d.meaning), std::string::npos) << line;
    if (!d.unit.empty()) {
      EXPECT_NE(line.find("| " + d.unit + " |"), std::string::npos) << line;
    }
  }
}

}  // namespace
}  // namespace caseflow::app
