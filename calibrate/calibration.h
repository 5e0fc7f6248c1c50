#pragma once
// The whole calibration of one council at one date, from its History: the window, what the
// returns show in it, the estimates, and council.yaml's text. `caseflow calibrate` writes the
// text; `caseflow backtest` calibrates at the end of its training window and runs it.
#include <optional>
#include <string>
#include <vector>

#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "calibrate/work_pace.h"
#include "io/returns/history.h"
#include "io/scenario_yaml.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct CalibrationRequest {
  std::string returns_dir;    // for the file's comments
  returns::Day as_of = 0;
  int years_back = 3;
  std::string defaults_path;  // for the file's comments
  std::string children_file;  // the name council.yaml gives its open children (beside it)
  std::string contacts_path{};  // the council's contact counts (calibrate/contact_counts.h), or ""
  // Correct the paced durations for the model's own waits and slowing (calibrate/work_pace.h);
  // off only to show what the correction is worth.
  bool at_normal_pace = true;
  // When set, the paced durations take these corrections' scales instead of simulating to
  // measure them: a parameter draw (calibrate/parameter_draws.h) keeps its central
  // calibration's pace, a property of the model and the council's staffing, not of which
  // children were drawn. A paced key with no scale here stays as observed, with a warning.
  std::optional<std::vector<PaceCorrection>> known_pace{};
};

struct Calibration {
  returns::Day window_start = 0;
  Observations observed;
  CouncilEstimates estimates;
  std::string yaml;      // council.yaml
  std::string children;  // the open children, as io/initial_children.h writes them
  std::vector<PaceCorrection> pace;  // what calibrate/work_pace.h did to each paced duration
};

// Throws io::UserError (exit status 2) when the as-of date does not fall in the returns read,
// at least a year after their start, or when they hold neither a CIN census nor an SSDA903.
Calibration calibrate_council(const returns::History& history, const sim::Scenario& defaults, const CalibrationRequest& request);

// The calibrated scenario, loaded as `caseflow run` loads council.yaml and its children file.
sim::Scenario load_calibrated(const Calibration& calibration);
// With its parameter draws (the text calibrate/parameter_draws.h makes), as `caseflow run`
// loads council.yaml beside council.draws.yaml.
io::LoadedScenario load_calibrated(const Calibration& calibration, const std::string& draws_yaml);

// council.yaml's text with the line that names its parameter draws' file.
std::string naming_parameter_draws(const std::string& council_yaml, const std::string& draws_file);

// A date given on the command line as YYYY-MM-DD, for `option` (--as-of, --train-to).
returns::Day command_line_date(const std::string& text, const std::string& option);
// The defaults file (--defaults), loaded; an error that says how to fix a missing one.
sim::Scenario load_defaults(const std::string& path);

// The first and last day the returns cover: 1 April of the first collection year read and 31
// March of the last (CIN census and SSDA903).
std::pair<returns::Day, returns::Day> returns_span(const returns::History& history);

}  // namespace caseflow::calibrate
