#include "sim/demand/returning_share.h"

#include <algorithm>
#include <stdexcept>

#include "sim/demand/expected_contacts.h"
#include "sim/model.h"

namespace caseflow::sim {

ReturningShare measure_returning_share(const Scenario& scenario, int months, std::uint32_t replications,
                                       std::uint64_t seed) {
  if (months < 1 || replications < 1) throw std::invalid_argument("measure_returning_share: nothing to measure");
  Scenario s = scenario;
  s.horizon_months = std::min(months, scenario.horizon_months);
  s.demand_level_paths = nullptr;  // the central demand, which the expected first contacts are of
  const engine::Calendar calendar(s.start_date, 5, s.horizon_months / 12 + 30);
  const DemandModel demand = prepared_demand(s, calendar);
  ReturningShare r;
  r.months = s.horizon_months;
  r.replications = replications;
  for (double m : expected_first_contacts_by_month(s, calendar, demand)) r.first_contacts += m;
  double contacts = 0;
  for (std::uint32_t rep = 0; rep < replications; ++rep) {
    const ReplicationResult result = run_replication(s, calendar, demand, seed, rep);
    for (int m = 0; m < s.horizon_months; ++m) contacts += result.monthly.all(Metric::kContacts, m);
  }
  r.contacts = contacts / replications;
  r.share = r.contacts > 0 ? std::max(0.0, 1.0 - r.first_contacts / r.contacts) : 0.0;
  return r;
}

}  // namespace caseflow::sim
