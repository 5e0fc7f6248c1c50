#pragma once
// The catalogue metric a flow count is named after (io/returns/flow_counts.h names its series
// as the monthly.csv metrics they must equal); a name with no metric fails the test.
#include <gtest/gtest.h>

#include <string>

#include "sim/metrics.h"

namespace caseflow::testing {

inline sim::Metric metric_named(const std::string& name) {
  for (const auto& info : sim::metric_catalogue())
    if (name == info.name) return info.metric;
  ADD_FAILURE() << "no metric named " << name;
  return sim::Metric::kCount;
}

}  // namespace caseflow::testing
