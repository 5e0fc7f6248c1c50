#include "sim/dated_change.h"

#include <algorithm>

namespace caseflow::sim {

void set_from(Scenario& scenario, const engine::CivilDate& date, const std::function<void(Parameters&)>& set) {
  const engine::CivilDate at = date < scenario.start_date ? scenario.start_date : date;
  auto& epochs = scenario.epochs;
  if (std::none_of(epochs.begin(), epochs.end(), [&](const Epoch& e) { return e.from == at; })) {
    const auto later = std::find_if(epochs.begin(), epochs.end(), [&](const Epoch& e) { return at < e.from; });
    const Parameters in_force = (later == epochs.begin() ? later : std::prev(later))->parameters;
    epochs.insert(later, Epoch{at, in_force});
  }
  for (auto& epoch : epochs)
    if (!(epoch.from < at)) set(epoch.parameters);
}

}  // namespace caseflow::sim
