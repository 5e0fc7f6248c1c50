#include "io/synth/synth.h"

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
  scenario.horizon_months = years * 12;
  SynthRun run;
  run.seed = seed.value_or(scenario.seed);
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
