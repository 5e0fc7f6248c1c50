#pragma once
// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
// external font, image or link that loads anything, so it opens offline (from a USB stick)
// and makes no network request. Sections with their headlines, each chart's data table in a
// <details>, the assumptions table with cited sources, and the provenance of every folder.
#include <string>

#include "io/report/report_data.h"

namespace caseflow::io::report {

std::string report_html(const ReportInput& input);

}  // namespace caseflow::io::report
