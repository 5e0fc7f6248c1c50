#pragma once
// What the demand shocks covering a date do to one flow that they cannot thin as a rate: a
// returning child's contact (its source's multiplier) or a child's entry into a stage (the
// shock's `entries`). A shock with multiplier m below 1 lets a share m through and holds the
// rest back for as long as the shock lasts (docs/model.md, Shocks): the contact or entry is
// deferred, not lost. A multiplier above 1 lets everything through; it cannot add children.
#include <algorithm>
#include <vector>

#include "sim/engine/civil_date.h"
#include "sim/scenario.h"

namespace caseflow::sim {

struct HoldBack {
  double pass = 1.0;       // the share let through: the covering shocks' multipliers' product, at most 1
  double defer_days = 0;   // how long the rest wait: the longest covering shock that holds back
};

// `multiplier_of(shock)` gives the shock's multiplier for the flow.
template <typename MultiplierOf>
HoldBack hold_back(const std::vector<DemandShock>& shocks, const engine::CivilDate& date, MultiplierOf multiplier_of) {
  HoldBack h;
  for (const DemandShock& shock : shocks) {
    if (!shock.covers(date)) continue;
    const double m = multiplier_of(shock);
    h.pass *= m;
    if (m < 1.0) h.defer_days = std::max(h.defer_days, static_cast<double>(shock.length_days()));
  }
  h.pass = std::min(h.pass, 1.0);
  return h;
}

}  // namespace caseflow::sim
