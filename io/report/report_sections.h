#pragma once
// The report's sections, each chart with its one-line headline computed from the data and the
// table of the figures it draws: caseloads, unallocated cases and the front door, stocks,
// timeliness, workforce, cost, and (for two or more runs or a comparison) the differences.
#include <string>
#include <vector>

#include "io/report/report_data.h"

namespace caseflow::io::report {

struct ReportChart {
  std::string headline;  // one plain-English sentence
  std::string svg;       // inline SVG
  std::string table;     // <table> of the figures drawn
};

struct ReportSection {
  std::string id, title, reading;  // reading: how to read the section, one or two sentences
  std::vector<ReportChart> charts;
};

std::vector<ReportSection> report_sections(const ReportInput& input);

}  // namespace caseflow::io::report
