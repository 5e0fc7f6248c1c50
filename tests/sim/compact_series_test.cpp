// sim/compact_series.*: every value comes back bit for bit (NaN as NaN), whatever form its
// series is stored in, and a baseline replication takes less than a third of its doubles.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "io/scenario_yaml.h"
#include "sim/compact_series.h"
#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/recorder.h"

namespace caseflow::sim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void expect_round_trip(const MonthlyResult& m) {
  const CompactSeries c(m);
  const std::vector<double> back = c.values();
  ASSERT_EQ(back.size(), m.values.size());
  for (std::size_t i = 0; i < back.size(); ++i) {
    if (std::isnan(m.values[i])) {
      EXPECT_TRUE(std::isnan(back[i])) << i;
    } else {
      EXPECT_EQ(std::bit_cast<std::uint64_t>(back[i]), std::bit_cast<std::uint64_t>(m.values[i]))
          << i << ": " << m.values[i] << " came back as " << back[i];
    }
    const std::size_t months = static_cast<std::size_t>(m.months);
    const double one = c.value(i / months, i % months);
    EXPECT_TRUE(std::isnan(m.values[i]) ? std::isnan(one) : one == m.values[i]) << i;
  }
}

// One series per row of `rows`, in a layout with that many series or more (the rest zero).
MonthlyResult with_rows(const std::vector<std::vector<double>>& rows) {
  MonthlyResult m;
  m.layout = &series_layout();
  m.months = static_cast<int>(rows.front().size());
  m.values.assign(m.layout->total() * rows.front().size(), 0.0);
  for (std::size_t s = 0; s < rows.size(); ++s)
    for (std::size_t t = 0; t < rows[s].size(); ++t) m.values[s * rows[s].size() + t] = rows[s][t];
  return m;
}

TEST(CompactSeries, EveryFormGivesItsValuesBackExactly) {
  expect_round_trip(with_rows({
      {7, 7, 7, 7},                                   // constant
      {kNaN, kNaN, kNaN, kNaN},                       // constant NaN
      {0, 3, kNaN, 254},                              // byte
      {0, 255, kNaN, 65534},                          // short (255 is the byte form's NaN)
      {1234.56, 0.01, kNaN, -20000000.99},            // pence
      {0.5, 0.25, 1e30, -3.75},                       // float (1e30 is not whole pence in 32 bits)
      {0.1, 1.0 / 3.0, kNaN, 50077312.60},            // double: 0.1 and 1/3 are no float, 0.1 is no float
      {-0.0, 0, 0, 0},                                // -0.0 is kept as -0.0 (float)
      {65535, 1, 2, 3},                               // over the short form: pence
      {21474836.48, 0, 0, 0},                         // one penny past 32 bits: double
      {std::numeric_limits<double>::infinity(), 1, 2, 3},
  }));
}

TEST(CompactSeries, ABaselineReplicationIsExactAndSmall) {
  const Scenario s = io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  const engine::Calendar calendar(s.start_date, 5, s.horizon_months / 12 + 30);
  const ReplicationResult r = run_replication(s, calendar, 20190401, 3);
  expect_round_trip(r.monthly);
  const std::size_t doubles = r.monthly.values.size() * sizeof(double);
  EXPECT_LT(CompactSeries(r.monthly).bytes() * 3, doubles) << CompactSeries(r.monthly).bytes() << " of " << doubles;
}

}  // namespace
}  // namespace caseflow::sim
