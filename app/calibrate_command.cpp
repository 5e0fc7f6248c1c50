// `caseflow calibrate RETURNS_DIR --as-of DATE --out council.yaml [--years-back N]
// [--defaults FILE]`: estimates a council's scenario from its own returns (docs/calibration.md).
// Reads the returns as inspect-returns does, observes the journey in the window before the
// as-of date, estimates every key the returns can give, writes council.yaml with a comment on
// every number, and checks that the file loads as a scenario before it is put in place. Parts
// left to the defaults are listed as warnings on stderr.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "calibrate/council_writer.h"
#include "calibrate/estimates.h"
#include "calibrate/observations.h"
#include "io/returns/dates.h"
#include "io/returns/returns_reader.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/engine/civil_date.h"

namespace caseflow::app {

namespace {

struct Options {
  std::string dir, as_of, out, defaults = "scenarios/baseline.yaml";
  int years_back = 3;
  bool strict = false;
};

void calibrate_council(const Options& o) {
  const auto as_of = returns::parse_return_date(o.as_of);
  if (!as_of || o.as_of.size() != 10 || o.as_of[4] != '-')
    throw io::UserError("--as-of", 0, 0, "expected a date as YYYY-MM-DD, got '" + o.as_of + "'");
  if (o.years_back < 1 || o.years_back > 20) throw io::UserError("--years-back", 0, 0, "must be 1 to 20 years");
  if (!std::filesystem::exists(o.defaults))
    throw io::UserError(o.defaults, 0, 0, "the defaults file (--defaults) does not exist; run from the caseflow folder, where scenarios/baseline.yaml is the default, or name one");
  const sim::Scenario defaults = io::load_scenario(o.defaults);
  const returns::History history = returns::read_returns(o.dir, {o.strict});
  if (history.cin_years.empty() && history.ssda903_years.empty())
    throw io::UserError(o.dir, 0, 0, "no CIN census and no SSDA903 return found: nothing to calibrate from (docs/returns.md lists the layouts)");
  // The window: --years-back years to the as-of date, from the first collection year read.
  int first_year = 9999, last_year = 0;
  for (const auto* years : {&history.cin_years, &history.ssda903_years})
    for (int y : *years) first_year = std::min(first_year, y), last_year = std::max(last_year, y);
  const returns::Day data_start = returns::collection_year_start(first_year), data_end = returns::collection_year_end(last_year);
  if (*as_of < data_start + 365 || *as_of > data_end)
    throw io::UserError("--as-of", 0, 0, "the as-of date " + o.as_of + " must fall in the returns read (" + returns::format_iso(data_start) +
                                             " to " + returns::format_iso(data_end) + ") and at least a year after their start");
  const engine::CivilDate a = engine::civil_from_days(*as_of);
  const returns::Day window_start = std::max(data_start, engine::days_from_civil({a.year - o.years_back, a.month, a.day}) + 1);

  const calibrate::Observations observed = calibrate::observe(history, window_start, *as_of);
  const calibrate::CalibrationInput input{history, observed, defaults, o.defaults, o.dir};
  const calibrate::CouncilEstimates estimates = calibrate::estimate(input);
  const std::string la = history.la_code.empty() ? "council" : "council-" + history.la_code;
  const calibrate::CouncilFile file{la, "Calibrated from " + o.dir + " as of " + o.as_of, returns::format_iso(*as_of + 1)};

  // Written beside the target, loaded as a scenario, then renamed into place: a council.yaml
  // that exists is always one caseflow can run.
  const std::filesystem::path target(o.out);
  const std::filesystem::path staging = target.parent_path() / ("." + target.filename().string() + ".partial");
  {
    std::ofstream out(staging);
    if (!out) throw io::UserError(o.out, 0, 0, "cannot write here");
    calibrate::write_council_yaml(out, file, estimates, defaults, o.defaults);
    if (!out.flush()) throw io::UserError(o.out, 0, 0, "could not write the file");
  }
  try {
    io::load_scenario(staging.string());
  } catch (...) {
    std::filesystem::remove(staging);
    throw;
  }
  std::filesystem::rename(staging, target);
  for (const auto& d : estimates.defaulted) std::cerr << "caseflow: warning: defaulted, not estimated: " << d << "\n";
  std::cout << "caseflow: calibrated " << estimates.keys.size() << " keys from " << observed.referrals << " referrals and "
            << observed.care_periods.size() << " care periods (" << returns::format_iso(window_start) << " to " << o.as_of
            << "); " << estimates.defaulted.size() << " parts defaulted; wrote " << o.out << "\n";
}

}  // namespace

void add_calibrate_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("calibrate", "Estimate a council's scenario from its own returns (SSDA903, CIN census, workforce census)");
  cmd->add_option("dir", o->dir, "Folder holding the returns (docs/returns.md)")->required();
  cmd->add_option("--as-of", o->as_of, "The date the scenario starts from (YYYY-MM-DD): estimates use the returns up to it")->required();
  cmd->add_option("--out", o->out, "The scenario file to write (council.yaml)")->required();
  cmd->add_option("--years-back", o->years_back, "Years of history before the as-of date to estimate from (default 3)");
  cmd->add_option("--defaults", o->defaults, "Scenario giving what the returns cannot (costs, caps, case weights); default scenarios/baseline.yaml");
  cmd->add_flag("--strict", o->strict, "Treat the first data-quality problem in the returns as an error (exit status 2)");
  cmd->callback([o] { calibrate_council(*o); });
}

}  // namespace caseflow::app
