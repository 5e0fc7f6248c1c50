// `caseflow project SCENARIO --out DIR`: the scenario's Markov cohort projection (the
// analytic cross-check of docs/calibration.md): expected stocks, starts and ends of every
// stage month by month, with no capacity limits, written as markov.csv.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/commands.h"
#include "calibrate/markov_projection.h"
#include "io/output_dir.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"

namespace caseflow::app {

namespace {

std::string number(double value) {
  // Every number written is finite; the projection's arithmetic cannot make one that is not
  // from a valid scenario, so one here is a defect, not bad input.
  if (!std::isfinite(value)) throw std::runtime_error("markov projection: a value is not finite");
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", std::fabs(value) < 5e-4 ? 0.0 : value);
  return text;
}

void write_markov_csv(std::ostream& out, const calibrate::MarkovProjection& p) {
  out << "month,stage,stock,starts,ends\n";
  for (std::size_t m = 0; m < p.months.size(); ++m)
    for (std::size_t s = 0; s < p.stages.size(); ++s) {
      const auto i = static_cast<Eigen::Index>(s), j = static_cast<Eigen::Index>(m);
      out << p.months[m] << ',' << p.stages[s] << ',' << number(p.stock(i, j)) << ',' << number(p.starts(i, j)) << ','
          << number(p.ends(i, j)) << '\n';
    }
}

}  // namespace

void add_project_command(CLI::App& app) {
  struct Options {
    std::string scenario, out = "out";
    int horizon_months = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "project", "Expected stocks and flows of every stage by month, from a Markov cohort projection (no capacity limits)");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--horizon-months", o->horizon_months, "Months to project (default: the scenario's)")
      ->check(CLI::Range(1, 600));
  cmd->add_option("--out", o->out, "Output folder (markov.csv)");
  cmd->callback([o] {
    sim::Scenario scenario = io::load_scenario(o->scenario);
    if (o->horizon_months > 0) scenario.horizon_months = o->horizon_months;
    const auto t0 = std::chrono::steady_clock::now();
    calibrate::MarkovProjection projection;
    try {
      projection = calibrate::project_markov(scenario);
    } catch (const std::invalid_argument& e) {
      throw io::UserError(o->scenario + ": " + e.what());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    io::OutputDir dir(o->out);
    dir.write("markov.csv", [&](std::ostream& s) { write_markov_csv(s, projection); });
    dir.commit();
    std::cout << "caseflow: projected '" << scenario.name << "': " << scenario.horizon_months << " months in "
              << seconds * 1000 << " ms; " << o->out << "/markov.csv\n";
    for (const std::string& line : projection.not_carried) std::cout << "caseflow: not carried: " << line << "\n";
  });
}

}  // namespace caseflow::app
