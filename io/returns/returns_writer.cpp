#include "io/returns/returns_writer.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "io/returns/cin_census_writer.h"
#include "io/returns/csww_writer.h"
#include "io/returns/ssda903_writer.h"

namespace caseflow::returns {

namespace {

namespace fs = std::filesystem;

void make_folder(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error)
    throw std::runtime_error(folder.string() + ": cannot create the folder (" + error.message() + ")");
}

}  // namespace

void write_returns(const History& history, const std::string& dir) {
  const fs::path root(dir);
  for (int year : history.ssda903_years) {
    const fs::path folder = root / "ssda903" / std::to_string(year);
    make_folder(folder);
    write_ssda903_year(history, year, folder);
  }
  if (!history.cin_years.empty()) make_folder(root / "cin");
  for (int year : history.cin_years)
    write_cin_census(history, year, root / "cin" / ("CIN_census_" + std::to_string(year) + ".xml"));
  if (!history.csww_years.empty()) make_folder(root / "csww");
  for (int year : history.csww_years)
    write_csww(history, year, root / "csww" / ("CSWW_" + std::to_string(year) + ".xml"));
}

}  // namespace caseflow::returns
