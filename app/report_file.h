#pragma once
// Writing report.html: on its own (`caseflow report ... --out FILE`, the file replaced in one
// rename, so a failure leaves no partial report) or into a run's, comparison's or plan's
// output set (`--report`): the set is committed again with report.html added, through the same
// atomic swap, so the folder never holds a report of other figures than its own.
#include <string>
#include <vector>

namespace caseflow::app {

// Reads the folders, renders the report and writes it to `file` atomically.
void write_report_file(const std::vector<std::string>& folders, const std::string& file);

// Adds report.html, made from the folder's own files, to the output set in `folder`.
void add_report_to_output_set(const std::string& folder);

}  // namespace caseflow::app
