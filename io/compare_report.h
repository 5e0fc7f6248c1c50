#pragma once
// compare.md: the comparison in plain language, for a reader who will not open the CSVs: for
// each alternative, the largest differences that are certain (95% interval leaving out zero)
// and the figures with no certain difference.
#include <string>

#include "sim/comparison.h"
#include "sim/scenario.h"

namespace caseflow::io {

struct CompareReportInput {
  const sim::Scenario* base = nullptr;
  const sim::Scenario* alternative = nullptr;
  const sim::Comparison* comparison = nullptr;
  const sim::Replications* replications = nullptr;  // the base's, for its months and years
  std::string start_month;
};

std::string compare_report(const CompareReportInput& in);

}  // namespace caseflow::io
