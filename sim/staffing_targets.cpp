#include "sim/staffing_targets.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace caseflow::sim {

bool StaffingTarget::holds(double value) const {
  if (std::isnan(value)) return false;
  switch (bound) {
    case Bound::kAtMost: return value <= threshold;
    case Bound::kAtLeast: return value >= threshold;
    case Bound::kBelow: return value < threshold;
    case Bound::kAbove: return value > threshold;
  }
  return false;
}

const char* bound_symbol(Bound b) {
  switch (b) {
    case Bound::kAtMost: return "<=";
    case Bound::kAtLeast: return ">=";
    case Bound::kBelow: return "<";
    case Bound::kAbove: return ">";
  }
  return "?";
}

ParsedTarget parse_staffing_target(const std::string& text) {
  ParsedTarget out;
  const std::size_t at = text.find_first_of("<>=!");
  if (at == std::string::npos || at == 0) {
    out.error = "expected METRIC<=NUMBER (or >=, <, >), e.g. caseload_per_fte<=18";
    return out;
  }
  const std::string name = text.substr(0, at);
  std::size_t end = at;
  while (end < text.size() && std::string("<>=!").find(text[end]) != std::string::npos) ++end;
  const std::string op = text.substr(at, end - at);
  StaffingTarget t;
  t.text = text;
  if (op == "<=") t.bound = Bound::kAtMost;
  else if (op == ">=") t.bound = Bound::kAtLeast;
  else if (op == "<") t.bound = Bound::kBelow;
  else if (op == ">") t.bound = Bound::kAbove;
  else {
    out.error = "operator '" + op + "' is not one of <=, >=, <, >";
    return out;
  }
  const auto& catalogue = metric_catalogue();
  const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const MetricInfo& m) { return name == m.name; });
  if (found == catalogue.end()) {
    out.error = "unknown metric '" + name + "'";
    out.metric_name = name;
    return out;
  }
  t.metric = found->metric;
  const std::string number = text.substr(end);
  const char* first = number.data();
  const char* last = number.data() + number.size();
  const auto [ptr, ec] = std::from_chars(first, last, t.threshold);
  if (number.empty() || ec != std::errc() || ptr != last || !std::isfinite(t.threshold)) {
    out.error = "'" + number + "' is not a number: the target needs a finite threshold after " + op;
    return out;
  }
  out.target = t;
  return out;
}

std::vector<std::size_t> target_groups(const SeriesLayout& layout, Metric m, const std::vector<Team>& teams) {
  if (info(m).groups != GroupKind::kTeam) return {layout.all_group(m)};
  std::vector<std::size_t> groups;
  for (Team t : teams) groups.push_back(index(t));
  return groups;
}

TargetsStanding stand_against_targets(const Replications& r, const std::vector<StaffingTarget>& targets,
                                      const std::vector<Team>& teams, int first_month, double confidence) {
  TargetsStanding out;
  out.score = std::numeric_limits<double>::infinity();
  const std::size_t reps = r.count();
  std::vector<double> values(reps);
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const StaffingTarget& target = targets[k];
    for (std::size_t group : target_groups(*r.layout, target.metric, teams)) {
      const std::size_t s = r.layout->series(target.metric, group);
      TargetStanding standing{k, group, first_month, std::numeric_limits<double>::infinity(), 0.0};
      for (int m = first_month; m < r.months; ++m) {
        std::size_t met = 0;
        for (std::size_t rep = 0; rep < reps; ++rep) {
          values[rep] = r.series(rep, s)[m];
          met += target.holds(values[rep]) ? 1 : 0;
        }
        const double share = reps ? static_cast<double>(met) / static_cast<double>(reps) : 0.0;
        if (share >= standing.worst_share) continue;
        standing.worst_share = share;
        standing.worst_month = m;
        // The value the confidence share of replications are at least as good as: a month
        // with no value counts as the worst possible, as it fails the target.
        const bool upper = target.bound == Bound::kAtMost || target.bound == Bound::kBelow;
        const double worst = upper ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
        for (double& v : values)
          if (std::isnan(v)) v = worst;
        std::sort(values.begin(), values.end());
        if (!upper) std::reverse(values.begin(), values.end());
        const auto rank = static_cast<std::size_t>(std::ceil(confidence * static_cast<double>(reps) - 1e-9));
        standing.worst_value = values[std::clamp<std::size_t>(rank, 1, reps) - 1];
      }
      out.score = std::min(out.score, standing.worst_share);
      out.standings.push_back(standing);
    }
  }
  if (out.standings.empty()) out.score = 1.0;
  out.meets = out.score >= confidence - 1e-12;
  return out;
}

}  // namespace caseflow::sim
