#include "sim/recorder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "sim/stage.h"

namespace caseflow::sim {

SeriesLayout::SeriesLayout(std::size_t stage_groups) {
  for (const auto& m : metric_catalogue()) {
    std::size_t n = 1;
    if (m.groups == GroupKind::kStage) n = stage_groups + 1;
    else if (m.groups != GroupKind::kNone) n = group_labels(m.groups).size();
    offset_.push_back(total_);
    groups_.push_back(n);
    total_ += n;
  }
}

const SeriesLayout& series_layout() { return series_layout(kStandardStages - 1); }

const SeriesLayout& series_layout(std::size_t stage_groups) {
  static std::mutex mutex;
  static std::map<std::size_t, std::unique_ptr<const SeriesLayout>> layouts;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& layout = layouts[stage_groups];
  if (!layout) layout = std::make_unique<const SeriesLayout>(stage_groups);
  return *layout;
}

Recorder::Recorder(int months, const SeriesLayout& layout) : layout_(layout), current_(layout_.total(), 0.0) {
  result_.months = months;
  result_.layout = &layout_;
  result_.values.assign(layout_.total() * static_cast<std::size_t>(months), 0.0);
}

void Recorder::close_month(int month) {
  if (month < 0 || month >= result_.months) return;
  for (const auto& m : metric_catalogue()) {
    if (m.groups == GroupKind::kNone) continue;
    // Counts, stocks and costs add up into "all"; ratios are set whole by the journey and the workforce.
    if (!m.additive) continue;
    const std::size_t all = layout_.all_group(m.metric);
    double total = 0.0;
    for (std::size_t g = 0; g < all; ++g) total += current_[layout_.series(m.metric, g)];
    current_[layout_.series(m.metric, all)] = total;
  }
  const auto months = static_cast<std::size_t>(result_.months);
  for (std::size_t s = 0; s < current_.size(); ++s) result_.values[s * months + static_cast<std::size_t>(month)] = current_[s];
  std::fill(current_.begin(), current_.end(), 0.0);
}

}  // namespace caseflow::sim
