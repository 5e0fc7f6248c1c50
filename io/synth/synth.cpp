#include "io/synth/synth.h"

#include <stdexcept>
#include <string>

#include "io/synth/history_log.h"
#include "io/user_error.h"
#include "sim/engine/calendar.h"

namespace caseflow::synth {

SynthRun synthesize(sim::Scenario scenario, int years, std::optional<std::uint64_t> seed) {
  if (years < 1)
    throw io::UserError("--years: " + std::to_string(years) + " is not a number of years; give 1 or more");
  if (years * 12 > scenario.horizon_months)
    throw io::UserError("--years: " + std::to_string(years) + " years is longer than scenario '" + scenario.name +
                        "' runs (horizon_months: " + std::to_string(scenario.horizon_months) +
                        "); give at most " + std::to_string(scenario.horizon_months / 12) +
                        " or lengthen the scenario's horizon");
  const std::uint64_t used = seed.value_or(scenario.seed);  // before the scenario is moved
  return synthesize_months(std::move(scenario), years * 12, used);
}

SynthRun synthesize_months(sim::Scenario scenario, int months, std::uint64_t seed) {
  if (months < 1 || months > scenario.horizon_months) throw std::logic_error("synthesize_months: " + std::to_string(months) + " months");
  scenario.horizon_months = months;
  SynthRun run;
  run.seed = seed;
  // The calendar and demand exactly as `caseflow run` builds them (sim/runner.cpp).
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const sim::DemandModel demand = sim::prepared_demand(scenario, calendar);
  HistoryLog log(calendar, run.seed);
  run.replication = sim::run_replication(scenario, calendar, demand, run.seed, 0, log);
  run.first_day = engine::days_from_civil(scenario.start_date);
  run.last_day = run.first_day + static_cast<int>(calendar.month_start_time(scenario.horizon_months)) - 1;
  run.history = log.take(run.last_day);
  run.scenario = std::move(scenario);
  return run;
}

}  // namespace caseflow::synth
