#include "io/compare_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <vector>

#include "io/output_text.h"
#include "sim/metrics.h"

namespace caseflow::io {

namespace {

constexpr std::size_t kLargest = 12;  // rows in each "largest" table: enough to scan, short enough to read

// A figure for reading, not for computing: whole numbers with thousands separators from 100
// up, one decimal from 10, two below (the CSVs carry the full figures).
std::string readable(double v, bool sign = false) {
  if (std::isnan(v)) return "n/a";
  const double a = std::fabs(v);
  const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, a);
  std::string digits = buffer;
  const std::size_t point = digits.find('.');
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(point == std::string::npos ? digits.size() : point) - 3; i > 0;
       i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  const bool zero = digits.find_first_not_of("0.,") == std::string::npos;
  if (zero) return digits;
  return (v < 0 ? "-" : sign ? "+" : "") + digits;
}

std::string change(const sim::Difference& d) {
  if (d.base_mean == 0) return "from none";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.1f%%", 100.0 * d.mean / std::fabs(d.base_mean));
  return buffer;
}

// How large a certain difference is for ranking: its size relative to the base (a figure
// that was zero in the base and is not in the alternative ranks first).
double rank(const sim::Difference& d) {
  return d.base_mean == 0 ? std::numeric_limits<double>::infinity() : std::fabs(d.mean / d.base_mean);
}

struct Row {
  std::string label;
  std::string unit;
  sim::Difference d;
};

// A year's total of a monthly flow is per year, not per month.
std::string year_unit(const sim::MetricInfo& info) {
  std::string unit = info.unit;
  const std::size_t at = unit.find("/month");
  if (info.year == sim::YearRule::kSum && at != std::string::npos) unit.replace(at, 6, "/year");
  return unit;
}

void table(std::ostream& os, std::vector<Row> rows, const std::string& first_column, const std::string& base,
           const std::string& alt) {
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return rank(a.d) > rank(b.d); });
  if (rows.size() > kLargest) rows.resize(kLargest);
  os << "| " << first_column << " | unit | " << base << " | " << alt << " | difference (95% CI) | change |\n"
     << "|---|---|---:|---:|---|---:|\n";
  for (const auto& r : rows)
    os << "| " << r.label << " | " << r.unit << " | " << readable(r.d.base_mean) << " | "
       << readable(r.d.alt_mean) << " | " << readable(r.d.mean, true) << " (" << readable(r.d.ci_low, true) << " to "
       << readable(r.d.ci_high, true) << ") | " << change(r.d) << " |\n";
}

}  // namespace

std::string compare_report(const CompareReportInput& in) {
  const auto& base = in.base->name;
  const auto& alt = in.alternative->name;
  const auto& c = *in.comparison;
  const auto& r = *in.replications;
  std::ostringstream os;
  os << "# " << alt << " against " << base << "\n\n"
     << r.count() << " replications of each scenario, " << r.months << " months from " << in.start_month
     << ", paired: replication r of both runs with seed " << r.seed
     << " and draws the same random numbers for the same child, stage visit and worker, so each difference is `"
     << alt << "` minus `" << base
     << "` within one replication and what the two share cancels out. A difference is called certain when its 95% "
        "confidence interval leaves out zero; `compare_monthly.csv` and `compare_annual.csv` have every month, year "
        "and group, with P10/P50/P90 of the differences.\n\n";

  std::vector<Row> certain, annual;
  std::vector<std::string> uncertain, identical;
  for (const auto& info : sim::metric_catalogue()) {
    const auto& d = c.horizon_mean[static_cast<std::size_t>(info.metric)];
    if (d.pairs == 0) continue;
    if (sim::excludes_zero(d))
      certain.push_back({std::string("`") + info.name + "`", info.unit, d});
    else if (d.mean == 0 && d.ci_low == 0 && d.ci_high == 0)
      identical.push_back(info.name);
    else
      uncertain.push_back(info.name);
  }
  const auto& layout = *r.layout;
  for (const auto& info : sim::metric_catalogue()) {
    if (info.year == sim::YearRule::kNone) continue;
    const auto& by_year = c.annual[layout.series(info.metric, layout.all_group(info.metric))];
    for (std::size_t y = 0; y < by_year.size(); ++y)
      if (r.months_in_year(y) == 12 && by_year[y].pairs > 0 && sim::excludes_zero(by_year[y]))
        annual.push_back({financial_year_label(r.financial_years[y]) + " `" + info.name + "`", year_unit(info), by_year[y]});
  }

  os << "## The largest certain differences\n\n";
  if (certain.empty()) {
    os << "None: no figure's monthly mean over the horizon differs with 95% confidence.\n\n";
  } else {
    os << "Each replication's monthly mean over the horizon (whole service), largest change relative to `" << base
       << "` first (" << std::min(kLargest, certain.size()) << " of " << certain.size() << "):\n\n";
    table(os, certain, "metric", base, alt);
    os << '\n';
  }
  if (!annual.empty()) {
    os << "Whole financial years (April-March; flows and costs summed, year measures at March), largest change "
          "first ("
       << std::min(kLargest, annual.size()) << " of " << annual.size() << "):\n\n";
    table(os, annual, "year and metric", base, alt);
    os << '\n';
  }
  os << "## No certain difference\n\n";
  if (uncertain.empty()) {
    os << "Every figure that differs at all differs with 95% confidence.\n";
  } else {
    os << "The 95% interval of these monthly means over the horizon includes zero: ";
    for (std::size_t i = 0; i < uncertain.size(); ++i) os << (i ? ", `" : "`") << uncertain[i] << '`';
    os << ".\n";
  }
  if (!identical.empty()) {
    os << "\nExactly the same in every replication (" << identical.size() << " figures): ";
    for (std::size_t i = 0; i < identical.size(); ++i) os << (i ? ", `" : "`") << identical[i] << '`';
    os << ".\n";
  }
  return os.str();
}

}  // namespace caseflow::io
