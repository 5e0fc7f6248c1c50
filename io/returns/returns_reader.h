#pragma once
// Reads a council's three statutory returns from one folder, every collection year in it, into
// one merged History (io/returns/history.h). What is accepted where (docs/returns.md):
//   SSDA903 CSV tables: DIR/ssda903/2020/Episodes.csv (any folder named by the year), or flat
//     files named by the year: 2020-episodes.csv, episodes_2020.csv, 2020_Episodes.CSV;
//     the year is the collection year (the year of the 31 March that ends it).
//   SSDA903 XML (<EXPSSDA903>): the year from the file or folder name, as for the CSV.
//   CIN census XML (<Message> with <Children>) and workforce census XML (<Message> with
//     <CSWWWorker>): the kind from the content, the year from Header/CollectionDetails/Year.
// Every .csv and .xml file under DIR is read (hidden files and folders are skipped, other files
// ignored); a file this reader cannot place is an error, never skipped.
// Throws ReturnsError ("FILE:LINE:COL: FIELD: what is wrong") when a file cannot be read, or,
// with strict, at the first data-quality problem.
#include <string>

#include "io/returns/history.h"

namespace caseflow::returns {

struct ReadOptions {
  bool strict = false;
};

History read_returns(const std::string& dir, const ReadOptions& options = {});

}  // namespace caseflow::returns
