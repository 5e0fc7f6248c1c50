#pragma once
// Targets a staffing plan must meet (`caseflow plan --target 'caseload_per_fte<=18'`), and
// how a scenario's replications stand against them: a target holds in a month when at least
// the confidence share of replications meet it that month, for each planned team where the
// metric has team groups, else for the whole service ("all").
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/replications.h"
#include "sim/scenario.h"

namespace caseflow::sim {

enum class Bound { kAtMost, kAtLeast, kBelow, kAbove };  // <=, >=, <, >

struct StaffingTarget {
  std::string text;  // as the user gave it, for the outputs
  Metric metric = Metric::kCaseloadPerFte;
  Bound bound = Bound::kAtMost;
  double threshold = 0.0;
  // A month with no value (no staff in post, no assessment completed) does not meet a target:
  // it is what a team too small to work produces, and counting it as met would reward that.
  bool holds(double value) const;
};

const char* bound_symbol(Bound b);

// `METRIC<=X`, `>=`, `<` or `>`: the parts, or a sentence saying what is wrong with the text
// (the caller names the argument). The metric must be in the catalogue (sim/metrics.h).
struct ParsedTarget {
  std::optional<StaffingTarget> target;
  std::string error;
  std::string metric_name;  // as written, when the error is an unknown metric
};
ParsedTarget parse_staffing_target(const std::string& text);

// One target in one group, at its weakest month among those checked.
struct TargetStanding {
  std::size_t target = 0;  // index into the targets
  std::size_t group = 0;   // the metric's group index (a team's index for team groups)
  int worst_month = 0;     // month index where the fewest replications meet it (the first such)
  double worst_share = 0;  // the share of replications meeting it there
  // That month's value at the confidence level: the value the confidence share of
  // replications are at least as good as (P80 of a caseload for <= at 0.8, P20 of a %).
  double worst_value = 0;
};

struct TargetsStanding {
  bool meets = false;
  double score = 0;  // the smallest share over every target, group and month checked
  std::vector<TargetStanding> standings;
};

// The groups a target is checked in: the planned teams for a team-grouped metric, else "all".
std::vector<std::size_t> target_groups(const SeriesLayout& layout, Metric m, const std::vector<Team>& teams);

TargetsStanding stand_against_targets(const Replications& r, const std::vector<StaffingTarget>& targets,
                                      const std::vector<Team>& teams, int first_month, double confidence);

}  // namespace caseflow::sim
