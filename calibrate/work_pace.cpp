#include "calibrate/work_pace.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "calibrate/duration_fit.h"
#include "calibrate/kaplan_meier.h"
#include "calibrate/yaml_text.h"
#include "io/synth/synth.h"
#include "sim/engine/civil_date.h"

namespace caseflow::calibrate {

namespace {

using SpellsOf = std::vector<Spell> Observations::*;

struct Paced {
  SpellsOf spells;    // the observations that time it (observations.cpp)
  std::string what;   // the spells' name in the comment, as estimates.cpp gives it
};

// The paced durations, all in working days.
const std::map<std::string, Paced>& paced() {
  static const std::map<std::string, Paced> map = {{"assessment.duration", {&Observations::assessment_wd, "assessments"}},
                                                   {"referral.icpc_delay", {&Observations::icpc_delay_wd, "s47 enquiries to their ICPC"}}};
  return map;
}

constexpr long long kSpellsAimedAt = 20000;
constexpr long long kRarestAimedAt = 4000;
constexpr int kMaxReplications = 20;
// The months observed follow six months that let the council's own caseload at the as-of
// date settle: the returns' window averages three years of the council's waits and
// workloads, which the calibrated model's settled level stands for, not one day's backlog
// (the demo council's, 9% above its mean, asked for about 1% less work when the months right
// after the as-of date were observed). Six months: the assessment queues settle within a few
// (docs/calibration.md, "The transient, measured").
constexpr int kSettlingMonths = 6;

// The standard error of a restricted mean, roughly: the spread of the lengths cut at tau over
// the square root of their number (censoring ignored: it is a few percent of these spells).
double standard_error(const std::vector<Spell>& spells, double tau) {
  if (spells.size() < 2) return 0;
  double sum = 0, sum2 = 0;
  for (const Spell& s : spells) {
    const double x = std::min(s.length, tau);
    sum += x, sum2 += x * x;
  }
  const double n = static_cast<double>(spells.size()), mean = sum / n;
  return std::sqrt(std::max(0.0, sum2 / n - mean * mean) / n);
}

// How much to simulate: about kSpellsAimedAt spells of the busiest paced key and
// kRarestAimedAt of the rarest (the ICPCs are a tenth of the assessments), going by the
// council's own counts a year. Up to a year's worth, one replication observes fewer months
// (at least six); beyond it, replications of a year.
struct SimulationSize {
  int replications = 1, months = 12;
};

SimulationSize simulation_size(const Observations& observed, const std::vector<std::string>& keys) {
  double busiest = 0, rarest = 0;
  for (const auto& key : keys) {
    const double per_year = static_cast<double>((observed.*paced().at(key).spells).size()) * 12.0 / std::max(1, observed.months);
    busiest = std::max(busiest, per_year);
    rarest = rarest == 0 ? per_year : std::min(rarest, per_year);
  }
  if (busiest <= 0 || rarest <= 0) return {};
  const double years = std::max(static_cast<double>(kSpellsAimedAt) / busiest, static_cast<double>(kRarestAimedAt) / rarest);
  if (years <= 1) return {1, std::max(6, static_cast<int>(std::ceil(12 * years)))};
  return {std::min(kMaxReplications, static_cast<int>(std::ceil(years))), 12};
}

// The calibrated model's own returns over the months observed, observed as the council's
// are: `size.replications` seeds, their spells pooled.
Observations simulated_observations(sim::Scenario scenario, const SimulationSize& size) {
  scenario.horizon_months = std::max(scenario.horizon_months, kSettlingMonths + size.months);
  Observations pooled;
  for (int r = 0; r < size.replications; ++r) {
    const synth::SynthRun run = synth::synthesize_months(scenario, kSettlingMonths + size.months, scenario.seed + static_cast<std::uint64_t>(r));
    const engine::CivilDate start = engine::civil_from_days(run.first_day);
    const int settled = (start.year * 12 + start.month - 1) + kSettlingMonths;
    const returns::Day from = engine::days_from_civil({settled / 12, settled % 12 + 1, start.day});
    const Observations o = observe(run.history, from, run.last_day);
    for (const auto& [key, p] : paced()) (pooled.*p.spells).insert((pooled.*p.spells).end(), (o.*p.spells).begin(), (o.*p.spells).end());
  }
  return pooled;
}

// The scale at which the simulated mean is expected to meet the council's, from the last round
// (`c`, at c.work_scale) and the one before (`before`: its scale and simulated mean). The mean
// goes as the scale to a power, the elasticity, measured by the two rounds; 1 (proportional)
// when there is one round, or the rounds' measure is outside 0.5-3 (noise: two rounds a
// percent apart, each mean with its half-percent standard error, measure it to about 0.3).
double last_step(const PaceCorrection& c, std::pair<double, double> before) {
  double elasticity = std::log(c.simulated_mean / before.second) / std::log(c.work_scale / before.first);
  if (!std::isfinite(elasticity) || elasticity < 0.5 || elasticity > 3) elasticity = 1;
  const double next = c.work_scale * std::pow(c.observed_mean / c.simulated_mean, 1 / elasticity);
  return std::clamp(next, 0.5 * c.work_scale, 2.0 * c.work_scale);
}

}  // namespace

std::vector<std::string> paced_keys(const std::vector<std::string>& estimated) {
  std::vector<std::string> out;
  for (const auto& [key, p] : paced())
    if (std::find(estimated.begin(), estimated.end(), key) != estimated.end()) out.push_back(key);
  return out;
}

void refit_at_normal_pace(CouncilEstimates& estimates, const Observations& observed, const std::vector<PaceCorrection>& corrections) {
  for (const PaceCorrection& c : corrections) {
    const Paced& p = paced().at(c.key);
    std::vector<Spell> spells = observed.*p.spells;
    for (Spell& s : spells) s.length *= c.work_scale;
    const FittedDuration fit = fit_duration(KaplanMeier(std::move(spells)), sim::TimeUnit::kWorkingDays, p.what);
    // As many ended spells as the estimate that set the key: fitted again.
    if (!fit.fitted) throw std::logic_error("refit_at_normal_pace: " + c.key + " no longer fits");
    KeyEstimate& key = estimates.keys.at(c.key);
    key.yaml = fit.yaml;
    key.comment = fit.note + " " + key.source;
  }
}

std::vector<PaceCorrection> correct_for_pace(const Observations& observed, const std::vector<std::string>& keys,
                                             const sim::Scenario& first,
                                             const std::function<sim::Scenario(const std::vector<PaceCorrection>&)>& calibrate_with) {
  std::vector<PaceCorrection> out;
  for (const auto& key : keys) {
    if (!paced().count(key)) throw std::logic_error("correct_for_pace: not a paced duration: " + key);
    out.push_back({key});
  }
  if (out.empty()) return out;
  const SimulationSize size = simulation_size(observed, keys);
  sim::Scenario scenario = first;
  std::vector<std::pair<double, double>> previous(out.size());  // each key's last (scale, simulated mean)
  for (int round = 1;; ++round) {
    const Observations simulated = simulated_observations(scenario, size);
    bool converged = true;
    for (PaceCorrection& c : out) {
      const SpellsOf spells = paced().at(c.key).spells;
      const KaplanMeier council(observed.*spells), model(simulated.*spells);
      // Both means restricted to the council's 99th percentile (its last event when the curve
      // stops above 1%), and to the longest spell the model's months of returns show.
      const double council_p99 = council.quantile(0.99);
      c.tau = std::min(council_p99 > 0 ? council_p99 : council.last_event_time(), model.longest_spell());
      c.observed_mean = council.restricted_mean(c.tau);
      c.simulated_mean = model.restricted_mean(c.tau);
      c.simulated_spells = model.n();
      c.rounds = round;
      const double se = std::hypot(standard_error(observed.*spells, c.tau), standard_error(simulated.*spells, c.tau));
      c.tolerance = std::max(kPaceTolerance, c.observed_mean > 0 ? 2 * se / c.observed_mean : 0.0);
      c.converged = c.simulated_mean > 0 && std::fabs(c.observed_mean / c.simulated_mean - 1.0) <= c.tolerance;
      converged = converged && c.converged;
    }
    if (converged || round == kPaceMaxRounds) break;
    for (std::size_t i = 0; i < out.size(); ++i) {
      PaceCorrection& c = out[i];
      const auto last = previous[i];
      previous[i] = {c.work_scale, c.simulated_mean};
      if (c.converged || c.simulated_mean <= 0) continue;
      // The first step assumes the simulated mean proportional to the scale; later steps take
      // the secant through the last two rounds, since it is not: slower work overloads the
      // workers, who slow it further (the baseline: 6.5% less work gave 10% shorter returns).
      double next = c.work_scale * c.observed_mean / c.simulated_mean;
      const double slope = (c.simulated_mean - last.second) / (c.work_scale - last.first);  // not finite when the scale stood still
      if (round > 1 && std::isfinite(slope) && slope > 0) next = c.work_scale + (c.observed_mean - c.simulated_mean) / slope;
      c.work_scale = std::clamp(next, 0.5 * c.work_scale, 2.0 * c.work_scale);
    }
    scenario = calibrate_with(out);
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    PaceCorrection& c = out[i];
    c.simulated_scale = c.work_scale;
    if (c.simulated_mean <= 0) continue;
    c.work_scale = last_step(c, previous[i]);
  }
  calibrate_with(out);
  return out;
}

std::string pace_comment(const PaceCorrection& c) {
  return "the work at a normal pace: the returns' times x " + number_text(c.work_scale, 4) +
         ", so that the model's own waits for a worker and slowing by caseload give back the council's timing (its returns, simulated " +
         "from the as-of date after " + std::to_string(kSettlingMonths) + " months to settle, at x " + number_text(c.simulated_scale, 4) +
         ": a mean of " + number_text(c.simulated_mean, 4) + " where the council's is " + number_text(c.observed_mean, 4) +
         ", both restricted to " + number_text(c.tau, 3) + ", then a last step not simulated; " +
         std::to_string(c.simulated_spells) + " simulated, " + std::to_string(c.rounds) + " rounds" +
         (c.converged ? ", within " : ", NOT within ") + number_text(100 * c.tolerance, 2) + "%" + "; docs/calibration.md, \"Work at a normal pace\"). The work, from the returns' times so scaled: ";
}

}  // namespace caseflow::calibrate
