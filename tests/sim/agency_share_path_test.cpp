// The agency share ceiling path of `caseflow plan --agency-share`: parsed from
// DATE:PERCENT,... with each mistake named, and applied to a scenario as dated changes would
// be: nothing changes before the first date, each step holds until the next, and a step
// overrides the scenario's own later changes of the ceiling.
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/agency_share_path.h"
#include "sim/dated_change.h"
#include "test_scenario.h"

namespace caseflow::sim {
namespace {

double ceiling_on(const Scenario& s, const engine::CivilDate& date) {
  double share = -1;
  for (const auto& e : s.epochs)
    if (!(date < e.from)) share = e.parameters.workforce.agency_target_share;
  return share;
}

TEST(AgencySharePath, ParsesDatesAndPercentagesAndNamesEachMistake) {
  const ParsedAgencySharePath ok = parse_agency_share_path("2020-04-01:25,2020-09-01:20");
  ASSERT_TRUE(ok.path) << ok.error;
  ASSERT_EQ(ok.path->size(), 2u);
  EXPECT_EQ((*ok.path)[0].from, (engine::CivilDate{2020, 4, 1}));
  EXPECT_DOUBLE_EQ((*ok.path)[0].share, 0.25);
  EXPECT_DOUBLE_EQ((*ok.path)[1].share, 0.20);
  EXPECT_EQ(describe(*ok.path), "25% from 2020-04-01, 20% from 2020-09-01");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"2020-04-01", "is not DATE:PERCENT"},
      {"2020-04-01:25,", "'' is not DATE:PERCENT"},
      {"2020-02-30:25", "'2020-02-30' is not a date"},
      {"2020-04-01:120", "'120' is not a percentage from 0 to 100"},
      {"2020-04-01:-5", "'-5' is not a percentage"},
      {"2020-04-01:20%", "'20%' is not a percentage"},
      {"2020-09-01:20,2020-04-01:25", "the dates must increase"},
      {"2020-04-01:25,2020-04-01:20", "the dates must increase"},
  };
  for (const auto& [text, message] : bad) {
    const ParsedAgencySharePath p = parse_agency_share_path(text);
    EXPECT_FALSE(p.path) << text;
    EXPECT_NE(p.error.find(message), std::string::npos) << text << ": " << p.error;
  }
}

TEST(AgencySharePath, SetsTheCeilingFromEachDateAndNothingBefore) {
  Scenario base = testing::baseline_scenario(60);
  // A change of the scenario's own to the ceiling, after the path's first date, is overridden.
  set_from(base, {2021, 1, 1}, [](Parameters& p) { p.workforce.agency_target_share = 0.5; });
  const double before = ceiling_on(base, {2019, 4, 1});
  const Scenario s = with_agency_share_path(base, *parse_agency_share_path("2020-04-01:25,2020-09-01:20").path);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2019, 4, 1}), before);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2020, 3, 31}), before);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2020, 4, 1}), 0.25);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2020, 8, 31}), 0.25);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2020, 9, 1}), 0.20);
  EXPECT_DOUBLE_EQ(ceiling_on(s, {2022, 1, 1}), 0.20);
  // Periods stay in date order, the first at the start, and nothing else changes: the
  // parameters before 2020-04-01 are the base's.
  EXPECT_TRUE(std::is_sorted(s.epochs.begin(), s.epochs.end(), [](const Epoch& a, const Epoch& b) { return a.from < b.from; }));
  EXPECT_EQ(s.epochs.front().from, base.start_date);
  for (std::size_t i = 0; i < s.epochs.size() && s.epochs[i].from < engine::CivilDate{2020, 4, 1}; ++i)
    EXPECT_EQ(s.epochs[i].parameters.workforce.teams[0].establishment_fte,
              base.epochs[i].parameters.workforce.teams[0].establishment_fte);
}

}  // namespace
}  // namespace caseflow::sim
