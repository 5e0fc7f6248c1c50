// `caseflow report` and `--report` (issue 14 point 1): one self-contained HTML page that loads
// nothing, with a chart for every section whose figures the folder has, each chart with marks,
// a headline and its data table; and bad input (no monthly.csv, a truncated summary.json, a
// malformed row) named as FILE:LINE: field: reason with exit status 2 and no report left.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "cli_in_process.h"

namespace caseflow::app {
namespace {

namespace fs = std::filesystem;

using testing::run;
using testing::source;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A small baseline run with --report, made once for the tests that only read it.
const fs::path& baseline_run() {
  static const fs::path out = [] {
    const fs::path dir = testing::fresh_dir("report", "baseline");
    EXPECT_EQ(run({"run", source("scenarios/baseline.yaml"), "--reps", "5", "--horizon-months", "15", "--threads", "2",
                   "--report", "--out", dir.string()}),
              0);
    return dir;
  }();
  return out;
}

// Every <svg> of the page, as text.
std::vector<std::string> charts(const std::string& html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    out.push_back(html.substr(at, html.find("</svg>", at) - at));
  return out;
}

void expect_self_contained(const std::string& html) {
  EXPECT_EQ(html.find("<script"), std::string::npos) << "no script is needed";
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"?(https?:)?//)", std::regex::icase)))
      << "nothing may load from the network";
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST(ReportCommand, RunWithReportWritesOneSelfContainedPageIntoTheOutputSet) {
  const fs::path& out = baseline_run();
  ASSERT_TRUE(fs::exists(out / "report.html"));
  EXPECT_NE(slurp(out / ".caseflow-outputs").find("\nreport.html\n"), std::string::npos)
      << "report.html belongs to the set, so the next run replaces or removes it";
  for (const char* f : {"monthly.csv", "annual.csv", "budget.csv", "summary.json", "scenario.resolved.yaml"})
    EXPECT_TRUE(fs::exists(out / f)) << f << " is carried into the set with the report";
  const std::string html = slurp(out / "report.html");
  expect_self_contained(html);
  for (const char* section : {"id=\"caseloads\"", "id=\"unallocated\"", "id=\"stocks\"", "id=\"timeliness\"",
                              "id=\"workforce\"", "id=\"cost\"", "id=\"assumptions\"", "id=\"provenance\""})
    EXPECT_NE(html.find(section), std::string::npos) << section;
  EXPECT_EQ(html.find("id=\"differences\""), std::string::npos) << "one run has no differences";
  const auto svgs = charts(html);
  EXPECT_GE(svgs.size(), 25u);  // 5 teams' caseloads, 6 unallocated + queue, 4 stocks, 4 timeliness, 5 workforce, 7 cost
  for (const std::string& svg : svgs) {
    EXPECT_NE(svg.find("<title"), std::string::npos);
    EXPECT_NE(svg.find("<desc"), std::string::npos);
    EXPECT_GE(count(svg, "class=\"mark"), 1u) << svg.substr(0, 300);
  }
  EXPECT_EQ(count(html, "<figure>"), svgs.size());
  EXPECT_EQ(count(html, "<summary>Figures behind this chart</summary><table>"), svgs.size()) << "a table per chart";
  // headlines are computed, e.g. the caseload cap and the first year's budget
  EXPECT_TRUE(std::regex_search(html, std::regex("Caseload per FTE in the assessment team peaks at [0-9.]+ \\(P10 ")));
  EXPECT_TRUE(std::regex_search(html, std::regex("In 2019-20 the service costs £[0-9.]+m on average \\(P10 £")));
  EXPECT_NE(html.find("agency_target_share"), std::string::npos) << "the assumptions table";
  EXPECT_NE(html.find("000 L214"), std::string::npos) << "with the source the scenario cites";
  EXPECT_LT(html.size(), 5u * 1000 * 1000);
}

TEST(ReportCommand, NextRunWithoutReportRemovesTheReport) {
  const fs::path out = testing::fresh_dir("report", "again");
  const std::vector<std::string> args{"run", source("scenarios/baseline.yaml"), "--reps", "2", "--horizon-months", "3",
                                      "--threads", "1", "--out", out.string()};
  std::vector<std::string> with_report = args;
  with_report.push_back("--report");
  ASSERT_EQ(run(with_report), 0);
  ASSERT_TRUE(fs::exists(out / "report.html"));
  ASSERT_EQ(run(args), 0);
  EXPECT_FALSE(fs::exists(out / "report.html")) << "a report of the earlier run's figures must not stay";
  EXPECT_TRUE(fs::exists(out / "monthly.csv"));
}

TEST(ReportCommand, TwoRunsAreOverlaidWithTheirDifference) {
  const fs::path other = testing::fresh_dir("report", "agency");
  ASSERT_EQ(run({"run", source("scenarios/agency-reduction.yaml"), "--reps", "5", "--horizon-months", "15", "--threads",
                 "2", "--out", other.string()}),
            0);
  const fs::path page = testing::fresh_dir("report", "two") / "two.html";
  fs::create_directories(page.parent_path());
  ASSERT_EQ(run({"report", baseline_run().string(), other.string(), "--out", page.string()}), 0);
  const std::string html = slurp(page);
  expect_self_contained(html);
  EXPECT_NE(html.find("id=\"differences\""), std::string::npos);
  EXPECT_NE(html.find("agency-reduction minus baseline: the largest difference"), std::string::npos);
  EXPECT_NE(html.find("runs taken as independent"), std::string::npos) << "says which interval";
  EXPECT_GE(count(html, "#E69F00"), 10u) << "the second run drawn in its own colour";
}

TEST(ReportCommand, ComparisonGivesThePairedDifferences) {
  const fs::path out = testing::fresh_dir("report", "compare");
  ASSERT_EQ(run({"compare", source("scenarios/baseline.yaml"), source("scenarios/agency-reduction.yaml"), "--reps",
                 "5", "--horizon-months", "15", "--threads", "2", "--report", "--out", out.string()}),
            0);
  const std::string html = slurp(out / "report.html");
  expect_self_contained(html);
  EXPECT_NE(html.find("paired difference (common random numbers)"), std::string::npos);
  EXPECT_NE(html.find("agency-reduction minus baseline"), std::string::npos);
  for (const std::string& svg : charts(html)) EXPECT_GE(count(svg, "class=\"mark"), 1u);
}

TEST(ReportCommand, PlanWithReportDrawsStaffInPostAgainstBothEstablishments) {
  const fs::path out = testing::fresh_dir("report", "plan");
  ASSERT_EQ(run({"plan", source("scenarios/baseline.yaml"), "--target", "caseload_per_fte<=18", "--team", "assessment",
                 "--reps", "4", "--horizon-months", "12", "--threads", "2", "--report", "--out", out.string()}),
            0);
  EXPECT_NE(slurp(out / ".caseflow-outputs").find("\nreport.html\n"), std::string::npos);
  const std::string html = slurp(out / "report.html");
  expect_self_contained(html);
  EXPECT_NE(html.find("id=\"plan\""), std::string::npos);
  EXPECT_TRUE(std::regex_search(
      html, std::regex("In the scenario as it is, FTE in post in the assessment team goes from [0-9.]+ in Apr 2019 "
                       "to [0-9.]+ in Mar 2020; in baseline-planned, goes from [0-9.]+ in Apr 2019 to [0-9.]+ \\(P10 ")))
      << "both the scenario and the plan are drawn, the plan with its band";
  EXPECT_NE(html.find("establishment, baseline-planned"), std::string::npos);
  EXPECT_NE(html.find("baseline-planned minus the scenario as it is"), std::string::npos) << "the plan's cost";
  for (const std::string& svg : charts(html)) EXPECT_GE(count(svg, "class=\"mark"), 1u);
}

// A copy of the baseline run's folder to break.
fs::path broken_copy(const std::string& name) {
  const fs::path dir = testing::fresh_dir("report", name);
  fs::copy(baseline_run(), dir, fs::copy_options::recursive);
  return dir;
}

// Runs `report` on `folder` expecting the user error `message` (a regex), exit status 2, and
// the previous file at --out untouched, with no staging file beside it.
void expect_refused(const fs::path& folder, const std::string& message) {
  const fs::path page_dir = testing::fresh_dir("report", folder.filename().string() + "_page");
  fs::create_directories(page_dir);
  const fs::path page = page_dir / "report.html";
  spit(page, "an earlier report");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run({"report", folder.string(), "--out", page.string()}), 2);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(std::regex_search(err, std::regex(message))) << err;
  EXPECT_EQ(slurp(page), "an earlier report");
  EXPECT_EQ(std::distance(fs::directory_iterator(page_dir), fs::directory_iterator()), 1) << "no partial report";
}

TEST(ReportCommand, FolderWithoutMonthlyCsvIsRefused) {
  const fs::path dir = broken_copy("no_monthly");
  fs::remove(dir / "monthly.csv");
  expect_refused(dir, "caseflow: error: .*no_monthly/monthly.csv: missing: the monthly figures");
}

TEST(ReportCommand, TruncatedSummaryIsRefusedWithItsLine) {
  const fs::path dir = broken_copy("truncated_summary");
  const std::string text = slurp(dir / "summary.json");
  spit(dir / "summary.json", text.substr(0, text.size() / 2));
  expect_refused(dir, "truncated_summary/summary.json:[0-9]+: summary.json: not complete JSON");
}

TEST(ReportCommand, MalformedRowIsRefusedWithFileLineAndField) {
  const fs::path dir = broken_copy("short_row");
  std::string text = slurp(dir / "monthly.csv");
  std::size_t line4 = 0;
  for (int i = 0; i < 3; ++i) line4 = text.find('\n', line4) + 1;
  text.erase(text.rfind(',', text.find('\n', line4)), text.find('\n', line4) - text.rfind(',', text.find('\n', line4)));
  spit(dir / "monthly.csv", text);
  expect_refused(dir, "short_row/monthly.csv:4: the row has 6 fields but the header has 7");

  const fs::path bad = broken_copy("bad_number");
  text = slurp(bad / "budget.csv");
  const std::size_t line2 = text.find('\n') + 1;
  const std::size_t last = text.rfind(',', text.find('\n', line2));
  text.replace(last + 1, text.find('\n', line2) - last - 1, "12x");
  spit(bad / "budget.csv", text);
  expect_refused(bad, "bad_number/budget.csv:2: p90_gbp: '12x' is not a finite number");
}

TEST(ReportCommand, NotAFolderIsRefused) {
  expect_refused(testing::fresh_dir("report", "missing_folder"), "missing_folder: not a folder");
}

}  // namespace
}  // namespace caseflow::app
