#include "sim/memory_estimate.h"

#include <algorithm>
#include <vector>

#include <cstring>

#include "sim/compact_series.h"
#include "sim/demand/demand.h"
#include "sim/demand/expected_contacts.h"
#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/recorder.h"
#include "sim/stage_table.h"

namespace caseflow::sim {

namespace {

constexpr double kFixedBytes = 16e6;  // the baseline's whole footprint is about 11 MB

double open_at_start(const Scenario& s) {
  const InitialStock& i = s.initial;
  return static_cast<double>(i.assessments) + i.cin_plans + i.cp_plans + i.pre_proceedings + i.proceedings + i.cla +
         i.care_leavers + i.returns_due;
}

// Decisions the front door can make in a month with its smallest establishment (22 working days).
double front_door_decisions_per_month(const Scenario& s) {
  double least = -1;
  for (const auto& epoch : s.epochs) {
    const Parameters& p = epoch.parameters;
    const double per_month = p.front_door.decisions_per_fte_per_day *
                             p.workforce.teams[static_cast<std::size_t>(Team::kFrontDoor)].establishment_fte * 22;
    least = least < 0 ? per_month : std::min(least, per_month);
  }
  return std::max(0.0, least);
}

}  // namespace

double compact_bytes_per_replication(std::size_t stage_groups, int months) {
  const SeriesLayout& layout = series_layout(stage_groups);
  double per_month = 0;
  for (const auto& m : metric_catalogue()) {
    const double groups = static_cast<double>(layout.groups(m.metric));
    const bool money = std::strstr(m.unit, "GBP") != nullptr, fte = std::strstr(m.unit, "FTE") != nullptr;
    per_month += groups * (money ? kMoneyBytesPerMonth : !m.additive || fte ? 8.0 : kCountBytesPerMonth);
  }
  // Each series' offset and form, and the replication's own bookkeeping and allocation.
  return per_month * std::max(0, months) + static_cast<double>(layout.total()) * 5 + sizeof(CompactSeries) + 16;
}

MemoryEstimate estimate_memory(const Scenario& s, std::uint32_t replications, unsigned threads,
                               std::size_t scenarios_kept) {
  MemoryEstimate e;
  const double months = std::max(0, s.horizon_months);
  e.monthly_figures_bytes = static_cast<double>(scenarios_kept) * replications *
                            compact_bytes_per_replication(s.stages->size() - 1, s.horizon_months);

  const engine::Calendar calendar(s.start_date, 5, s.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(s, calendar);
  const std::vector<double> contacts = expected_first_contacts_by_month(s, calendar, demand);
  double busiest = 0, piled_up = 0;
  const double decided = front_door_decisions_per_month(s);
  for (const double c : contacts) {
    busiest = std::max(busiest, c);
    piled_up += std::max(0.0, c - decided);
  }
  const double first = contacts.empty() ? 0 : contacts.front();
  const double rise = first > 0 ? std::max(1.0, busiest / first) : 1.0;
  e.child_records = (open_at_start(s) + busiest) * rise + piled_up;
  const double running = std::min<double>(std::max(1u, threads), std::max(1u, replications));
  e.children_bytes = static_cast<double>(scenarios_kept) * running * e.child_records * kBytesPerChildRecord;
  // The demand tables: each period's intensity by day and source, shocked and not.
  e.fixed_bytes = kFixedBytes + static_cast<double>(s.epochs.size()) * (months * 31) * kSources * 2 * sizeof(double);
  return e;
}

}  // namespace caseflow::sim
