#pragma once
// Writes a History as a council's three statutory returns, in the layout `inspect-returns`
// reads (docs/returns.md):
//   DIR/ssda903/<YYYY>/Header.csv, Episodes.csv, UASC.csv, Reviews.csv, Missing.csv, OC3.csv,
//                      SWEpisodes.csv       for each YYYY in history.ssda903_years
//   DIR/cin/CIN_census_<YYYY>.xml           for each YYYY in history.cin_years
//   DIR/csww/CSWW_<YYYY>.xml                for each YYYY in history.csww_years (30 September)
// <YYYY> is the collection year: the year of the 31 March that ends it (2020 = April 2019 to
// March 2020). What each year's files hold: ssda903_writer.h, cin_census_writer.h,
// csww_writer.h. Files are written in place under DIR (created if missing), so a failure
// part-way leaves some behind: callers that need all-or-nothing (the synth command) stage
// DIR themselves.
#include <string>

#include "io/returns/history.h"

namespace caseflow::returns {

// std::logic_error naming the record and field when the History lacks something a return
// requires (a History from `synth` must be complete); std::runtime_error naming the file when
// a file cannot be written.
void write_returns(const History& history, const std::string& dir);

}  // namespace caseflow::returns
