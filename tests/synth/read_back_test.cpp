// The round trip's read-back leg: synth's History written as files (returns::write_returns)
// and read back (returns::read_returns) gives the same flow counts as the replication, month
// by month. Compiled once the readers and writers are both in the tree (until then this file
// holds no test); the in-process leg is round_trip_test.cpp. Exact, as there.
#if __has_include("io/returns/returns_reader.h") && __has_include("io/returns/returns_writer.h")
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "io/returns/flow_counts.h"
#include "io/returns/oc3_scope.h"
#include "io/returns/returns_reader.h"
#include "io/returns/returns_writer.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "sim/metrics.h"
#include "tests/synth/metric_named.h"
#include "tests/scratch_dir.h"

namespace caseflow {
namespace {

using testing::metric_named;

void expect_read_back(const std::string& file, int years) {
  const synth::SynthRun run =
      synth::synthesize(io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + file), years, std::nullopt);
  const test::ScratchDir scratch;
  returns::write_returns(run.history, scratch.dir());
  const returns::History back = returns::read_returns(scratch.dir(), {.strict = true});
  const sim::MonthlyResult& monthly = run.replication.monthly;
  const returns::FlowCounts f = returns::flow_counts(back, run.first_day, monthly.months);
  for (const auto& [name, series] : f.monthly)
    for (int m = 0; m < monthly.months; ++m)
      EXPECT_EQ(series[static_cast<std::size_t>(m)], monthly.all(metric_named(name), m)) << name << " month " << m;
  // The returns carry care leavers only as OC3 records, which the DfE collects for the years of
  // the 17th to 21st birthdays, while the model supports some to 25 (docs/synthetic-returns.md):
  // the in-process leg checks the model's stock exactly; here the stock read back must equal
  // synth's History with the records the OC3 does not collect taken out, exactly.
  returns::History collected = run.history;
  for (auto& child : collected.children)
    std::erase_if(child.care_leaver,
                  [&](const returns::CareLeaverRecord& r) { return !returns::oc3_collects(child, r, r.collection_year); });
  const returns::FlowCounts expected = returns::flow_counts(collected, run.first_day, monthly.months);
  ASSERT_FALSE(f.at_31_march.at("care_leavers_open").empty());
  EXPECT_EQ(f.at_31_march.at("care_leavers_open"), expected.at_31_march.at("care_leavers_open"));
  for (const auto& [name, stock] : f.at_31_march) EXPECT_EQ(stock, expected.at_31_march.at(name)) << name;
}

TEST(SynthReadBack, BaselineReadBackEqualsTheReplication) { expect_read_back("baseline.yaml", 5); }
TEST(SynthReadBack, VacanciesReadBackEqualsTheReplication) { expect_read_back("vacancies.yaml", 3); }

}  // namespace
}  // namespace caseflow
#endif
