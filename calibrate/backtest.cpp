#include "calibrate/backtest.h"

#include <cmath>
#include <stdexcept>

#include "io/returns/flow_counts.h"
#include "sim/engine/civil_date.h"
#include "sim/metrics.h"

namespace caseflow::calibrate {

const std::vector<std::string>& backtest_metrics() {
  static const std::vector<std::string> names = {"referrals", "cin_open", "cp_open", "cla_open", "cla_started", "cla_ceased"};
  return names;
}

Backtest compare_with_returns(const sim::RunSummary& summary, const returns::History& history, returns::Day first_day, returns::Day data_end) {
  // Whole months the returns cover after the training date.
  int months = 0;
  for (; months < summary.months; ++months) {
    const engine::CivilDate start = engine::civil_from_days(first_day);
    const int y = start.year + (start.month - 1 + months + 1) / 12, m = (start.month - 1 + months + 1) % 12 + 1;
    if (engine::days_from_civil({y, m, 1}) - 1 > data_end) break;  // the month's last day is past the returns
  }
  const returns::FlowCounts actual = returns::flow_counts(history, first_day, months);
  Backtest out;
  for (const std::string& name : backtest_metrics()) {
    const sim::MetricInfo* info = nullptr;
    for (const auto& mi : sim::metric_catalogue())
      if (mi.name == name) info = &mi;
    if (!info) throw std::logic_error("backtest: unknown metric " + name);
    const auto& series = summary.series[summary.layout->series(info->metric, summary.layout->all_group(info->metric))];
    const auto& a = actual.monthly.at(name);
    BacktestScore score{name, 0, 0, 0};
    int with_actual = 0;
    for (int m = 0; m < months; ++m) {
      const auto i = static_cast<std::size_t>(m);
      BacktestRow row{m, name, a[i], series.mean[i], series.p10[i], series.p50[i], series.p90[i]};
      out.rows.push_back(row);
      ++score.months;
      if (row.actual > 0) {
        score.mape_pct += std::fabs(row.mean - row.actual) / row.actual;
        ++with_actual;
      }
      score.coverage_pct += row.p10 <= row.actual && row.actual <= row.p90;
    }
    if (with_actual) score.mape_pct *= 100.0 / with_actual;
    if (score.months) score.coverage_pct *= 100.0 / score.months;
    out.scores.push_back(score);
  }
  return out;
}

}  // namespace caseflow::calibrate
