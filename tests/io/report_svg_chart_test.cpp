// The report's SVG charts (io/report/svg_chart.h): marks only where there are figures, a band
// broken where a month has no value, labels escaped, numbers said as a reader says them.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "io/report/svg_chart.h"

namespace caseflow::io::report {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

FanChart chart_of(std::vector<double> values) {
  FanChart c;
  c.id = "t";
  c.title = "Cases <all> & more";
  c.description = "d";
  c.y_label = "cases";
  for (std::size_t m = 0; m < values.size(); ++m) c.months.push_back("2020-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1));
  FanSeries s;
  s.label = "run";
  s.colour = okabe_ito()[0];
  for (double v : values) {
    s.low.push_back(v - 1), s.high.push_back(v + 1), s.median.push_back(v), s.mean.push_back(v);
  }
  c.series.push_back(s);
  return c;
}

TEST(SvgChart, BandLineAndMeanAreMarksWithTitleAndDescription) {
  const std::string svg = fan_chart_svg(chart_of({3, 4, 5}));
  EXPECT_EQ(count(svg, "class=\"mark band\""), 1u);
  EXPECT_EQ(count(svg, "class=\"mark line\""), 1u);
  EXPECT_EQ(count(svg, "class=\"mark line mean\""), 1u);
  EXPECT_NE(svg.find("<title id=\"t-title\">Cases &lt;all&gt; &amp; more</title>"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"t-desc\">d</desc>"), std::string::npos);
  EXPECT_NE(svg.find(">cases</text>"), std::string::npos) << "the y axis is labelled with its unit";
}

TEST(SvgChart, MonthWithoutValueBreaksTheBandAndTheLines) {
  const double nan = std::nan("");
  const std::string svg = fan_chart_svg(chart_of({3, 4, nan, 5, 6}));
  const std::size_t band = svg.find("class=\"mark band\"");
  const std::string band_path = svg.substr(band, svg.find("/>", band) - band);
  EXPECT_EQ(count(band_path, "Z"), 2u) << "two runs of months, two shapes";
  const std::size_t line = svg.find("class=\"mark line\"");
  EXPECT_EQ(count(svg.substr(line, svg.find("/>", line) - line), "M"), 2u);
}

TEST(SvgChart, NoFiguresNoMarks) {
  const double nan = std::nan("");
  const std::string svg = fan_chart_svg(chart_of({nan, nan}));
  EXPECT_EQ(count(svg, "class=\"mark"), 0u) << "the browser test relies on an empty chart having no marks";
}

TEST(SvgChart, NumbersAsAReaderSaysThem) {
  EXPECT_EQ(display_number(50077312.6, true), "£50.1m");
  EXPECT_EQ(display_number(350000, true), "£350k");
  EXPECT_EQ(display_number(-12.4, true), "-£12");
  EXPECT_EQ(display_number(1234567), "1,234,567");
  EXPECT_EQ(display_number(18.26), "18.3");
  EXPECT_EQ(display_number(0.5), "0.5");
  EXPECT_EQ(display_number(std::nan("")), "–");
  EXPECT_EQ(month_name("2020-06"), "Jun 2020");
}

}  // namespace
}  // namespace caseflow::io::report
