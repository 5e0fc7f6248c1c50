#pragma once
// Charts drawn as inline SVG text, no script: a fan chart (P10-P90 band, P50 line, mean
// dashed, per series, with reference lines such as a caseload cap or a policy path) and a
// grouped bar chart with P10-P90 whiskers. Every chart carries <title> and <desc> for screen
// readers, labelled axes with units, the Okabe-Ito colour-blind-safe palette, and its marks
// tagged class="mark" (the browser test counts them); the data table behind it is separate.
#include <string>
#include <vector>

namespace caseflow::io::report {

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
// vision deficiency. Black is kept for reference lines.
const std::vector<std::string>& okabe_ito();

struct FanSeries {
  std::string label;
  std::string colour;
  std::vector<double> low, high;  // the band (P10-P90, or an interval); NaN: no band there
  std::vector<double> median;     // solid line (P50); may be empty
  std::vector<double> mean;       // dashed line; may be empty
  std::string band_name = "P10-P90", median_name = "P50", mean_name = "mean";
};

struct ReferenceLine {
  std::string label;            // "cap 24", "policy 30%"
  std::vector<double> values;   // by month; NaN: not drawn there
};

struct FanChart {
  std::string id;                    // unique in the page, for aria links
  std::string title, description;    // description: the headline, for screen readers too
  std::string y_label;               // with unit: "cases per FTE"
  bool money = false;                // tick labels in pounds (k, m)
  std::vector<std::string> months;   // x axis, YYYY-MM
  std::vector<FanSeries> series;
  std::vector<ReferenceLine> references;
};

struct BarValue {
  double mean, p10, p90;  // NaN: no bar
};
struct BarChart {
  std::string id, title, description, y_label;
  bool money = false;
  std::vector<std::string> groups;       // x axis: financial years
  std::vector<std::string> series;       // one bar per group each: categories
  std::vector<std::vector<BarValue>> values;  // [series][group]
};

std::string fan_chart_svg(const FanChart& chart);
std::string bar_chart_svg(const BarChart& chart);

// A number for a tick, a table or a headline: 3 significant digits, thousands separated,
// pounds as £1.2m or £350k when `money`.
std::string display_number(double v, bool money = false);
// "2020-06" -> "Jun 2020".
std::string month_name(const std::string& year_month);
// Text safe inside HTML and SVG elements and attributes.
std::string escape_html(const std::string& text);

}  // namespace caseflow::io::report
