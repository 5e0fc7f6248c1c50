#pragma once
// One replication's monthly series, held compactly and exactly (issue 15 point 4). Exact
// quantiles across replications need every replication's value of every month, so these are
// what a run keeps until the end; each series is stored in the narrowest form that gives back
// every month's double bit for bit (NaN, a month with no value, comes back as a quiet NaN):
//
//   constant   every month the same value: one double
//   byte       whole numbers 0 to 254 (255 marks NaN): one byte a month
//   short      whole numbers 0 to 65,534 (65,535 marks NaN): two bytes a month
//   pence      values that are a whole number of hundredths, p / 100.0 with p a 32-bit
//              integer (money, rounded to the penny each month): four bytes a month
//   float      values a float holds exactly (halves, quarters, most FTE): four bytes a month
//   double     anything else: eight bytes a month
//
// The form is chosen by trying each in turn on the series' months and checking that every
// value decodes to itself, so no value is ever rounded.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/recorder.h"

namespace caseflow::sim {

class CompactSeries {
 public:
  CompactSeries() = default;
  explicit CompactSeries(const MonthlyResult& monthly);

  std::size_t series() const { return series_; }
  int months() const { return months_; }
  double value(std::size_t series, std::size_t month) const;
  // Writes series `s`'s months into out[0 .. months-1].
  void copy_series(std::size_t s, double* out) const;
  // Every series back as doubles (as MonthlyResult::values).
  std::vector<double> values() const;
  std::size_t bytes() const { return bytes_.capacity() + sizeof(*this); }

 private:
  std::uint32_t offset(std::size_t s) const;
  std::size_t series_ = 0;
  int months_ = 0;
  // The series' offsets (4 bytes each, little-endian or not: only this class reads them), then
  // each series: its form (one byte), then its months.
  std::vector<unsigned char> bytes_;
};

}  // namespace caseflow::sim
