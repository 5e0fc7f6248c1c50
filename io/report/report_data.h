#pragma once
// What `caseflow report` draws, read from the folders that run and compare write: each run's
// monthly bands and budget lines, the paired differences of a comparison, provenance and the
// scenario's assumptions. The charts and headlines are computed from this and nothing else.
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/scenario_assumptions.h"

namespace caseflow::io::report {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// One month's figure across replications; NaN where the file leaves a field empty.
struct Band {
  double mean = kNoValue, p10 = kNoValue, p50 = kNoValue, p90 = kNoValue;
};

// A series of bands by month index (the report's months), keyed by metric and group.
using MetricKey = std::pair<std::string, std::string>;
using BandSeries = std::vector<Band>;

struct BudgetLine {
  std::string financial_year;  // "2019-20"
  int months = 0;              // months of the year the horizon covers
  std::string category;        // budget.csv's category: total, agency, placements...
  Band gbp;
};

// A run's figures (or, from a comparison, one scenario's means: no P10-P90 there).
struct ReportRun {
  std::string label;   // the scenario's name
  std::string folder;  // where it was read from
  std::map<MetricKey, BandSeries> monthly;
  std::vector<BudgetLine> budget;
  std::string resolved_yaml;  // scenario.resolved.yaml (or the comparison's NAME.resolved.yaml)
  std::string scenario_file;  // as the run named it, for the assumptions' cited sources
  bool has_bands = true;      // false for a comparison's scenarios: means only
};

// Alternative minus base, month by month: mean with its interval (`low`, `high`).
struct DifferencePoint {
  double mean = kNoValue, low = kNoValue, high = kNoValue;
};
struct ReportDifference {
  std::string base, alternative;
  std::string interval;  // what low-high is, in words, for the chart and the table
  std::map<MetricKey, std::vector<DifferencePoint>> monthly;
};

struct Provenance {
  std::string folder, kind;  // kind: "run" or "compare"
  std::string version, git_revision, scenarios, seed, replications, horizon, start_month, written;
};

struct ReportInput {
  std::vector<std::string> months;  // YYYY-MM, the months every run covers
  std::vector<ReportRun> runs;      // the first is the base of any difference
  std::vector<ReportDifference> differences;
  std::vector<Provenance> provenance;
};

// The first run's value of a scenario key at each month, with its dated `changes:` applied
// (workforce.agency_target_share, workforce.teams.assessment.pace_cases); NaN where unset.
std::vector<double> scenario_path(const ReportRun& run, const std::vector<std::string>& months,
                                  const std::string& dotted_key);

}  // namespace caseflow::io::report
