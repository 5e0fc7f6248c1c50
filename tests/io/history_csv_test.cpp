#include "io/history_csv.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/user_error.h"

namespace caseflow::io {
namespace {

// A valid history: `months` months from 2020-01 for the given sources, header on line 1,
// so month i of source s (0-based, sources interleaved) is on line 2 + i * n + s.
std::string make_csv(int months, const std::vector<std::string>& sources = {"police", "schools"}) {
  std::string csv = "month,source,count\n";
  for (int i = 0; i < months; ++i) {
    const auto ym = models::forecast::YearMonth{2020, 1}.plus_months(i);
    for (const auto& s : sources) csv += models::forecast::to_string(ym) + "," + s + "," + std::to_string(100 + i) + "\n";
  }
  return csv;
}

std::string replace_line(const std::string& csv, int line_no, const std::string& text) {
  std::istringstream in(csv);
  std::string line, out;
  for (int n = 1; std::getline(in, line); ++n) out += (n == line_no ? text : line) + "\n";
  return out;
}

std::string remove_line(const std::string& csv, int line_no) {
  std::istringstream in(csv);
  std::string line, out;
  for (int n = 1; std::getline(in, line); ++n) {
    if (n != line_no) out += line + "\n";
  }
  return out;
}

// Parses and returns the error message, or "" if parsing succeeded.
std::string error_of(const std::string& csv) {
  std::istringstream in(csv);
  try {
    parse_history_csv(in, "h.csv");
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(HistoryCsv, ReadsAValidFileInSourceOrder) {
  std::istringstream in(make_csv(30, {"schools", "police"}));
  const History h = parse_history_csv(in, "h.csv");
  ASSERT_EQ(h.sources.size(), 2u);
  EXPECT_EQ(h.sources[0].source, "police");  // canonical order, not file order
  EXPECT_EQ(h.months(), 30);
  EXPECT_EQ(h.first_month, (models::forecast::YearMonth{2020, 1}));
  EXPECT_EQ(h.sources[1].series.counts[29], 129.0);
}

TEST(HistoryCsv, AcceptsColumnsInAnyOrderCrlfAndBlankLines) {
  std::string csv = "count,source,month\r\n";
  for (int i = 0; i < 24; ++i) {
    csv += std::to_string(5 + i) + ",all," + models::forecast::to_string(models::forecast::YearMonth{2019, 4}.plus_months(i)) + "\r\n";
  }
  csv += "\n";
  std::istringstream in(csv);
  const History h = parse_history_csv(in, "h.csv");
  ASSERT_EQ(h.sources.size(), 1u);
  EXPECT_EQ(h.sources[0].source, "all");
  EXPECT_EQ(h.sources[0].series.counts[0], 5.0);
}

TEST(HistoryCsv, BadDateNamesLineAndColumn) {
  const auto msg = error_of(replace_line(make_csv(30), 7, "2020-13,police,100"));
  EXPECT_NE(msg.find("h.csv:7:1: bad month '2020-13'"), std::string::npos) << msg;
  EXPECT_NE(error_of(replace_line(make_csv(30), 7, "2020/04,police,100")).find("h.csv:7:1:"), std::string::npos);
}

TEST(HistoryCsv, NegativeCountNamesLineAndColumn) {
  const auto msg = error_of(replace_line(make_csv(30), 5, "2020-02,schools,-3"));
  EXPECT_NE(msg.find("h.csv:5:17: negative count -3"), std::string::npos) << msg;
}

TEST(HistoryCsv, NonIntegerCountIsRejected) {
  const auto msg = error_of(replace_line(make_csv(30), 5, "2020-02,schools,12.5"));
  EXPECT_NE(msg.find("h.csv:5:17: count '12.5' is not a whole number"), std::string::npos) << msg;
}

TEST(HistoryCsv, UnknownSourceListsTheValidOnes) {
  const auto msg = error_of(replace_line(make_csv(30), 4, "2020-02,polise,100"));
  EXPECT_NE(msg.find("h.csv:4:9: unknown source 'polise'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("police, schools, health, la_services, individuals, other"), std::string::npos) << msg;
  EXPECT_NE(error_of(replace_line(make_csv(30), 4, "2020-02,Police,100")).find("lower case"), std::string::npos);
}

TEST(HistoryCsv, DuplicateRowNamesBothLines) {
  // line 4 is 2020-02 police; make line 6 (2020-03 police) repeat it
  const auto msg = error_of(replace_line(make_csv(30), 6, "2020-02,police,100"));
  EXPECT_NE(msg.find("h.csv:6:1: duplicate row for 2020-02 police (first given at line 4)"), std::string::npos) << msg;
}

TEST(HistoryCsv, GapNamesTheMissingMonth) {
  // lines 8 and 9 hold 2020-04 police and schools; drop the police row
  const auto msg = error_of(remove_line(make_csv(30), 8));
  EXPECT_NE(msg.find("police has no row for 2020-04"), std::string::npos) << msg;
  EXPECT_NE(msg.find("h.csv:9:1:"), std::string::npos) << msg;  // 2020-05 police, after removal
}

TEST(HistoryCsv, TooShortSaysHowManyMonthsAreNeeded) {
  const auto msg = error_of(make_csv(23));
  EXPECT_NE(msg.find("h.csv:47: history covers only 23 months (2020-01..2021-11); at least 24 months"),
            std::string::npos)
      << msg;
  EXPECT_EQ(error_of(make_csv(24)), "");
}

TEST(HistoryCsv, SourcesMustCoverTheSameMonths) {
  const auto msg = error_of(make_csv(30) + "2022-07,police,5\n");
  EXPECT_NE(msg.find("h.csv:62:1: police has a row for 2022-07 but schools covers only 2020-01..2022-06"), std::string::npos) << msg;
}

TEST(HistoryCsv, ZeroEverywhereIsRejected) {
  std::string csv = "month,source,count\n";
  for (int i = 0; i < 24; ++i) csv += models::forecast::to_string(models::forecast::YearMonth{2020, 1}.plus_months(i)) + ",other,0\n";
  EXPECT_NE(error_of(csv).find("h.csv:2:9: other has no contacts in any month"), std::string::npos) << error_of(csv);
}

TEST(HistoryCsv, AllMixedWithNamedSourcesIsRejected) {
  const auto msg = error_of(make_csv(30, {"police", "all"}));
  EXPECT_NE(msg.find("h.csv:3:9: source `all` mixed with named sources"), std::string::npos) << msg;
}

TEST(HistoryCsv, WrongFieldCountAndBadHeader) {
  EXPECT_NE(error_of(replace_line(make_csv(30), 3, "2020-01,police")).find("h.csv:3:1: expected 3 fields"),
            std::string::npos);
  EXPECT_NE(error_of(replace_line(make_csv(30), 1, "month,source,n")).find("h.csv:1:14: unexpected column 'n'"),
            std::string::npos);
}

TEST(HistoryCsv, MissingFileIsAUserError) {
  EXPECT_THROW(read_history_csv("/nonexistent/history.csv"), UserError);
}

}  // namespace
}  // namespace caseflow::io
