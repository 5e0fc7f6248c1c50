// `caseflow project SCENARIO --out DIR`: the scenario's Markov cohort projection (the
// analytic cross-check of docs/calibration.md): expected stocks, starts and ends of every
// stage month by month, with no capacity limits, written as markov.csv. A scenario with
// parameter draws is projected under each draw: markov.csv is their mean, markov_draws.csv
// each draw's.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "app/commands.h"
#include "app/drawn_run.h"
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

// One row per month and stage; `draw` > 0 adds the draw's number after the stage (markov_draws.csv).
void write_markov_rows(std::ostream& out, const calibrate::MarkovProjection& p, std::size_t draw = 0) {
  for (std::size_t m = 0; m < p.months.size(); ++m)
    for (std::size_t s = 0; s < p.stages.size(); ++s) {
      const auto i = static_cast<Eigen::Index>(s), j = static_cast<Eigen::Index>(m);
      out << p.months[m] << ',' << p.stages[s] << ',';
      if (draw > 0) out << draw << ',';
      out << number(p.stock(i, j)) << ',' << number(p.starts(i, j)) << ',' << number(p.ends(i, j)) << '\n';
    }
}

// The expected figures over the parameter draws: each draw's expectation, weighted alike (the
// pooled run weights each draw by its block of replications: the same when the draws divide
// them). Every draw has the scenario's months and stages (a draw varies parameters only).
calibrate::MarkovProjection mean_over_draws(const std::vector<calibrate::MarkovProjection>& projections) {
  calibrate::MarkovProjection mean = projections.front();
  for (std::size_t k = 1; k < projections.size(); ++k) {
    mean.stock += projections[k].stock;
    mean.starts += projections[k].starts;
    mean.ends += projections[k].ends;
    for (const std::string& line : projections[k].not_carried)
      if (std::find(mean.not_carried.begin(), mean.not_carried.end(), line) == mean.not_carried.end())
        mean.not_carried.push_back(line);
  }
  const auto n = static_cast<double>(projections.size());
  mean.stock /= n;
  mean.starts /= n;
  mean.ends /= n;
  return mean;
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
  cmd->add_option("--out", o->out, "Output folder (markov.csv; with parameter draws also markov_draws.csv)");
  cmd->callback([o] {
    io::LoadedScenario loaded = io::load_scenario_and_draws(o->scenario);
    const sim::Scenario& scenario = loaded.scenario;
    if (o->horizon_months > 0) {
      loaded.scenario.horizon_months = o->horizon_months;
      for (sim::Scenario& draw : loaded.draws) draw.horizon_months = o->horizon_months;
    }
    const auto t0 = std::chrono::steady_clock::now();
    // A scenario with parameter draws is projected under each: markov.csv the mean over them.
    std::vector<calibrate::MarkovProjection> projections;
    const auto project = [&](const sim::Scenario& s, const std::string& which) {
      try {
        projections.push_back(calibrate::project_markov(s));
      } catch (const std::invalid_argument& e) {
        throw io::UserError(o->scenario + ": " + which + e.what());
      }
    };
    if (loaded.draws.empty()) project(scenario, "");
    for (std::size_t k = 0; k < loaded.draws.size(); ++k)
      project(loaded.draws[k], "parameter draw " + std::to_string(k + 1) + ": ");
    const calibrate::MarkovProjection projection = mean_over_draws(projections);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    io::OutputDir dir(o->out);
    dir.write("markov.csv", [&](std::ostream& s) {
      s << "month,stage,stock,starts,ends\n";
      write_markov_rows(s, projection);
    });
    if (!loaded.draws.empty())
      dir.write("markov_draws.csv", [&](std::ostream& s) {
        s << "month,stage,draw,stock,starts,ends\n";
        for (std::size_t k = 0; k < projections.size(); ++k) write_markov_rows(s, projections[k], k + 1);
      });
    dir.commit();
    std::cout << "caseflow: projected '" << scenario.name << "'" << over_draws(loaded) << ": "
              << scenario.horizon_months << " months in " << seconds * 1000 << " ms; " << o->out
              << "/markov.csv"
              << (loaded.draws.empty()
                      ? ""
                      : " (the mean over the draws) and " + o->out + "/markov_draws.csv (each draw's)")
              << "\n";
    for (const std::string& line : projection.not_carried)
      std::cout << "caseflow: not carried: " << line << "\n";
  });
}

}  // namespace caseflow::app
