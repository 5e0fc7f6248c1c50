#include "app/report_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/output_dir.h"
#include "io/report/output_folder_reader.h"
#include "io/report/report_html.h"
#include "io/user_error.h"

namespace caseflow::app {

namespace fs = std::filesystem;

void write_report_file(const std::vector<std::string>& folders, const std::string& file) {
  const std::string html = io::report::report_html(io::report::read_output_folders(folders));
  const fs::path target(file);
  const fs::path staging = target.parent_path() / ("." + target.filename().string() + ".caseflow-" + std::to_string(::getpid()));
  {
    std::ofstream out(staging, std::ios::binary | std::ios::trunc);
    if (!out) throw io::UserError(file, 0, 0, "cannot write the report here (does the folder exist?)");
    out << html;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(staging, ec);
      throw io::UserError(file, 0, 0, "write failed (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(staging, target, ec);
  if (ec) {
    fs::remove(staging, ec);
    throw io::UserError(file, 0, 0, "cannot replace the file: " + ec.message());
  }
}

void add_report_to_output_set(const std::string& folder) {
  const std::string html = io::report::report_html(io::report::read_output_folders({folder}));
  // The files of the set as committed (the marker lists them), carried into the new set with
  // report.html; anything else in the folder is carried by OutputDir as a user's file.
  std::vector<std::string> names;
  std::ifstream marker(fs::path(folder) / io::OutputDir::kMarker);
  for (std::string line; std::getline(marker, line);)
    if (!line.empty() && line[0] != '#' && line != "report.html") names.push_back(line);
  io::OutputDir dir(folder);
  for (const std::string& name : names)
    dir.write(name, [&](std::ostream& out) {
      std::ifstream in(fs::path(folder) / name, std::ios::binary);
      if (!in) throw io::UserError((fs::path(folder) / name).string(), 0, 0, "cannot read it back to add the report");
      out << in.rdbuf();
    });
  dir.write("report.html", [&](std::ostream& out) { out << html; });
  dir.commit();
}

}  // namespace caseflow::app
