// `caseflow report RUN_DIR [RUN_DIR2 ...] --out report.html`: one self-contained HTML page of
// what run, compare (or plan) wrote: fan charts with headlines, differences, assumptions.
#include <iostream>

#include "app/commands.h"
#include "app/report_file.h"

namespace caseflow::app {

void add_report_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> folders;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write one offline HTML page of run or compare outputs: fan charts with headlines, the differences of two or "
      "more runs or of a comparison, the assumptions with their sources");
  cmd->add_option("folders", o->folders, "RUN_DIR [RUN_DIR2 ...]: folders written by run or compare")->required();
  cmd->add_option("--out", o->out, "The HTML file to write")->required();
  cmd->callback([o] {
    write_report_file(o->folders, o->out);
    std::cout << "caseflow: report of " << o->folders.size() << " folder(s) written to " << o->out << "\n";
  });
}

}  // namespace caseflow::app
