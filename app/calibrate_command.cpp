// `caseflow calibrate RETURNS_DIR --as-of DATE --out council.yaml [--years-back N]
// [--defaults FILE] [--parameter-draws K]`: estimates a council's scenario from its own returns (docs/calibration.md).
// Reads the returns as inspect-returns does, observes the journey in the window before the
// as-of date, estimates every key the returns can give, writes council.yaml with a comment on
// every number, and checks that the file loads as a scenario before it is put in place. Parts
// left to the defaults are listed as warnings on stderr. With --parameter-draws K, K calibrations
// of resamples of the children go beside it (calibrate/parameter_draws.h).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "app/counted.h"
#include "calibrate/calibration.h"
#include "calibrate/parameter_draws.h"
#include "calibrate/yaml_text.h"
#include "io/returns/dates.h"
#include "io/returns/returns_reader.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"

namespace caseflow::app {

namespace {

struct Options {
  std::string dir, as_of, out, defaults = "scenarios/baseline.yaml", contacts;
  int years_back = 3;
  int parameter_draws = 0;
  bool strict = false;
  bool as_observed = false;
};

void run_calibrate(const Options& o) {
  const returns::Day as_of = calibrate::command_line_date(o.as_of, "--as-of");
  const sim::Scenario defaults = calibrate::load_defaults(o.defaults);
  const returns::History history = returns::read_returns(o.dir, {o.strict});
  const std::filesystem::path target(o.out);
  // The open children go beside council.yaml, named after it: council.yaml -> council.children.csv.
  const std::string children_name = target.stem().string() + ".children.csv";
  const std::string draws_name = target.stem().string() + ".draws.yaml";  // council.yaml -> council.draws.yaml
  const calibrate::CalibrationRequest request{o.dir, as_of, o.years_back, o.defaults, children_name, o.contacts, !o.as_observed};
  const calibrate::Calibration c = calibrate::calibrate_council(history, defaults, request);
  const std::string draws =
      o.parameter_draws == 0 ? "" : calibrate::parameter_draws_yaml(history, defaults, request, c, {o.parameter_draws, defaults.seed, 0});

  // Both files are written to a staging folder beside the target, loaded as a scenario there,
  // then renamed into place: a council.yaml that exists is always one caseflow can run.
  const std::filesystem::path folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  const std::filesystem::path staging = folder / ("." + target.filename().string() + ".partial");
  std::filesystem::remove_all(staging);
  std::filesystem::create_directories(staging);
  try {
    auto write = [&](const std::filesystem::path& p, const std::string& text) {
      std::ofstream out(p);
      out << text;
      if (!out.flush()) throw io::UserError(o.out, 0, 0, "could not write " + p.filename().string());
    };
    write(staging / target.filename(), draws.empty() ? c.yaml : calibrate::naming_parameter_draws(c.yaml, draws_name));
    if (!c.children.empty()) write(staging / children_name, c.children);
    if (!draws.empty()) write(staging / draws_name, draws);
    io::load_scenario_and_draws((staging / target.filename()).string());
    if (!c.children.empty()) std::filesystem::rename(staging / children_name, folder / children_name);
    if (!draws.empty()) std::filesystem::rename(staging / draws_name, folder / draws_name);
    std::filesystem::rename(staging / target.filename(), target);
  } catch (...) {
    std::filesystem::remove_all(staging);
    throw;
  }
  std::filesystem::remove_all(staging);
  for (const auto& d : c.estimates.defaulted) std::cerr << "caseflow: warning: defaulted, not estimated: " << d << "\n";
  for (const auto& w : c.estimates.warnings) std::cerr << "caseflow: warning: " << w << "\n";
  for (const auto& p : c.pace)
    std::cout << "caseflow: " << p.key << " at a normal pace: the returns' times x " << calibrate::number_text(p.work_scale, 4) << " (after "
              << counted(p.rounds, "round") << " of simulated returns, the last at x "
              << calibrate::number_text(p.simulated_scale, 4) << ": their mean " << calibrate::number_text(p.simulated_mean, 4)
              << " wd against the council's " << calibrate::number_text(p.observed_mean, 4) << ")\n";
  std::cout << "caseflow: calibrated " << c.estimates.keys.size() << " keys from " << c.observed.referrals << " referrals and "
            << c.observed.care_periods.size() << " care periods (" << returns::format_iso(c.window_start) << " to " << o.as_of
            << "); " << c.estimates.defaulted.size() << " parts defaulted; wrote " << o.out
            << (c.children.empty() ? "" : " and " + (folder / children_name).string())
            << (draws.empty() ? "" : " and " + (folder / draws_name).string() + " (" + counted(o.parameter_draws, "parameter draw") + ")")
            << "\n";
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
  cmd->add_option("--contacts", o->contacts, "CSV of the council's contacts by month (month,contacts): estimates the front door's referral share");
  cmd->add_option("--parameter-draws", o->parameter_draws,
                  "Also calibrate K resamples of the council's children and write them beside the scenario (council.draws.yaml), "
                  "so that `caseflow run` shares its replications among them and its bands carry what the returns leave "
                  "uncertain (docs/calibration.md, \"Parameter draws\"; default 0, none)")
      ->check(CLI::Range(0, 1000));
  cmd->add_flag("--durations-as-observed", o->as_observed,
                "Write the assessment and ICPC times as the returns show them, without taking out the model's own waits and slowing "
                "(docs/calibration.md, \"Work at a normal pace\"; to see what that correction is worth)");
  cmd->add_flag("--strict", o->strict, "Treat the first data-quality problem in the returns as an error (exit status 2)");
  cmd->callback([o] { run_calibrate(*o); });
}

}  // namespace caseflow::app
