#include "sim/region_total.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace caseflow::sim {

bool summed_in_region(const MetricInfo& info) {
  // `additive` alone is not enough: a metric with only the "all" group (a timeliness share, a
  // duration quartile) is trivially additive across its groups but not across councils.
  const std::string unit = info.unit;
  const bool ratio = unit == "%" || unit.find("/FTE") != std::string::npos;
  const bool duration = unit == "days" || unit == "working days";  // means and quartiles of durations
  return info.additive && !ratio && !duration;
}

Replications region_total(const std::vector<const Replications*>& councils) {
  if (councils.empty()) throw std::invalid_argument("region_total: no councils");
  const Replications& first = *councils.front();
  Replications total;
  total.months = first.months;
  total.seed = first.seed;
  total.layout = first.layout;
  total.stage_labels = first.stage_labels;
  total.financial_year_of_month = first.financial_year_of_month;
  total.financial_years = first.financial_years;
  total.first_id = first.first_id;
  for (const Replications* c : councils) {
    if (c->count() != first.count() || c->months != first.months || c->layout != first.layout ||
        c->first_id != first.first_id || c->financial_year_of_month != first.financial_year_of_month)
      throw std::invalid_argument("region_total: councils with different replications, months or stages");
    total.events += c->events;
    total.peak_child_records = std::max(total.peak_child_records, c->peak_child_records);
  }

  const SeriesLayout& layout = *first.layout;
  const auto months = static_cast<std::size_t>(first.months);
  std::vector<bool> summed(layout.total(), false);
  for (const auto& info : metric_catalogue())
    if (summed_in_region(info))
      for (std::size_t g = 0; g < layout.groups(info.metric); ++g) summed[layout.series(info.metric, g)] = true;

  total.monthly.reserve(first.count());
  std::vector<double> council_values(months);
  for (std::size_t rep = 0; rep < first.count(); ++rep) {
    MonthlyResult sum;
    sum.months = first.months;
    sum.layout = first.layout;
    sum.values.assign(layout.total() * months, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t s = 0; s < layout.total(); ++s) {
      if (!summed[s]) continue;
      double* out = sum.values.data() + s * months;
      std::fill(out, out + months, 0.0);
      for (const Replications* c : councils) {
        c->copy_series(rep, s, council_values.data());
        for (std::size_t m = 0; m < months; ++m) out[m] += council_values[m];
      }
    }
    total.monthly.emplace_back(sum);
  }
  return total;
}

std::uint64_t council_seed(std::uint64_t region_seed, const std::string& council_name) {
  std::uint64_t name_hash = 1469598103934665603ULL;  // FNV-1a 64
  for (unsigned char c : council_name) {
    name_hash ^= c;
    name_hash *= 1099511628211ULL;
  }
  std::uint64_t z = region_seed ^ name_hash;  // SplitMix64's finaliser
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace caseflow::sim
