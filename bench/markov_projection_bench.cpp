// The Markov cohort projection of the baseline (calibrate/markov_projection): building the
// compartment network from the scenario, and running it over the 60 months (1,827 days).
// docs/performance.md records the figures.
#include <benchmark/benchmark.h>

#include <string>

#include "calibrate/markov_projection.h"
#include "io/scenario_yaml.h"

namespace {

const caseflow::sim::Scenario& baseline() {
  static const caseflow::sim::Scenario s =
      caseflow::io::load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml");
  return s;
}

void BM_BuildMarkovModel(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(caseflow::calibrate::build_markov_model(baseline()));
}
BENCHMARK(BM_BuildMarkovModel)->Unit(benchmark::kMillisecond);

void BM_RunMarkovModel(benchmark::State& state) {
  const auto model = caseflow::calibrate::build_markov_model(baseline());
  for (auto _ : state)
    benchmark::DoNotOptimize(caseflow::models::markov::project(model.network, model.inflows, model.days));
}
BENCHMARK(BM_RunMarkovModel)->Unit(benchmark::kMillisecond);

void BM_ProjectBaseline(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(caseflow::calibrate::project_markov(baseline()));
}
BENCHMARK(BM_ProjectBaseline)->Unit(benchmark::kMillisecond);

}  // namespace
