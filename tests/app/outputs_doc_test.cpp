// The table in docs/outputs.md ("## Metrics") is the output of `caseflow metrics` as
// Markdown rows, in catalogue order: compared here, so the page cannot fall behind the
// catalogue (sim/metrics.cpp).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "sim/metrics.h"

namespace caseflow::sim {
namespace {

TEST(OutputsDoc, MetricsTableFollowsTheCatalogue) {
  std::ifstream in(std::string(CASEFLOW_SOURCE_DIR) + "/docs/outputs.md");
  ASSERT_TRUE(in) << "docs/outputs.md is missing";
  std::vector<std::string> rows;
  bool in_table_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) in_table_section = line == "## Metrics";
    else if (in_table_section && line.rfind("| `", 0) == 0) rows.push_back(line);
  }
  const auto& catalogue = metric_catalogue();
  ASSERT_EQ(rows.size(), catalogue.size()) << "docs/outputs.md's metrics table has a row per catalogue metric";
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto& m = catalogue[i];
    const std::string want = std::string("| `") + m.name + "` | " + m.unit + " | " + group_kind_name(m.groups) + " | " +
                             m.description + " |";
    EXPECT_EQ(rows[i], want) << "regenerate the table from `caseflow metrics`";
  }
}

}  // namespace
}  // namespace caseflow::sim
