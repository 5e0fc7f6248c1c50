#pragma once
// How numbers and labels are written in the CSV outputs, one rule for every writer.
#include <string>

namespace caseflow::io {

// A summary statistic: 6 significant digits ("%.6g"); empty for NaN (no value).
std::string summary_number(double v);
// A per-replication figure: the shortest decimal that reads back as exactly the same double,
// never in scientific notation, so a user's quantiles of these values are caseflow's; empty
// for NaN.
std::string exact_number(double v);
// An April-March financial year starting in `year`: "2019-20".
std::string financial_year_label(int year);

}  // namespace caseflow::io
