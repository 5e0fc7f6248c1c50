// `caseflow backtest RETURNS_DIR --train-to DATE --out DIR [--horizon-months N] [--reps N]
// [--years-back N] [--defaults FILE] [--parameter-draws K] [--threads T]`: calibrates on the
// council's returns up to DATE, simulates from the day after, and compares with what the
// returns show afterwards (docs/calibration.md, "The back-test"). The replications are shared
// among K parameter draws (calibrate/parameter_draws.h), so that the bands carry the
// calibration's uncertainty as well as the simulation's noise. Writes council.yaml (the training
// calibration, with council.draws.yaml beside it when it has draws), backtest.csv (month by month) and backtest_summary.csv (per metric: MAPE and P10-P90
// coverage), all at once or not at all, and prints the summary.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/drawn_run.h"
#include "calibrate/backtest.h"
#include "calibrate/calibration.h"
#include "calibrate/markov_projection.h"
#include "calibrate/parameter_draws.h"
#include "io/output_dir.h"
#include "io/output_text.h"
#include "io/returns/dates.h"
#include "io/returns/returns_reader.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "sim/engine/civil_date.h"
#include "sim/pooled_run.h"

namespace caseflow::app {

namespace {

struct Options {
  std::string dir, train_to, out, defaults = "scenarios/baseline.yaml";
  int horizon_months = 24, years_back = 3;
  std::optional<int> parameter_draws;  // unset: 20, or every replication its own draw when fewer
  std::uint32_t reps = 100;
  unsigned threads = 0;
};

std::string month_text(returns::Day first_day, int month) {
  const engine::CivilDate d = engine::civil_from_days(first_day);
  const int y = d.year + (d.month - 1 + month) / 12, m = (d.month - 1 + month) % 12 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

void run_backtest(const Options& o) {
  const returns::Day train_to = calibrate::command_line_date(o.train_to, "--train-to");
  if (o.horizon_months < 1 || o.horizon_months > 120) throw io::UserError("--horizon-months", 0, 0, "must be 1 to 120");
  if (o.reps < 1) throw io::UserError("--reps", 0, 0, "must be at least 1");
  if (o.parameter_draws && (*o.parameter_draws < 0 || static_cast<std::uint32_t>(*o.parameter_draws) > o.reps))
    throw io::UserError("--parameter-draws", 0, 0, "must be 0 to the replications (" + std::to_string(o.reps) + ")");
  const int draws = o.parameter_draws.value_or(static_cast<int>(std::min<std::uint32_t>(20, o.reps)));
  const sim::Scenario defaults = calibrate::load_defaults(o.defaults);
  const returns::History history = returns::read_returns(o.dir);
  const calibrate::CalibrationRequest request{o.dir, train_to, o.years_back, o.defaults, "council.children.csv"};
  const calibrate::Calibration c = calibrate::calibrate_council(history, defaults, request);
  const auto [data_start, data_end] = calibrate::returns_span(history);
  if (train_to + 31 > data_end)
    throw io::UserError("--train-to", 0, 0, "leaves no whole month of returns after it to compare with (they end " + returns::format_iso(data_end) + ")");

  const std::string draws_text =
      draws == 0 ? "" : calibrate::parameter_draws_yaml(history, defaults, request, c, {draws, defaults.seed, o.threads});
  io::LoadedScenario loaded = draws == 0 ? io::LoadedScenario{calibrate::load_calibrated(c), {}} : calibrate::load_calibrated(c, draws_text);
  sim::Scenario& scenario = loaded.scenario;
  scenario.horizon_months = o.horizon_months;
  for (sim::Scenario& draw : loaded.draws) draw.horizon_months = o.horizon_months;
  const sim::RunOptions run_options{o.reps, scenario.seed, o.threads};
  const sim::RunSummary run =
      sim::summarise(sim::simulate_with_draws(loaded.scenario, loaded.draws, run_options, o.reps), o.threads);
  const calibrate::MarkovProjection markov = calibrate::project_markov(scenario);
  const calibrate::Backtest bt = calibrate::compare_with_returns(run, markov, history, train_to + 1, data_end);

  io::OutputDir out(o.out);
  // The training calibration as `caseflow run` would read it, with its draws beside it.
  out.write("council.yaml", [&](std::ostream& os) { os << (draws_text.empty() ? c.yaml : calibrate::naming_parameter_draws(c.yaml, "council.draws.yaml")); });
  if (!draws_text.empty()) out.write("council.draws.yaml", [&](std::ostream& os) { os << draws_text; });
  if (!c.children.empty()) out.write("council.children.csv", [&](std::ostream& os) { os << c.children; });
  out.write("backtest.csv", [&](std::ostream& os) {
    os << "month,metric,actual,mean,p10,p50,p90,markov\n";
    for (const auto& r : bt.rows)
      os << month_text(train_to + 1, r.month) << ',' << r.metric << ',' << io::exact_number(r.actual) << ',' << io::summary_number(r.mean) << ',' << io::summary_number(r.p10)
         << ',' << io::summary_number(r.p50) << ',' << io::summary_number(r.p90) << ',' << io::summary_number(r.markov) << '\n';
  });
  out.write("backtest_summary.csv", [&](std::ostream& os) {
    os << "metric,months,mape_pct,coverage_p10_p90_pct,markov_mape_pct\n";
    for (const auto& s : bt.scores)
      os << s.metric << ',' << s.months << ',' << io::summary_number(s.mape_pct) << ',' << io::summary_number(s.coverage_pct) << ','
         << io::summary_number(s.markov_mape_pct) << '\n';
  });
  out.commit();
  std::cout << "caseflow: back-test of " << o.dir << ": trained to " << o.train_to << ", " << o.reps << " replications"
            << (draws ? " over " + std::to_string(draws) + " parameter draws" : std::string(" of the central calibration"))
            << ", compared over "
            << (bt.scores.empty() ? 0 : bt.scores.front().months) << " months; outputs in " << o.out << "\n"
            << std::left << std::setw(14) << "metric" << std::right << std::setw(8) << "months" << std::setw(10) << "MAPE %" << std::setw(16)
            << "in P10-P90 %" << std::setw(16) << "Markov MAPE %" << "\n";
  for (const auto& s : bt.scores) {
    std::cout << std::left << std::setw(14) << s.metric << std::right << std::setw(8) << s.months << std::setw(10) << std::fixed
              << std::setprecision(1) << s.mape_pct << std::setw(16) << s.coverage_pct << std::setw(16);
    if (std::isfinite(s.markov_mape_pct)) std::cout << s.markov_mape_pct;
    else std::cout << "-";
    std::cout << "\n";
  }
}

}  // namespace

void add_backtest_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("backtest", "Calibrate on the returns up to a date, simulate on, and compare with what the returns show after it");
  cmd->add_option("dir", o->dir, "Folder holding the returns (docs/returns.md)")->required();
  cmd->add_option("--train-to", o->train_to, "The last day of the training window (YYYY-MM-DD)")->required();
  cmd->add_option("--out", o->out, "Folder for council.yaml, backtest.csv and backtest_summary.csv")->required();
  cmd->add_option("--horizon-months", o->horizon_months, "Months to simulate after the training date (default 24)");
  cmd->add_option("--reps", o->reps, "Replications (default 100)");
  cmd->add_option("--years-back", o->years_back, "Years of history before the training date to estimate from (default 3)");
  cmd->add_option("--defaults", o->defaults, "Scenario giving what the returns cannot (default scenarios/baseline.yaml)");
  cmd->add_option("--parameter-draws", o->parameter_draws,
                  "Calibrations of resampled children whose parameters the replications share, so the bands carry the "
                  "calibration's uncertainty (default 20, or the replications when fewer; 0: the central calibration alone)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: every core)");
  cmd->callback([o] { run_backtest(*o); });
}

}  // namespace caseflow::app
