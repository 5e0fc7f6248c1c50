#include "io/forecast_outputs.h"

#include <cmath>
#include <cstdio>

namespace caseflow::io {

using models::forecast::to_string;

namespace {

// Fixed decimals keep the files diff-able across runs and platforms.
std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "";  // e.g. MAPE when every actual was 0: empty, not "nan" or "inf"
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

void write_errors(std::ostream& out, const std::string& source, const std::string& horizon,
                  const models::forecast::ForecastErrors& e) {
  out << source << ',' << horizon << ',' << e.forecasts << ',' << fixed(e.model_mae, 2) << ','
      << fixed(e.model_mape_pct, 2) << ',' << fixed(e.naive_mae, 2) << ',' << fixed(e.naive_mape_pct, 2) << '\n';
}

// The `demand:` block: first-contact levels (fitted x (1 - share)), profiles, terms and trend.
void write_demand_block(std::ostream& out, const models::forecast::DemandSummary& demand, double returning_share) {
  const double first_share = 1.0 - returning_share;
  out << "demand:\n"
      << "  contacts_per_month:        # first contacts per month by source at " << to_string(demand.start_month)
      << ": fitted level x " << fixed(first_share, 2) << "\n";
  for (const auto& [source, level] : demand.contacts_per_month) {
    out << "    " << source << ": " << fixed(level * first_share, 1) << "  # fitted " << fixed(level, 1) << '\n';
  }
  out << "  monthly_profile: [";
  for (std::size_t m = 0; m < 12; ++m) out << (m ? ", " : "") << fixed(demand.monthly_profile[m], 3);
  out << "]  # Jan..Dec, mean 1\n";
  if (demand.has_schools) {
    out << "  schools_monthly_profile: [";
    for (std::size_t m = 0; m < 12; ++m) out << (m ? ", " : "") << fixed(demand.schools_monthly_profile[m], 3);
    out << "]  # Jan..Dec, mean 1\n";
    out << "  school_terms: {holidays: []}  # no term calendar: the fitted schools profile already holds the term effects\n";
  }
  out << "  trend_pct_per_year: " << fixed(demand.trend_pct_per_year, 2) << '\n';
}

}  // namespace

void write_forecast_csv(std::ostream& out,
                        const std::vector<std::pair<std::string, models::forecast::SeriesForecast>>& forecasts) {
  out << "month,source,mean,p10,p50,p90\n";
  if (forecasts.empty()) return;
  const std::size_t months = forecasts.front().second.mean.size();
  for (std::size_t h = 0; h < months; ++h) {
    for (const auto& [source, fc] : forecasts) {
      out << to_string(fc.first_month.plus_months(static_cast<int>(h))) << ',' << source << ','
          << fixed(fc.mean[h], 1) << ',' << fixed(fc.p10[h], 1) << ',' << fixed(fc.p50[h], 1) << ','
          << fixed(fc.p90[h], 1) << '\n';
    }
  }
}

void write_backtest_csv(std::ostream& out,
                        const std::vector<std::pair<std::string, models::forecast::BacktestScore>>& scores) {
  out << "source,horizon_months,forecasts,model_mae,model_mape_pct,naive_mae,naive_mape_pct\n";
  for (const auto& [source, score] : scores) {
    for (const auto& e : score.by_horizon) write_errors(out, source, std::to_string(e.horizon_months), e);
    write_errors(out, source, "all", score.overall);
  }
}

void write_demand_yaml(std::ostream& out, const models::forecast::DemandSummary& demand,
                       const DemandProvenance& p) {
  out << "# Fitted by `caseflow forecast` from " << p.history_file << " over months " << to_string(p.first_month)
      << ".." << to_string(p.last_month) << "\n"
      << "# (log-linear " << p.family << " regression, " << p.fourier_pairs
      << " Fourier pairs, known shocks as dated windows; see docs/forecast.md).\n"
      << "# Levels are for " << to_string(demand.start_month)
      << ", the first forecast month, with seasonality removed. monthly_profile\n"
      << "# blends the sources other than schools, weighted by level; schools have their own profile;\n"
      << "# the trend is the level-weighted mean over all sources.\n";
  for (const auto& [source, level] : demand.contacts_per_month) {
    if (source == "all") {
      out << "# NOTE: the history had only a total (`all`); scenarios need it split by source.\n";
    }
  }
  out << "# contacts_per_month counts FIRST contacts: the history counts all contacts, and the\n"
      << "# simulation adds returning children's contacts on top, so each fitted level is scaled by\n"
      << "# (1 - returning share) = (1 - " << fixed(p.returning_share, 2)
      << ") (" << (p.share_measured_in.empty() ? "--returning-share" : "measured in " + p.share_measured_in + ", see forecast.yaml")
      << ":\n"
      << "# returning children's share of contacts). Expect simulated total contacts near the fitted levels.\n";
  write_demand_block(out, demand, p.returning_share);
}

void write_forecast_scenario_yaml(std::ostream& out, const models::forecast::DemandSummary& demand,
                                  const DemandProvenance& p, const ForecastScenario& f) {
  const auto last = demand.start_month.plus_months(f.horizon_months - 1);
  out << "# A scenario written by `caseflow forecast` from " << p.history_file << " (" << to_string(p.first_month) << ".."
      << to_string(p.last_month) << ", " << p.family << ", " << p.fourier_pairs << " Fourier pairs; docs/forecast.md):\n"
      << "# the base scenario with the forecast's demand for " << to_string(demand.start_month) << ".." << to_string(last)
      << ". Everything else, the initial\n"
      << "# stock included, is the base's: set initial_stock to the council's open cases on start_date.\n"
      << "#\n"
      << "# contacts_per_month counts FIRST contacts: each fitted level x (1 - returning share), the share\n"
      << "# measured in this scenario without its paths: 1 - expected first contacts / simulated contacts\n"
      << "# over the horizon, " << f.share_replications << " replications of seed " << f.share_seed << ": "
      << fixed(f.share_first_contacts, 0) << " / " << fixed(f.share_contacts, 0) << " a replication, share "
      << fixed(p.returning_share, 4) << "\n"
      << "# (docs/forecast.md, \"One step to a scenario\").\n";
  if (!f.paths_file.empty())
    out << "# Each replication r follows path r mod " << f.paths << " of " << f.paths_file
        << ", sampled from the forecast's predictive\n"
        << "# distribution (parameter and level uncertainty) less the returning children's expected contacts;\n"
        << "# these levels, profiles and trend then only shape the days within each month.\n";
  out
      << "name: " << f.name << "\n"
      << "description: " << f.description << "\n"
      << "extends: " << f.extends << "\n"
      << "start_date: " << to_string(demand.start_month) << "-01  # the month after the history ends\n"
      << "horizon_months: " << f.horizon_months << "  # the forecast's; the paths cover no more\n";
  write_demand_block(out, demand, p.returning_share);
  out << "  child_population_growth_pct_per_year: 0  # the fitted trend already holds the growth in children\n"
      << "  overdispersion_cv: 0  # the level paths carry the forecast's variation beyond Poisson\n"
      << "  shocks: []  # fitted shocks reaching into the forecast are in the paths; the base's dated ones are history\n"
      ;
  if (!f.paths_file.empty()) out << "  level_paths: " << f.paths_file << "  # relative to this file\n";
}

}  // namespace caseflow::io
