// Conservation of children across the journey's stages: every child counted into a stage
// is either still there at month end or counted out. The warm start's open caseload enters
// through Journey::enter at t = 0 (initial_stock.cpp), so it is part of month 0's
// stage_entries and the identity is cumulative entries - cumulative exits == stock.
#include <gtest/gtest.h>

#include <array>

#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/stage_table.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

struct StageStock {
  Stage stage;
  Metric stock;
  int initial;
};

TEST(Conservation, EntriesLessExitsEqualStockEveryStageEveryMonth) {
  const Scenario s = testing::baseline_scenario(24);
  const engine::Calendar cal(s.start_date, 5, 40);
  const ReplicationResult r = run_replication(s, cal, 12345, 0);
  const auto& m = r.monthly;
  ASSERT_EQ(m.months, 24);
  const std::array<StageStock, 7> stages = {{
      {Stage::kAssessment, Metric::kAssessmentsOpen, s.initial.assessments},
      {Stage::kCin, Metric::kCinOpen, s.initial.cin_plans},
      {Stage::kCp, Metric::kCpOpen, s.initial.cp_plans},
      {Stage::kPreProceedings, Metric::kPreProceedingsOpen, s.initial.pre_proceedings},
      {Stage::kProceedings, Metric::kProceedingsOpen, s.initial.proceedings},
      {Stage::kCla, Metric::kClaOpen, s.initial.cla},
      {Stage::kCareLeaver, Metric::kCareLeaversOpen, s.initial.care_leavers},
  }};
  for (const auto& st : stages) {
    const std::size_t g = static_cast<std::size_t>(st.stage) - 1;
    SCOPED_TRACE((*StageTable::standard())[st.stage].name);
    // The warm start is in month 0's entries: at least the initial stock entered.
    EXPECT_GE(m.value(Metric::kStageEntries, g, 0), st.initial);
    double entries = 0, exits = 0;
    for (int month = 0; month < m.months; ++month) {
      entries += m.value(Metric::kStageEntries, g, month);
      exits += m.value(Metric::kStageExits, g, month);
      const double stock = st.stock == Metric::kClaOpen ? m.all(st.stock, month) : m.value(st.stock, 0, month);
      ASSERT_EQ(entries - exits, stock) << "month " << month;
    }
    EXPECT_GT(exits, 0) << "a stage nobody leaves would pass trivially";
  }
  // The stage groups' "all" is the sum of the stages.
  for (int month = 0; month < m.months; ++month) {
    double sum = 0;
    for (std::size_t g = 0; g + 1 < series_layout().groups(Metric::kStageEntries); ++g)
      sum += m.value(Metric::kStageEntries, g, month);
    EXPECT_EQ(sum, m.all(Metric::kStageEntries, month));
  }
}

TEST(Conservation, MetricCatalogueIsIndexedByMetric) {
  const auto& catalogue = metric_catalogue();
  ASSERT_EQ(catalogue.size(), static_cast<std::size_t>(Metric::kCount));
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(catalogue[i].metric), i) << catalogue[i].name;
    EXPECT_EQ(&info(static_cast<Metric>(i)), &catalogue[i]);
  }
  EXPECT_EQ(series_layout().groups(Metric::kStageEntries), kStandardStages);  // 7 stages + "all"
}

}  // namespace
}  // namespace caseflow::sim
