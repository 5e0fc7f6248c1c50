#include "io/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace caseflow::io::report {

namespace {

// The drawing area inside the SVG's viewBox (user units; the SVG scales to the page width).
constexpr double kWidth = 760, kLeft = 78, kRight = 744, kTop = 16, kBottom = 236, kLegendRow = 18;

std::string fixed(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string coordinate(double v) { return fixed(v, 1); }

// Ticks at 1, 2 or 5 times a power of ten covering [lo, hi], about five of them.
std::vector<double> nice_ticks(double& lo, double& hi) {
  if (!(hi > lo)) {
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
    lo -= lo == 0 ? 0 : pad;
    hi += pad;
  }
  const double raw = (hi - lo) / 5;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * power) {
      step = m * power;
      break;
    }
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  std::vector<double> ticks;
  for (double t = lo; t <= hi + step / 2; t += step) ticks.push_back(std::abs(t) < step / 1e6 ? 0 : t);
  return ticks;
}

struct Scale {
  double lo, hi;
  std::size_t n;
  double x(std::size_t i) const { return n <= 1 ? (kLeft + kRight) / 2 : kLeft + (kRight - kLeft) * double(i) / double(n - 1); }
  double y(double v) const { return kBottom - (kBottom - kTop) * (v - lo) / (hi - lo); }
};

// A polyline through the finite values, broken where a value is missing.
std::string line_path(const std::vector<double>& values, const Scale& s) {
  std::string d;
  bool open = false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      open = false;
      continue;
    }
    d += (open ? "L" : "M") + coordinate(s.x(i)) + "," + coordinate(s.y(values[i]));
    open = true;
  }
  return d;
}

// The band between low and high, one closed shape per run of months that have both.
std::string band_path(const std::vector<double>& low, const std::vector<double>& high, const Scale& s) {
  std::string d;
  const std::size_t n = std::min(low.size(), high.size());
  for (std::size_t i = 0; i < n;) {
    if (!std::isfinite(low[i]) || !std::isfinite(high[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && std::isfinite(low[j]) && std::isfinite(high[j])) ++j;
    for (std::size_t k = i; k < j; ++k) d += (k == i ? "M" : "L") + coordinate(s.x(k)) + "," + coordinate(s.y(high[k]));
    for (std::size_t k = j; k-- > i;) d += "L" + coordinate(s.x(k)) + "," + coordinate(s.y(low[k]));
    d += "Z";
    i = j;
  }
  return d;
}

void extend(double& lo, double& hi, const std::vector<double>& values) {
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
}

std::string svg_open(const std::string& id, const std::string& title, const std::string& description, double height) {
  std::ostringstream o;
  o << "<svg class=\"chart\" id=\"" << id << "\" viewBox=\"0 0 " << kWidth << " " << coordinate(height)
    << "\" role=\"img\" aria-labelledby=\"" << id << "-title " << id << "-desc\">"
    << "<title id=\"" << id << "-title\">" << escape_html(title) << "</title><desc id=\"" << id << "-desc\">"
    << escape_html(description) << "</desc>";
  return o.str();
}

std::string y_axis(const std::vector<double>& ticks, const Scale& s, const std::string& label, bool money) {
  std::ostringstream o;
  for (double t : ticks) {
    const double y = s.y(t);
    o << "<line class=\"grid\" x1=\"" << kLeft << "\" x2=\"" << kRight << "\" y1=\"" << coordinate(y) << "\" y2=\""
      << coordinate(y) << "\"/><text class=\"tick\" x=\"" << kLeft - 6 << "\" y=\"" << coordinate(y + 4)
      << "\" text-anchor=\"end\">" << escape_html(display_number(t, money)) << "</text>";
  }
  o << "<text class=\"axis-label\" transform=\"translate(14," << coordinate((kTop + kBottom) / 2)
    << ") rotate(-90)\" text-anchor=\"middle\">" << escape_html(label) << "</text>";
  return o.str();
}

}  // namespace

const std::vector<std::string>& okabe_ito() {
  static const std::vector<std::string> colours{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                "#D55E00", "#56B4E9", "#F0E442"};
  return colours;
}

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string display_number(double v, bool money) {
  if (!std::isfinite(v)) return "–";
  const double a = std::abs(v);
  const std::string sign = v < 0 ? "-" : "";
  const auto three_significant = [](double x) {
    const int decimals = x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 ? 2 : 3;
    std::string t = fixed(x, decimals);
    if (t.find('.') != std::string::npos) {
      while (t.back() == '0') t.pop_back();
      if (t.back() == '.') t.pop_back();
    }
    return t;
  };
  if (money) {
    if (a >= 1e6) return sign + "£" + three_significant(a / 1e6) + "m";
    if (a >= 1e3) return sign + "£" + three_significant(a / 1e3) + "k";
    return sign + "£" + fixed(a, 0);
  }
  if (a >= 1000) {
    std::string digits = fixed(a, 0), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return sign + out;
  }
  const std::string t = three_significant(a);
  return t == "0" ? "0" : sign + t;
}

std::string month_name(const std::string& ym) {
  static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (ym.size() != 7) return ym;
  const int m = std::atoi(ym.c_str() + 5);
  return m >= 1 && m <= 12 ? std::string(names[m - 1]) + " " + ym.substr(0, 4) : ym;
}

std::string fan_chart_svg(const FanChart& chart) {
  double lo = 0, hi = 0;  // counts, costs and shares read against zero
  for (const auto& s : chart.series) {
    extend(lo, hi, s.low), extend(lo, hi, s.high), extend(lo, hi, s.median), extend(lo, hi, s.mean);
  }
  for (const auto& r : chart.references) extend(lo, hi, r.values);
  const std::vector<double> ticks = nice_ticks(lo, hi);
  const Scale s{lo, hi, chart.months.size()};

  std::size_t legend_items = 0;
  for (const auto& series : chart.series) legend_items += 1 + !series.mean.empty() + !series.low.empty();
  legend_items += chart.references.size();
  const std::size_t per_row = 3;
  const double height = kBottom + 40 + kLegendRow * double((legend_items + per_row - 1) / per_row);

  std::ostringstream o;
  o << svg_open(chart.id, chart.title, chart.description, height) << y_axis(ticks, s, chart.y_label, chart.money);
  // x axis: a tick at each January (or every month on a short horizon), labelled with the year
  for (std::size_t i = 0; i < chart.months.size(); ++i) {
    const std::string& m = chart.months[i];
    const bool label = chart.months.size() <= 12 || m.compare(5, 2, "01") == 0 || (i == 0 && chart.months.size() < 24);
    if (!label) continue;
    o << "<line class=\"axis\" x1=\"" << coordinate(s.x(i)) << "\" x2=\"" << coordinate(s.x(i)) << "\" y1=\"" << kBottom
      << "\" y2=\"" << kBottom + 4 << "\"/><text class=\"tick\" x=\"" << coordinate(s.x(i)) << "\" y=\"" << kBottom + 16
      << "\" text-anchor=\"middle\">" << escape_html(month_name(m)) << "</text>";
  }
  o << "<line class=\"axis\" x1=\"" << kLeft << "\" x2=\"" << kRight << "\" y1=\"" << kBottom << "\" y2=\"" << kBottom
    << "\"/><text class=\"axis-label\" x=\"" << (kLeft + kRight) / 2 << "\" y=\"" << kBottom + 32
    << "\" text-anchor=\"middle\">month (end of month)</text>";
  if (lo < 0 && hi > 0)
    o << "<line class=\"zero\" x1=\"" << kLeft << "\" x2=\"" << kRight << "\" y1=\"" << coordinate(s.y(0)) << "\" y2=\""
      << coordinate(s.y(0)) << "\"/>";
  for (const auto& series : chart.series)
    if (const std::string d = band_path(series.low, series.high, s); !d.empty())
      o << "<path class=\"mark band\" fill=\"" << series.colour << "\" d=\"" << d << "\"/>";
  const char* dashes[] = {"2 3", "8 3 2 3", "1 2", "10 4"};
  for (std::size_t r = 0; r < chart.references.size(); ++r)
    if (const std::string d = line_path(chart.references[r].values, s); !d.empty())
      o << "<path class=\"ref\" stroke-dasharray=\"" << dashes[r % 4] << "\" d=\"" << d << "\"/>";
  for (const auto& series : chart.series) {
    if (const std::string d = line_path(series.median, s); !d.empty())
      o << "<path class=\"mark line\" stroke=\"" << series.colour << "\" d=\"" << d << "\"/>";
    if (const std::string d = line_path(series.mean, s); !d.empty())
      o << "<path class=\"mark line mean\" stroke=\"" << series.colour << "\" d=\"" << d << "\"/>";
  }
  // legend, three items a row under the axis
  std::size_t item = 0;
  const auto place = [&](const std::string& swatch, const std::string& text) {
    const double x = kLeft + double(item % per_row) * 222, y = kBottom + 50 + kLegendRow * double(item / per_row);
    o << "<g transform=\"translate(" << coordinate(x) << "," << coordinate(y) << ")\">" << swatch << "<text x=\"30\" y=\"4\">"
      << escape_html(text) << "</text></g>";
    ++item;
  };
  for (const auto& series : chart.series) {
    const std::string prefix = chart.series.size() > 1 ? series.label + ": " : "";
    if (!series.low.empty())
      place("<rect class=\"band\" x=\"0\" y=\"-5\" width=\"24\" height=\"10\" fill=\"" + series.colour + "\"/>",
            prefix + series.band_name);
    if (!series.median.empty() || series.mean.empty())
      place("<line class=\"line\" x1=\"0\" x2=\"24\" stroke=\"" + series.colour + "\"/>", prefix + series.median_name);
    if (!series.mean.empty())
      place("<line class=\"line mean\" x1=\"0\" x2=\"24\" stroke=\"" + series.colour + "\"/>", prefix + series.mean_name);
  }
  for (std::size_t r = 0; r < chart.references.size(); ++r)
    place(std::string("<line class=\"ref\" x1=\"0\" x2=\"24\" stroke-dasharray=\"") + dashes[r % 4] + "\"/>",
          chart.references[r].label);
  o << "</svg>";
  return o.str();
}

std::string bar_chart_svg(const BarChart& chart) {
  double lo = 0, hi = 0;
  for (const auto& series : chart.values)
    for (const auto& v : series) extend(lo, hi, {v.mean, v.p10, v.p90});
  const std::vector<double> ticks = nice_ticks(lo, hi);
  const Scale s{lo, hi, 2};
  const std::size_t per_row = 4;
  const double height = kBottom + 30 + kLegendRow * double((chart.series.size() + per_row - 1) / per_row);
  std::ostringstream o;
  o << svg_open(chart.id, chart.title, chart.description, height) << y_axis(ticks, s, chart.y_label, chart.money);
  const double group_width = (kRight - kLeft) / double(std::max<std::size_t>(1, chart.groups.size()));
  const double bar = group_width * 0.8 / double(std::max<std::size_t>(1, chart.series.size()));
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    const double x0 = kLeft + group_width * double(g) + group_width * 0.1;
    o << "<text class=\"tick\" x=\"" << coordinate(x0 + group_width * 0.4) << "\" y=\"" << kBottom + 16
      << "\" text-anchor=\"middle\">" << escape_html(chart.groups[g]) << "</text>";
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
      const BarValue& v = chart.values[k][g];
      if (!std::isfinite(v.mean)) continue;
      const double x = x0 + bar * double(k), top = s.y(std::max(v.mean, 0.0)), bottom = s.y(std::min(v.mean, 0.0));
      o << "<rect class=\"mark bar\" x=\"" << coordinate(x) << "\" y=\"" << coordinate(top) << "\" width=\""
        << coordinate(bar * 0.9) << "\" height=\"" << coordinate(std::max(0.5, bottom - top)) << "\" fill=\""
        << okabe_ito()[k % okabe_ito().size()] << "\"><title>" << escape_html(chart.series[k] + " " + chart.groups[g])
        << ": " << escape_html(display_number(v.mean, chart.money)) << "</title></rect>";
      if (std::isfinite(v.p10) && std::isfinite(v.p90)) {
        const double cx = x + bar * 0.45;
        o << "<path class=\"whisker\" d=\"M" << coordinate(cx) << "," << coordinate(s.y(v.p10)) << "V"
          << coordinate(s.y(v.p90)) << "M" << coordinate(cx - 3) << "," << coordinate(s.y(v.p10)) << "h6M"
          << coordinate(cx - 3) << "," << coordinate(s.y(v.p90)) << "h6\"/>";
      }
    }
  }
  o << "<line class=\"axis\" x1=\"" << kLeft << "\" x2=\"" << kRight << "\" y1=\"" << coordinate(s.y(0)) << "\" y2=\""
    << coordinate(s.y(0)) << "\"/>";
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    const double x = kLeft + double(k % per_row) * 166, y = kBottom + 34 + kLegendRow * double(k / per_row);
    o << "<g transform=\"translate(" << coordinate(x) << "," << coordinate(y) << ")\"><rect x=\"0\" y=\"-5\" width=\"14\" "
      << "height=\"10\" fill=\"" << okabe_ito()[k % okabe_ito().size()] << "\"/><text x=\"20\" y=\"4\">"
      << escape_html(chart.series[k]) << "</text></g>";
  }
  o << "</svg>";
  return o.str();
}

}  // namespace caseflow::io::report
