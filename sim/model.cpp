#include "sim/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include <boost/random/poisson_distribution.hpp>

#include "sim/keys.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

namespace {
// The scenario's stage table, checked against every period's parameters before any use.
const StageTable& checked_stages(const Scenario& scenario) {
  if (!scenario.stages) throw std::invalid_argument("scenario '" + scenario.name + "' has no stage table");
  for (const auto& epoch : scenario.epochs) scenario.stages->validate(epoch.parameters);
  return *scenario.stages;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
}  // namespace

DemandModel prepared_demand(const Scenario& scenario, const engine::Calendar& calendar) {
  DemandModel demand(calendar, scenario.horizon_months);
  for (const auto& epoch : scenario.epochs) demand.prepare(epoch.parameters.demand);
  return demand;
}

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication) {
  Model model(scenario, calendar, demand, seed, replication);
  return model.run();
}

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication,
                                  JourneyLog& log) {
  Model model(scenario, calendar, demand, seed, replication, &log);
  return model.run();
}

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar, std::uint64_t seed,
                                  std::uint32_t replication) {
  return run_replication(scenario, calendar, prepared_demand(scenario, calendar), seed, replication);
}

Model::Model(const Scenario& scenario, const engine::Calendar& calendar, const DemandModel& demand, std::uint64_t seed,
             std::uint32_t replication, JourneyLog* log)
    : scenario_(scenario),
      calendar_(calendar),
      demand_(demand),
      current_(&scenario.epochs.front().parameters),
      log_(log),
      months_(scenario.horizon_months),
      end_day_(calendar.month_start_time(scenario.horizon_months)),
      demand_stream_({seed, replication, kDemandPurpose}),
      level_paths_(scenario.demand_level_paths.get()),
      level_path_(level_paths_ ? static_cast<int>(replication % static_cast<std::uint32_t>(level_paths_->paths)) : 0),
      recorder_(scenario.horizon_months, series_layout(checked_stages(scenario).size() - 1)),
      workforce_(calendar, queue_, engine::RandomStream({seed, replication, kWorkforcePurpose})),
      journey_(*scenario.stages, calendar, queue_, workforce_, recorder_, seed, replication, end_day_) {
  queue_.reserve(256);  // the heap holds only same-day follow-ups
  journey_.set_log(log);
  use_parameters(*current_);
  if (level_paths_) follow_level_path(0);
}

void Model::use_parameters(const Parameters& params) {
  current_ = &params;
  workforce_.set_parameters(params.workforce);
  journey_.set_parameters(params);
}

ReplicationResult Model::run() {
  const auto& start_month = current_->workforce.sickness_share_by_month[static_cast<std::size_t>(calendar_.start().month - 1)];
  workforce_.set_sickness_share(start_month);
  workforce_.staff_initial(0.0);
  journey_.seed_initial_stock(scenario_.initial);
  journey_.apply_pending_allocations(0.0);
  queue_.schedule(0.0, kDayClass, kDay, 0);
  while (!queue_.empty()) {
    const engine::Event e = queue_.pop();
    if (e.time_days >= end_day_) break;
    const double now = e.time_days;
    if (const engine::Event* next = queue_.peek_current(); next && next->kind != kDay && next->kind < kFirstWorkforceEvent)
      journey_.prefetch(next->entity);
    ++result_.events;
    std::uint64_t bits;
    std::memcpy(&bits, &now, sizeof bits);
    // One mix per event of its time, kind and entity (the multiply spreads the time's bits).
    result_.fingerprint =
        mix(result_.fingerprint, bits * 0xff51afd7ed558ccdULL ^ ((std::uint64_t{e.kind} << 32) | e.entity));
    if (e.kind == kDay) {
      on_day(static_cast<int>(e.entity));
      continue;
    }
    if (e.kind >= kFirstWorkforceEvent)
      workforce_.handle(e, now);
    else
      journey_.handle(e, now);
    // Most events allocate nothing off the journey's own path: test before the call.
    if (!workforce_.pending().empty()) journey_.apply_pending_allocations(now);
  }
  journey_.arrive_returns(static_cast<int>(end_day_));  // those due on the last day
  if (log_) log_->day_started(static_cast<int>(end_day_), workforce_);
  close_month(current_month_, end_day_);
  result_.monthly = recorder_.take();
  return std::move(result_);
}

void Model::on_day(int day) {
  const double now = day;
  if (log_) log_->day_started(day, workforce_);
  journey_.arrive_returns(day);  // first: they belong to the day before, and its month
  const int month = calendar_.month_index(now);
  if (month != current_month_) {
    close_month(current_month_, now);
    current_month_ = month;
    if (level_paths_) follow_level_path(month);
  }
  // Dated changes take effect at the start of their day.
  while (next_epoch_ < scenario_.epochs.size() && calendar_.day_of(scenario_.epochs[next_epoch_].from) <= day) {
    use_parameters(scenario_.epochs[next_epoch_++].parameters);
    workforce_.weekly_review(now);
    if (level_paths_) follow_level_path(month);
  }
  workforce_.begin_day(calendar_.date_at(now), calendar_.weekday(day) == 0, now);
  arrive_demand(day, now);
  if (calendar_.is_working_day(day)) journey_.front_door(day);
  workforce_.accrue_daily_costs();
  journey_.accrue_daily_costs();
  journey_.apply_pending_allocations(now);
  if (day + 1 < end_day_) queue_.schedule(now + 1.0, kDayClass, kDay, static_cast<std::uint32_t>(day + 1));
}

void Model::arrive_demand(int day, double now) {
  // Contacts arrive on working days; UASC arrive on any day.
  const Demand& demand = current_->demand;
  for (std::size_t s = 0; s < kSources; ++s) {
    const Source source = static_cast<Source>(s);
    double intensity = demand_.intensity(demand, source, day);
    double unshocked = demand.shocks.empty() ? intensity : demand_.unshocked_intensity(demand, source, day);
    if (level_paths_) {
      intensity *= level_path_factor_[s];
      unshocked *= level_path_factor_[s];
    }
    const std::uint32_t n = demand_.sample_with_mean(demand, source, day, intensity, demand_stream_);
    journey_.receive_contacts(day, source, n, unshocked);
  }
  const std::uint64_t uasc = keys::day_source(day, keys::kUascSource);
  auto rng = demand_stream_.at(uasc, 0);
  const double mean = demand_.uasc_per_day(demand, day);
  const auto n = mean > 0 ? boost::random::poisson_distribution<std::uint32_t, double>(mean)(rng) : 0u;
  for (std::uint32_t k = 0; k < n; ++k) journey_.receive_uasc(16.0 + 1.99 * demand_stream_.uniform(uasc, 1 + k), now);
}

void Model::follow_level_path(int month) {
  // The factor scales the whole month's days alike, so the scenario's weekday, school-term
  // and shock factors still shape the days. The expected count is the unshocked one: a shock
  // still thins the path's contacts. A month the path does not cover (scenario_yaml checks
  // the horizon), a source it does not name, or one the scenario gives no contacts keep the
  // scenario's demand. A dated change mid-month recomputes the factor for the whole month
  // under the new parameters, so that month's expected count is close to, not exactly, the path's.
  const engine::CivilDate first = calendar_.month_start(month);
  const int offset = level_paths_->offset_of(first.year, first.month);
  const int from = std::max(0, calendar_.day_of(first)), to = calendar_.day_of(calendar_.month_start(month + 1));
  for (std::size_t s = 0; s < kSources; ++s) {
    level_path_factor_[s] = 1.0;
    if (!level_paths_->covers[s] || offset < 0 || offset >= level_paths_->months) continue;
    double expected = 0;
    for (int d = from; d < to; ++d) expected += demand_.unshocked_intensity(current_->demand, static_cast<Source>(s), d);
    if (expected > 0) level_path_factor_[s] = level_paths_->at(level_path_, offset, s) / expected;
  }
}

void Model::close_month(int month, double now) {
  if (month < 0 || month >= months_) return;
  workforce_.close_month(recorder_, now);
  double placements_at_base_prices = 0;  // the journey's own sum; the groups are priced below
  journey_.close_month(month, now, placements_at_base_prices);
  price_costs(month);
  result_.peak_child_records = std::max(result_.peak_child_records, journey_.child_records());
  recorder_.close_month(month);
}

void Model::price_costs(int month) {
  // A calendar month lies within one financial year, so pricing the month's sum is pricing
  // every day of it. Each figure is then rounded to the penny, as an invoice is, so a
  // year's cost (a sum of months) is a whole number of pence too.
  const int years = calendar_.financial_year_of_month(month) - calendar_.financial_year_of_month(0);
  const double pay = scenario_.prices.pay(years), placements = scenario_.prices.placements(years);
  auto priced = [&](Metric m, std::size_t groups, double index) {
    double sum = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      const double pence = std::round(recorder_.get(m, g) * index * 100.0);
      recorder_.set(m, g, pence / 100.0);
      sum += pence;
    }
    return sum;  // in pence: whole numbers add exactly
  };
  double total_pence = 0;
  for (const Metric m : {Metric::kPermanentCostGbp, Metric::kAsyeCostGbp, Metric::kAgencyCostGbp,
                         Metric::kManagerCostGbp, Metric::kRecruitmentCostGbp})
    total_pence += priced(m, kTeams, pay);
  for (std::size_t t = 0; t < kTeams; ++t)  // whole pence, so the parts add up exactly
    recorder_.set(Metric::kStaffCostGbp, t,
                  (std::round(recorder_.get(Metric::kPermanentCostGbp, t) * 100.0) +
                   std::round(recorder_.get(Metric::kAsyeCostGbp, t) * 100.0)) / 100.0);
  total_pence += priced(Metric::kPlacementCostGbp, kPlacements, placements);
  recorder_.set(Metric::kTotalCostGbp, total_pence / 100.0);
}

}  // namespace caseflow::sim
