#include "calibrate/calibration.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "calibrate/contact_counts.h"
#include "calibrate/council_writer.h"
#include "calibrate/yaml_text.h"
#include "io/initial_children.h"
#include "io/returns/dates.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/engine/civil_date.h"

namespace caseflow::calibrate {

returns::Day command_line_date(const std::string& text, const std::string& option) {
  const auto day = returns::parse_return_date(text);
  if (!day || text.size() != 10 || text[4] != '-') throw io::UserError(option, 0, 0, "expected a date as YYYY-MM-DD, got '" + text + "'");
  return *day;
}

sim::Scenario load_defaults(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw io::UserError(path, 0, 0,
                        "the defaults file (--defaults) does not exist; run from the caseflow folder, where scenarios/baseline.yaml is the "
                        "default, or name one");
  // A calibrated council may serve as the defaults of another calibration: what it gives is the
  // keys the returns cannot, which its parameter draws do not vary, so its central file is read.
  return io::load_scenario_and_draws(path).scenario;
}

std::pair<returns::Day, returns::Day> returns_span(const returns::History& history) {
  int first_year = 9999, last_year = 0;
  for (const auto* years : {&history.cin_years, &history.ssda903_years})
    for (int y : *years) first_year = std::min(first_year, y), last_year = std::max(last_year, y);
  if (last_year == 0)
    throw io::UserError("no CIN census and no SSDA903 return found: nothing to calibrate from (docs/returns.md lists the layouts)");
  return {returns::collection_year_start(first_year), returns::collection_year_end(last_year)};
}

namespace {

// The calibrated files written to a scratch folder of this process's own (a counter for the
// calls within it), loaded by `load`, and removed whatever happens: the children and draws
// files are named relative to council.yaml.
template <typename Load>
auto load_from_scratch(const Calibration& calibration, const std::string& council_yaml, const std::string& draws_yaml, Load load) {
  static std::atomic<unsigned> calls{0};
  const auto scratch = std::filesystem::temp_directory_path() /
                       ("caseflow-calibrated-" + std::to_string(::getpid()) + "-" + std::to_string(calls++));
  const std::string children = calibration.estimates.keys.count("initial_stock.children")
                                   ? calibration.estimates.keys.at("initial_stock.children").yaml
                                   : std::string();
  if (std::filesystem::path(children).has_parent_path()) throw std::logic_error("load_calibrated: the children file must be a plain file name: " + children);
  std::filesystem::create_directories(scratch);
  try {
    std::ofstream(scratch / "council.yaml") << council_yaml;
    if (!children.empty()) std::ofstream(scratch / children) << calibration.children;
    if (!draws_yaml.empty()) std::ofstream(scratch / "council.draws.yaml") << draws_yaml;
    auto loaded = load((scratch / "council.yaml").string());
    std::filesystem::remove_all(scratch);
    return loaded;
  } catch (...) {
    std::filesystem::remove_all(scratch);
    throw;
  }
}

}  // namespace

sim::Scenario load_calibrated(const Calibration& calibration) {
  return load_from_scratch(calibration, calibration.yaml, "", [](const std::string& file) { return io::load_scenario(file); });
}

std::string naming_parameter_draws(const std::string& council_yaml, const std::string& draws_file) {
  return council_yaml + "parameter_draws: " + draws_file +
         "  # calibrations of resamples of the council's children, sharing the replications (docs/calibration.md, \"Parameter draws\")\n";
}

io::LoadedScenario load_calibrated(const Calibration& calibration, const std::string& draws_yaml) {
  return load_from_scratch(calibration, naming_parameter_draws(calibration.yaml, "council.draws.yaml"), draws_yaml,
                           [](const std::string& file) { return io::load_scenario_and_draws(file); });
}

Calibration calibrate_council(const returns::History& history, const sim::Scenario& defaults, const CalibrationRequest& request) {
  const auto [data_start, data_end] = returns_span(history);
  const std::string as_of = returns::format_iso(request.as_of);
  if (request.as_of < data_start + 365 || request.as_of > data_end)
    throw io::UserError("--as-of", 0, 0, "the as-of date " + as_of + " must fall in the returns read (" + returns::format_iso(data_start) +
                                             " to " + returns::format_iso(data_end) + ") and at least a year after their start");
  if (request.years_back < 1 || request.years_back > 20) throw io::UserError("--years-back", 0, 0, "must be 1 to 20 years");
  const engine::CivilDate a = engine::civil_from_days(request.as_of);
  Calibration c;
  c.window_start = std::max(data_start, engine::days_from_civil({a.year - request.years_back, a.month, a.day}) + 1);
  c.observed = observe(history, c.window_start, request.as_of);
  const std::map<int, double> contacts = request.contacts_path.empty() ? std::map<int, double>{} : read_contact_counts(request.contacts_path);
  // The child-by-child warm start needs every stage's children: the CIN census's and the
  // SSDA903's. With one of them missing, the counted warm start stands (its missing stocks
  // from the defaults, which the warnings list).
  const bool every_stage = !history.cin_years.empty() && !history.ssda903_years.empty();
  const std::string name = history.la_code.empty() ? "council" : "council-" + history.la_code;
  auto write = [&] {
    std::ostringstream text;
    write_council_yaml(text, {name, "Calibrated from " + request.returns_dir + " as of " + as_of, returns::format_iso(request.as_of + 1)},
                       c.estimates, defaults, request.defaults_path);
    c.yaml = text.str();
  };
  c.estimates = estimate({history, c.observed, defaults, request.defaults_path, request.returns_dir, contacts, request.contacts_path});
  if (!every_stage) c.estimates.defaulted.push_back("initial_stock.children: the returns lack a CIN census or an SSDA903, so the warm start is counted");
  if (every_stage && !c.estimates.open_children.empty()) {
    c.estimates.keys["initial_stock.children"] = {request.children_file, "the " + std::to_string(c.estimates.open_children.size()) +
                                                  " children open at the as-of date, one a row (pseudonymised ids)", {}, std::nullopt};
    std::ostringstream rows;
    io::write_initial_children(rows, c.estimates.open_children);
    c.children = rows.str();
  }
  write();
  // The paced durations need the model's own waits to correct for, so the warm start from the
  // council's open cases and staff (work_pace.h); without every stage they stay as observed.
  std::vector<std::string> estimated;
  for (const auto& [key, value] : c.estimates.keys) estimated.push_back(key);
  const auto keys = paced_keys(estimated);
  if (request.at_normal_pace && every_stage && !keys.empty()) {
    if (request.known_pace) {
      for (const std::string& key : keys) {
        const auto known = std::find_if(request.known_pace->begin(), request.known_pace->end(), [&](const auto& p) { return p.key == key; });
        if (known != request.known_pace->end()) c.pace.push_back(*known);
        else c.estimates.warnings.push_back(key + ": no known scale for the work at a normal pace; it stays as the returns show it");
      }
      refit_at_normal_pace(c.estimates, c.observed, c.pace);
    } else {
      c.pace = correct_for_pace(c.observed, keys, load_calibrated(c), [&](const std::vector<PaceCorrection>& corrections) {
        refit_at_normal_pace(c.estimates, c.observed, corrections);
        write();
        return load_calibrated(c);
      });
    }
    for (const PaceCorrection& p : c.pace) {
      KeyEstimate& k = c.estimates.keys.at(p.key);
      k.comment = pace_comment(p) + k.comment;
      if (!p.converged)
        c.estimates.warnings.push_back(p.key + ": the work at a normal pace did not settle within " + number_text(100 * p.tolerance, 2) + "% in " + std::to_string(p.rounds) +
                                       " simulations (the model's returns " + number_text(p.simulated_mean, 3) + " against the council's " +
                                       number_text(p.observed_mean, 3) + " at x " + number_text(p.simulated_scale, 4) + "); the scale x " +
                                       number_text(p.work_scale, 4) + ", a last step from there, stands");
    }
    write();
  }
  return c;
}

}  // namespace caseflow::calibrate
