#include "app/forecast_command.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <regex>
#include <stdexcept>

#include <algorithm>
#include <optional>

#include "app/commands.h"
#include "app/counted.h"
#include "app/forecast_scenario.h"
#include "app/seed_option.h"
#include "io/demand_paths_csv.h"
#include "io/forecast_outputs.h"
#include "io/scenario_yaml.h"
#include "io/history_csv.h"
#include "io/output_dir.h"
#include "io/user_error.h"
#include "models/forecast/backtest.h"
#include "models/forecast/demand_summary.h"
#include "models/forecast/forecaster.h"
#include "models/forecast/robust_fit.h"

namespace caseflow::app {

namespace mf = models::forecast;

namespace {

std::string format(const char* fmt, double value) {
  char text[64];
  std::snprintf(text, sizeof text, fmt, value);
  return text;
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string pad_right(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string errors_line(const std::string& label, const mf::ForecastErrors& e) {
  return "  " + pad_right(label, 12) + " model MAE " + pad(format("%.1f", e.model_mae), 6) + " (MAPE " +
         pad(format("%.1f", e.model_mape_pct), 4) + "%)   seasonal naive MAE " + pad(format("%.1f", e.naive_mae), 6) +
         " (MAPE " + pad(format("%.1f", e.naive_mape_pct), 4) + "%)\n";
}

}  // namespace

mf::Intervention parse_intervention(const std::string& text) {
  static const std::regex pattern(R"(([a-z][a-z0-9_]*):(\d{4}-\d{2})(?::(\d{4}-\d{2}))?)");
  std::smatch m;
  mf::Intervention iv;
  if (!std::regex_match(text, m, pattern) || !io::parse_year_month(m[2], iv.first_month) ||
      !io::parse_year_month(m[3].matched ? m[3].str() : m[2].str(), iv.last_month)) {
    throw io::UserError("--intervention " + text +
                        ": expected NAME:YYYY-MM:YYYY-MM (a window) or NAME:YYYY-MM (one month), for example "
                        "lockdown_2020:2020-04:2020-06; or `none`");
  }
  iv.name = m[1];
  if (iv.last_month < iv.first_month) {
    throw io::UserError("--intervention " + text + ": the window ends before it starts");
  }
  return iv;
}

void run_forecast(const ForecastCommandOptions& options, std::ostream& out) {
  ForecastCommandOptions o = options;
  const io::History history = io::read_history_csv(o.history_path);
  // A bad base stops the command before any fitting.
  std::optional<sim::Scenario> base;
  if (!o.base_path.empty()) {
    if (history.sources.size() == 1 && history.sources.front().source == "all")
      throw io::UserError(history.file, 0, 0,
                          "--base needs contacts by source (the scenario's demand is by source); this history has only `all`");
    if (o.level_paths > o.simulations)
      throw io::UserError("--level-paths " + std::to_string(o.level_paths) + " is more than --simulations " +
                          std::to_string(o.simulations) + ": the paths are simulated draws");
    // A calibrated council's parameter draws stay in force: forecast.yaml extends the base, so
    // a run of it shares its replications among them (the forecast's demand laid over each);
    // the returning share is measured in the central calibration.
    base = io::load_scenario_and_draws(o.base_path).scenario;
  }
  const std::uint32_t base_draws = base ? base->parameter_draws : 0;  // which a run of forecast.yaml reads
  const mf::Family family = o.family == "poisson" ? mf::Family::poisson : mf::Family::negative_binomial;
  const mf::ModelSpec spec{o.fourier_pairs, o.interventions};

  // Outlying months and fits that need a simpler model are warned about, source by source
  // (models/forecast/robust_fit.h); a source no model fits is the user's error.
  std::vector<mf::FittedSeries> fits;
  for (const auto& sh : history.sources) {
    try {
      mf::RobustFit r = mf::fit_robust(sh.series, spec, family, o.horizon_months);
      for (const auto& note : r.notes) std::cerr << "caseflow: warning: " << history.file << ": source " << sh.source << ": " << note << "\n";
      fits.push_back(std::move(r.fit));
    } catch (const std::invalid_argument& e) {
      throw io::UserError(history.file, 0, 0, "cannot fit source " + sh.source + ": " + e.what());
    }
  }

  std::vector<std::pair<std::string, mf::SeriesForecast>> forecasts;
  std::vector<mf::SeriesForecast> parts;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    parts.push_back(mf::forecast_series(fits[i], o.horizon_months, o.simulations, mf::stream_seed(o.seed, i)));
    if (parts.back().capped_draws > 0)
      std::cerr << "caseflow: warning: source " << history.sources[i].source << ": " << parts.back().capped_draws
                << " simulated months took a mean above 100 times the history's largest month and were capped there "
                   "(the fit's uncertainty is very wide)\n";
    forecasts.emplace_back(history.sources[i].source, parts.back());
  }
  if (parts.size() > 1) forecasts.emplace_back("all", mf::sum_forecasts(parts));

  std::vector<std::pair<std::string, mf::BacktestScore>> scores;
  mf::BacktestPaths total_paths;
  if (o.backtest_origins > 0) {
    const mf::BacktestOptions bt{o.backtest_origins, o.backtest_horizon_months, io::min_history_months};
    for (std::size_t i = 0; i < fits.size(); ++i) {
      mf::BacktestPaths paths;
      try {
        paths = mf::backtest_paths(history.sources[i].series, spec, family, bt);
      } catch (const std::invalid_argument& e) {
        throw io::UserError(history.file, 0, 0, "cannot back-test source " + history.sources[i].source + ": " + e.what());
      }
      total_paths = i == 0 ? paths : mf::add_paths(total_paths, paths);
      scores.emplace_back(history.sources[i].source, mf::score(paths));
    }
    if (fits.size() > 1) scores.emplace_back("all", mf::score(total_paths));
  }

  std::vector<std::pair<std::string, const mf::FittedSeries*>> named;
  for (std::size_t i = 0; i < fits.size(); ++i) named.emplace_back(history.sources[i].source, &fits[i]);
  const mf::YearMonth start = history.last_month.plus_months(1);
  const mf::DemandSummary demand = mf::summarise_demand(named, start);

  std::optional<ForecastScenarioFiles> scenario;
  if (base) {
    std::vector<std::string> sources;
    for (const auto& sh : history.sources) sources.push_back(sh.source);
    scenario = make_forecast_scenario(*base, o.base_path, o.out_dir, sources, parts, demand,
                                      {history.file, history.first_month, history.last_month, o.family, o.fourier_pairs, 0.0, o.base_path},
                                      o.horizon_months, o.level_paths, o.share_replications);
    o.returning_share = scenario->returning_share;
  }

  io::OutputDir dir(o.out_dir);
  dir.write("forecast.csv", [&](std::ostream& s) { io::write_forecast_csv(s, forecasts); });
  dir.write("backtest.csv", [&](std::ostream& s) { io::write_backtest_csv(s, scores); });
  dir.write("demand.yaml", [&](std::ostream& s) {
    io::write_demand_yaml(
        s, demand,
        {history.file, history.first_month, history.last_month, o.family, o.fourier_pairs, o.returning_share,
         scenario ? o.base_path : std::string()});
  });
  if (scenario) {
    const io::DemandProvenance provenance{history.file, history.first_month, history.last_month, o.family, o.fourier_pairs,
                                          o.returning_share, o.base_path};
    dir.write("forecast.yaml", [&](std::ostream& s) { io::write_forecast_scenario_yaml(s, demand, provenance, scenario->scenario); });
    dir.write("demand_paths.csv", [&](std::ostream& s) { io::write_demand_paths_csv(s, scenario->paths); });
  }
  dir.commit();

  // Summary for the terminal: what was fitted, the fitted effects, and how it back-tested.
  out << "caseflow forecast: " << history.file << ", " << mf::to_string(history.first_month) << ".."
      << mf::to_string(history.last_month) << " (" << history.months() << " months, " << history.sources.size()
      << (history.sources.size() == 1 ? " source)\n" : " sources)\n");
  out << "model: " << o.family << (family == mf::Family::negative_binomial ? " (NB2, Pearson-moment dispersion)" : "")
      << ", " << o.fourier_pairs << " Fourier pairs, shocks:";
  if (o.interventions.empty()) out << " none";
  for (const auto& iv : o.interventions) {
    out << ' ' << iv.name << ' ' << mf::to_string(iv.first_month) << ".." << mf::to_string(iv.last_month);
  }
  out << "\n\n" << pad_right("source", 12) << pad("level/month", 12) << pad("trend %/yr", 11) << pad("alpha", 9);
  for (const auto& iv : o.interventions) out << pad(iv.name, std::max<std::size_t>(iv.name.size() + 2, 10));
  out << '\n';
  for (std::size_t i = 0; i < fits.size(); ++i) {
    out << pad_right(history.sources[i].source, 12) << pad(format("%.1f", demand.contacts_per_month[i].second), 12)
        << pad(format("%+.2f", fits[i].trend_pct_per_year()), 11) << pad(format("%.4f", fits[i].glm().nb_alpha), 9);
    const auto effects = fits[i].intervention_effects();
    for (const auto& iv : o.interventions) {
      std::string cell = "-";
      for (const auto& e : effects) {
        if (e.name == iv.name) cell = format("x%.2f", e.multiplier);
      }
      out << pad(cell, std::max<std::size_t>(iv.name.size() + 2, 10));
    }
    if (!fits[i].glm().converged) out << "  (warning: IRLS did not converge)";
    out << '\n';
  }
  const auto& total = forecasts.back().second;
  double first_year = 0.0;
  for (std::size_t h = 0; h < total.mean.size() && h < 12; ++h) first_year += total.mean[h];
  out << "\nforecast " << mf::to_string(total.first_month) << ".."
      << mf::to_string(total.first_month.plus_months(o.horizon_months - 1)) << ": " << forecasts.back().first << " "
      << mf::to_string(total.first_month) << " mean " << format("%.0f", total.mean[0]) << " (P10 "
      << format("%.0f", total.p10[0]) << ", P90 " << format("%.0f", total.p90[0]) << "); first "
      << std::min(12, o.horizon_months) << " months " << format("%.0f", first_year) << "\n";
  if (o.backtest_origins > 0) {
    if (total_paths.origins.empty()) {
      out << "back-test: skipped, the history is too short for any origin (needs "
          << io::min_history_months + o.backtest_horizon_months << " months)\n";
    } else {
      out << "back-test: " << total_paths.origins.size() << " origins (first forecast months "
          << mf::to_string(total_paths.origins.front()) << ".." << mf::to_string(total_paths.origins.back()) << "), 1-"
          << o.backtest_horizon_months << " months ahead\n";
      out << errors_line(scores.back().first, scores.back().second.overall);
      if (scores.size() > 1) {
        for (std::size_t i = 0; i + 1 < scores.size(); ++i) out << errors_line(scores[i].first, scores[i].second.overall);
      }
    }
  }
  out << "demand.yaml: first contacts = fitted level x (1 - returning share " << format("%.4f", o.returning_share) << ")";
  if (scenario) {
    out << ", measured (1 - expected first contacts / simulated contacts a replication, "
        << counted(o.share_replications, "replication") << " x " << counted(o.horizon_months, "month")
        << ") in " << o.base_path << (base_draws > 0 ? "'s central calibration" : "");
    for (std::size_t i = 0; i < scenario->measurements.size(); ++i) {
      const auto& m = scenario->measurements[i];
      out << (i == 0 ? ": " : ", then with the forecast's demand: ") << format("%.0f", m.first_contacts) << " / "
          << format("%.0f", m.contacts) << " = " << format("%.4f", m.share);
    }
  }
  out << "\n";
  out << "wrote " << o.out_dir << "/forecast.csv, backtest.csv, demand.yaml"
      << (scenario ? ", forecast.yaml, demand_paths.csv" : "") << "\n";
  if (scenario && base_draws > 0)
    out << "forecast.yaml extends " << o.base_path << " and so its " << counted(base_draws, "parameter draw")
        << ": a run of it shares its replications among them, the forecast's demand laid over each\n";
}

void add_forecast_command(CLI::App& app) {
  auto options = std::make_shared<ForecastCommandOptions>();
  auto intervention_texts = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("forecast", "Fit the referral model to a monthly contact history and forecast it");
  cmd->add_option("history", options->history_path, "Monthly history CSV: month,source,count")->required();
  cmd->add_option("--out", options->out_dir, "Output folder (written atomically)")->required();
  cmd->add_option("--horizon-months", options->horizon_months, "Months to forecast")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  add_seed_option(*cmd, options->seed, "Seed for the simulated intervals (default: 1)");
  cmd->add_option("--family", options->family, "Count distribution")
      ->check(CLI::IsMember({"poisson", "negbin"}))
      ->capture_default_str();
  cmd->add_option("--fourier-pairs", options->fourier_pairs, "Seasonal Fourier pairs (6 = month-of-year effects)")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--simulations", options->simulations, "Draws for the prediction intervals")
      ->check(CLI::Range(100, 1000000))
      ->capture_default_str();
  cmd->add_option("--backtest-origins", options->backtest_origins, "Rolling origins for the back-test (0 skips it)")
      ->check(CLI::Range(0, 240))
      ->capture_default_str();
  cmd->add_option("--backtest-horizon-months", options->backtest_horizon_months, "Months ahead scored by the back-test")
      ->check(CLI::Range(1, 36))
      ->capture_default_str();
  CLI::Option* share = cmd->add_option("--returning-share", options->returning_share,
                  "Without --base: returning children's share of contacts. demand.yaml's "
                  "contacts_per_month (first contacts) = fitted level x (1 - share)")
      ->check(CLI::Range(0.0, 0.95))
      ->capture_default_str();
  cmd->add_option("--base", options->base_path,
                  "Base scenario: also write forecast.yaml (extends it, starts after the history) and "
                  "demand_paths.csv; the returning share is measured in it (in its central calibration if it "
                  "names parameter draws, which a run of forecast.yaml then shares its replications among)")
      ->excludes(share);
  cmd->add_option("--level-paths", options->level_paths, "With --base: sampled demand paths in demand_paths.csv")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--intervention", *intervention_texts,
                  "Known shock NAME:YYYY-MM:YYYY-MM (repeatable; replaces the Covid defaults; `none` for no shocks)");
  cmd->callback([options, intervention_texts] {
    if (!intervention_texts->empty()) {
      options->interventions.clear();
      for (const auto& text : *intervention_texts) {
        if (text != "none") options->interventions.push_back(parse_intervention(text));
      }
    }
    run_forecast(*options, std::cout);
  });
}

}  // namespace caseflow::app
