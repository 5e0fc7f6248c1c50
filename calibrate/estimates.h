#pragma once
// The scenario keys calibrate estimates from a council's returns, each with the comment that
// council.yaml carries beside it: the source tables and years, n, and the 95% interval. What
// the returns cannot give is left to the defaults file (council_writer.h says "default, not
// estimated"), and what the returns could give but did not (too few cases, a return missing)
// is listed in `defaulted` with the reason, for the warning calibrate prints.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calibrate/care_exits.h"
#include "calibrate/care_placements_by_age.h"
#include "calibrate/observations.h"
#include "calibrate/share_estimate.h"
#include "io/returns/history.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct KeyEstimate {
  std::string yaml;     // the value as YAML (flow style); empty when `entries` are written instead
  std::string comment;  // where it comes from
  // A map written in block style, one entry a line with its own comment (share groups, sources).
  struct Entry {
    std::string name, yaml, comment;
    ShareEstimate share{};  // the estimate behind a share, with its interval
  };
  std::vector<Entry> entries;
  std::optional<ShareEstimate> share;  // a single share's estimate and interval
  std::string source{};  // a duration's "(source tables, window)", which its comment ends with
};

// The care exits fitted for one band of age at entry into care (care.by_age_at_entry).
struct CareBandEstimate {
  double from_age = 0, to_age = 0;
  CareExitFit fit;
};

struct CouncilEstimates {
  std::map<std::string, KeyEstimate> keys;  // by dotted key
  std::vector<CareBandEstimate> care_bands;  // exits as written in care.by_age_at_entry; empty when not written
  PlacementsByAge placements_by_age;         // placements and moves by band, whether written or not
  std::vector<std::string> warnings;         // estimated, but with a caveat the analyst should see
  std::vector<std::string> defaulted;       // "cin_plan.duration: too few ended CIN plans (12)"
  std::vector<std::string> header;          // lines for the file's opening comment
  std::vector<sim::InitialChild> open_children;  // the warm start, child by child (initial_stock.children)
};

struct CalibrationInput {
  const returns::History& history;
  const Observations& observed;
  const sim::Scenario& defaults;  // the defaults file, loaded
  std::string defaults_path;
  std::string returns_dir;
  std::map<int, double> contacts_by_month{};  // the council's own contact counts (--contacts), may be empty
  std::string contacts_path{};
};

CouncilEstimates estimate(const CalibrationInput& input);

}  // namespace caseflow::calibrate
