// `caseflow inspect-returns DIR [--strict]`: reads a council's returns (SSDA903, CIN census,
// workforce census) and prints what was read: the files, counts by collection year, each
// return's date range, and the data-quality table. Writes nothing. A file that cannot be read
// is one error line and exit status 2 (cli.cpp turns returns::ReturnsError into that).
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "io/returns/dates.h"
#include "io/returns/quality_rules.h"
#include "io/returns/reader_summary.h"
#include "io/returns/returns_reader.h"

namespace caseflow::app {

namespace {

std::string years(const std::vector<int>& ys) {
  if (ys.empty()) return "none";
  std::string s;
  for (int y : ys) s += (s.empty() ? "" : " ") + std::to_string(y);
  return s;
}

void print(const returns::History& h, std::ostream& out) {
  const returns::ReturnsSummary s = returns::summarise(h);
  out << "files read: " << h.files.size() << "\n";
  for (const std::string& f : h.files) out << "  " << f << "\n";
  for (const std::string& f : h.skipped) out << "folder not read (a caseflow run's outputs, not a return): " << f << "\n";
  out << "SSDA903 collection years: " << years(h.ssda903_years) << "\n"
      << "CIN census collection years: " << years(h.cin_years) << "\n"
      << "workforce censuses (30 September): " << years(h.csww_years) << "\n"
      << "children: " << s.children << " (referrals " << s.referrals << ", care episodes " << s.episodes << ")\n";
  for (const auto& [name, range] : s.date_ranges)
    out << name << " dates: " << returns::format_iso(range.first) << " to " << returns::format_iso(range.second) << "\n";

  if (!s.by_year.empty()) {
    out << "\nby collection year (April to March, by the date of each event):\n" << std::setw(24) << std::left << "";
    for (const auto& [y, c] : s.by_year) out << std::setw(9) << std::right << y;
    out << "\n";
    auto row = [&](const char* name, long returns::YearCounts::*field) {
      out << std::setw(24) << std::left << name;
      for (const auto& [y, c] : s.by_year) out << std::setw(9) << std::right << c.*field;
      out << "\n";
    };
    row("children", &returns::YearCounts::children);
    row("referrals", &returns::YearCounts::referrals);
    row("assessments completed", &returns::YearCounts::assessments_completed);
    row("s47 enquiries", &returns::YearCounts::section47s);
    row("ICPCs", &returns::YearCounts::icpcs);
    row("CIN plans started", &returns::YearCounts::cin_plans);
    row("CP plans started", &returns::YearCounts::cp_plans_started);
    row("CP plans ended", &returns::YearCounts::cp_plans_ended);
    row("care episodes started", &returns::YearCounts::episodes);
    row("CLA starts", &returns::YearCounts::cla_starts);
    row("CLA ceased", &returns::YearCounts::cla_ceased);
    row("care leavers (OC3)", &returns::YearCounts::care_leavers);
  }
  if (!s.by_census.empty()) {
    out << "\nworkforce census at 30 September:\n"
        << std::setw(8) << std::left << "year" << std::right << std::setw(9) << "workers" << std::setw(9) << "agency"
        << std::setw(14) << "case holders" << std::setw(9) << "cases" << std::setw(10) << "FTE" << std::setw(15)
        << "vacancies FTE" << "\n";
    for (const auto& [y, c] : s.by_census)
      out << std::setw(8) << std::left << y << std::right << std::setw(9) << c.workers << std::setw(9) << c.agency
          << std::setw(14) << c.case_holders << std::setw(9) << c.cases << std::setw(10) << std::fixed
          << std::setprecision(1) << c.fte << std::setw(15) << c.vacancies_fte << "\n";
  }
  out << "\ndata quality: ";
  if (h.quality.counts().empty()) {
    out << "no problems counted\n";
    return;
  }
  out << h.quality.total() << " problems counted (docs/returns.md explains each rule)\n"
      << "rule\tcount\texamples\twhat the reader did\n";
  for (const auto& [rule, c] : h.quality.counts()) {
    out << rule << '\t' << c.count << '\t';
    for (std::size_t i = 0; i < c.examples.size(); ++i) out << (i ? "; " : "") << c.examples[i];
    const returns::QualityRule* r = returns::find_quality_rule(rule);
    out << '\t' << (r ? r->action : "") << "\n";
  }
}

}  // namespace

void add_inspect_returns_command(CLI::App& app) {
  struct Options {
    std::string dir;
    bool strict = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("inspect-returns",
                                 "Read a council's SSDA903, CIN census and workforce census returns and print what was read");
  cmd->add_option("dir", o->dir, "Folder holding the returns (docs/returns.md: layouts accepted)")->required();
  cmd->add_flag("--strict", o->strict, "Treat the first data-quality problem as an error (exit status 2)");
  cmd->callback([o] {
    // The History is not freed when the command ends: the process exits next, and freeing a
    // large council's millions of records one by one took 0.15 s of 2 (3 s on England) for
    // nothing (compilers skip it the same way). It stays reachable from here, so a leak checker
    // does not count it; a second call in one process (the tests) frees the first.
    static returns::History* kept = nullptr;  // a raw pointer: nothing runs at exit
    delete kept;
    kept = nullptr;
    kept = new returns::History(returns::read_returns(o->dir, {o->strict}));
    std::ostringstream text;  // printed only once everything was read
    print(*kept, text);
    std::cout << text.str();
  });
}

}  // namespace caseflow::app
