#pragma once
// Reads what `caseflow run` and `caseflow compare` wrote into the report's input: a run folder
// (monthly.csv, budget.csv, summary.json, scenario.resolved.yaml) or a comparison folder
// (compare_monthly.csv, compare_budget.csv, summary.json, base.resolved.yaml and each
// alternativeN.resolved.yaml). A missing file, a truncated summary.json or a malformed row is
// a UserError (or returns::ReturnsError from the CSV reader) naming FILE:LINE: field: reason.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/report/report_data.h"

namespace caseflow::io::report {

// The files of one output folder, by name (nullopt: the folder has no such file): read from
// the disk here; a separate source keeps the parsing independent of where the text comes from.
using FileSource = std::function<std::optional<std::string>(const std::string& name)>;
FileSource files_on_disk(const std::string& folder);

// Adds one folder's runs (and, for a comparison, its differences) to `input`. `folder` names
// the folder in messages and provenance.
void read_output_folder(const std::string& folder, const FileSource& files, ReportInput& input);

// Every folder in order; two or more runs get differences from the first (means, with an
// approximate interval: docs/report.md says how it is made and why compare's is better).
ReportInput read_output_folders(const std::vector<std::string>& folders);

}  // namespace caseflow::io::report
