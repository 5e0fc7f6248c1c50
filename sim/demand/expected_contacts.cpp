#include "sim/demand/expected_contacts.h"

#include <algorithm>

namespace caseflow::sim {

std::vector<double> expected_first_contacts_by_month(const Scenario& s, const engine::Calendar& calendar,
                                                     const DemandModel& demand) {
  std::vector<double> months(static_cast<std::size_t>(std::max(0, s.horizon_months)), 0.0);
  std::size_t epoch = 0;
  for (int m = 0; m < s.horizon_months; ++m) {
    const int first = calendar.day_of(calendar.month_start(m)), next = calendar.day_of(calendar.month_start(m + 1));
    for (int d = first; d < next; ++d) {
      while (epoch + 1 < s.epochs.size() && calendar.day_of(s.epochs[epoch + 1].from) <= d) ++epoch;
      for (std::size_t src = 0; src < kSources; ++src)
        months[static_cast<std::size_t>(m)] += demand.intensity(s.epochs[epoch].parameters.demand, static_cast<Source>(src), d);
    }
  }
  return months;
}

}  // namespace caseflow::sim
