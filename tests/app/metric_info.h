#pragma once
// The catalogue entry of a metric named in an output file, for the app tests.
#include <stdexcept>
#include <string>

#include "sim/metrics.h"

namespace caseflow::app::testing {

inline const sim::MetricInfo& metric_info(const std::string& name) {
  for (const auto& info : sim::metric_catalogue())
    if (name == info.name) return info;
  throw std::invalid_argument("no metric named " + name);
}

}  // namespace caseflow::app::testing
