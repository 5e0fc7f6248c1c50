#pragma once
// Sampled monthly demand paths (`demand.level_paths`, written by `caseflow forecast`): each
// path gives, for every month it covers, the expected first contacts from each source it
// names. Replication r follows path r mod paths(), so a replication's demand depends only on
// its id, and two scenarios with the same paths and seed share their draws (CRN). Within a
// month the scenario's own demand still shapes the days (weekday, school-term and shock
// factors); the path sets the month's expected first contacts (sim/model.cpp). The forecast's
// parameter and level uncertainty thus reaches the run, not only the Poisson noise of the days.
#include <array>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::sim {

struct DemandLevelPaths {
  int first_year = 0, first_month = 1;  // calendar month of each path's first value (1 = January)
  int months = 0;                       // consecutive months every path covers
  int paths = 0;
  std::array<bool, kSources> covers{};  // sources the file names; the others keep the scenario's demand
  std::vector<double> contacts;          // [(path * months + month) * kSources + source]

  // Months from the paths' first month to the calendar month (year, month); may be negative.
  int offset_of(int year, int month) const { return (year - first_year) * 12 + (month - first_month); }
  double at(int path, int offset, std::size_t source) const {
    return contacts[(static_cast<std::size_t>(path) * static_cast<std::size_t>(months) + static_cast<std::size_t>(offset)) *
                        kSources + source];
  }
};

}  // namespace caseflow::sim
