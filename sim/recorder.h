#pragma once
// Monthly tallies of one replication: one row per (metric, group), one column per month.
// Grouped metrics get their "all" total when the month closes.
#include <cstdint>
#include <vector>

#include "sim/metrics.h"

namespace caseflow::sim {

class SeriesLayout {
 public:
  // Stage-grouped metrics get `stage_groups` groups and "all".
  explicit SeriesLayout(std::size_t stage_groups);
  std::size_t series(Metric m, std::size_t group) const { return offset_[static_cast<std::size_t>(m)] + group; }
  std::size_t all_group(Metric m) const { return groups_[static_cast<std::size_t>(m)] - 1; }
  std::size_t groups(Metric m) const { return groups_[static_cast<std::size_t>(m)]; }
  std::size_t total() const { return total_; }

 private:
  std::vector<std::size_t> offset_, groups_;
  std::size_t total_ = 0;
};

// The layout for the standard stage table, and for a table with `stage_groups` stages
// (built once per count and kept: references stay valid).
const SeriesLayout& series_layout();
const SeriesLayout& series_layout(std::size_t stage_groups);

struct MonthlyResult {
  int months = 0;
  const SeriesLayout* layout = nullptr;
  std::vector<double> values;  // [series * months + month]
  double value(Metric m, std::size_t group, int month) const {
    return values[layout->series(m, group) * static_cast<std::size_t>(months) + static_cast<std::size_t>(month)];
  }
  double all(Metric m, int month) const { return value(m, layout->all_group(m), month); }
};

class Recorder {
 public:
  Recorder(int months, const SeriesLayout& layout);
  void add(Metric m, std::size_t group, double amount = 1.0) { current_[layout_.series(m, group)] += amount; }
  void add(Metric m, double amount = 1.0) { current_[layout_.series(m, 0)] += amount; }
  void set(Metric m, std::size_t group, double value) { current_[layout_.series(m, group)] = value; }
  void set(Metric m, double value) { current_[layout_.series(m, 0)] = value; }
  // The month's value so far (before close_month sums a grouped metric's "all").
  double get(Metric m, std::size_t group) const { return current_[layout_.series(m, group)]; }
  // Writes the month's column (summing groups into "all") and starts a fresh month.
  void close_month(int month);
  MonthlyResult take() { return std::move(result_); }

 private:
  const SeriesLayout& layout_;
  std::vector<double> current_;
  MonthlyResult result_;
};

}  // namespace caseflow::sim
