#include "calibrate/backtest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "io/returns/flow_counts.h"
#include "sim/engine/civil_date.h"
#include "sim/metrics.h"

namespace caseflow::calibrate {

const std::vector<std::string>& backtest_metrics() {
  static const std::vector<std::string> names = {"referrals", "cin_open", "cp_open", "cla_open", "cla_started", "cla_ceased"};
  return names;
}

namespace {

// The projection's series for a compared metric: a stage's stock, starts or ends; nullptr
// where it has none.
const Eigen::MatrixXd* markov_series(const MarkovProjection& m, const std::string& metric, Eigen::Index& row) {
  const std::map<std::string, std::pair<std::string, int>> map = {
      {"cin_open", {"cin", 0}}, {"cp_open", {"cp", 0}}, {"cla_open", {"cla", 0}}, {"cla_started", {"cla", 1}}, {"cla_ceased", {"cla", 2}}};
  const auto it = map.find(metric);
  if (it == map.end()) return nullptr;
  const auto stage = std::find(m.stages.begin(), m.stages.end(), it->second.first);
  if (stage == m.stages.end()) return nullptr;
  row = stage - m.stages.begin();
  return it->second.second == 0 ? &m.stock : it->second.second == 1 ? &m.starts : &m.ends;
}

}  // namespace

Backtest compare_with_returns(const sim::RunSummary& summary, const MarkovProjection& markov, const returns::History& history,
                              returns::Day first_day, returns::Day data_end) {
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
    BacktestScore score{name, 0, 0, 0, 0};
    Eigen::Index mrow = 0;
    const Eigen::MatrixXd* ms = markov_series(markov, name, mrow);
    int with_actual = 0;
    for (int m = 0; m < months; ++m) {
      const auto i = static_cast<std::size_t>(m);
      const double expected = ms && m < ms->cols() ? (*ms)(mrow, m) : std::nan("");
      BacktestRow row{m, name, a[i], series.mean[i], series.p10[i], series.p50[i], series.p90[i], expected};
      out.rows.push_back(row);
      ++score.months;
      if (row.actual > 0) {
        score.mape_pct += std::fabs(row.mean - row.actual) / row.actual;
        score.markov_mape_pct += std::fabs(row.markov - row.actual) / row.actual;
        ++with_actual;
      }
      score.coverage_pct += row.p10 <= row.actual && row.actual <= row.p90;
    }
    if (with_actual) score.mape_pct *= 100.0 / with_actual, score.markov_mape_pct *= 100.0 / with_actual;
    if (!ms) score.markov_mape_pct = std::nan("");
    if (score.months) score.coverage_pct *= 100.0 / score.months;
    out.scores.push_back(score);
  }
  return out;
}

}  // namespace caseflow::calibrate
