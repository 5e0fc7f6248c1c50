#pragma once
// Every replication's monthly series, kept exactly but compactly (sim/compact_series.h), and the figures each
// replication gives: its financial-year figures (annual.csv) and its headline figures
// (summary.json). The summaries across replications, the paired differences of `compare` and
// the per-replication files are all computed from these same figures, so a user who takes the
// per-replication rows computes exactly the quantiles caseflow writes.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/compact_series.h"
#include "sim/engine/civil_date.h"
#include "sim/metrics.h"
#include "sim/recorder.h"

namespace caseflow::sim {

// One replication's series: its months by index, decoded as they are read.
class SeriesView {
 public:
  SeriesView(const CompactSeries& replication, std::size_t series) : replication_(&replication), series_(series) {}
  template <std::integral Month>
  double operator[](Month month) const {
    return replication_->value(series_, static_cast<std::size_t>(month));
  }

 private:
  const CompactSeries* replication_;
  std::size_t series_;
};

struct Replications {
  int months = 0;
  std::uint64_t seed = 0;
  const SeriesLayout* layout = nullptr;   // of the scenario's stage table
  std::vector<std::string> stage_labels;  // the stage groups' labels, in layout order
  std::vector<int> financial_year_of_month;
  std::vector<int> financial_years;       // April-March years the horizon covers, in whole or part
  std::vector<CompactSeries> monthly;     // by replication id, from first_id
  std::uint32_t first_id = 0;             // 0 for a whole run; a shard's first id (sim/shard_slice.h)
  std::uint64_t events = 0;
  std::size_t peak_child_records = 0;

  std::size_t count() const { return monthly.size(); }
  // One replication's series: series(rep, s)[month]. NaN marks a month with no value.
  SeriesView series(std::size_t rep, std::size_t s) const { return {monthly[rep], s}; }
  // The same, its months written to out[0 .. months-1].
  void copy_series(std::size_t rep, std::size_t s, double* out) const { monthly[rep].copy_series(s, out); }
  // Bytes the replications' figures take.
  std::size_t bytes() const;
  // Months of the horizon in the year financial_years[year].
  int months_in_year(std::size_t year) const;
};

// Replications with no replication yet: the horizon's months and financial years from the
// start date, and the layout of a stage table with these group labels (one per stage).
Replications replications_frame(int months, const engine::CivilDate& start, std::uint64_t seed,
                                std::vector<std::string> stage_labels);

// One replication's figure for financial_years[year] of a metric with a year rule: a flow's or
// cost's total over the year's months in the horizon, a year measure's value at the year's last
// month in the horizon. NaN when the replication has none (a year measure with no value).
double year_figure(const Replications& r, const MetricInfo& info, std::size_t series, std::size_t year,
                   std::size_t rep);

// Headline figures of one replication's series: the mean of its months that have a value (NaN
// if none has), and its final month's value (NaN if it has none).
double horizon_mean(const Replications& r, std::size_t series, std::size_t rep);
double final_month(const Replications& r, std::size_t series, std::size_t rep);

}  // namespace caseflow::sim
