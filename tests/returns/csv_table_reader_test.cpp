#include <gtest/gtest.h>

#include "io/returns/csv_table.h"
#include "io/returns/returns_error.h"
#include "reader_test_files.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {
namespace {

using test::ScratchReturns;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ReturnsError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CsvTableReader, ReadsQuotesCrlfBomAndHeadersInAnyCaseAndOrder) {
  ScratchReturns s;
  const auto path = s.write("t.csv",
                            "\xEF\xBB\xBF la , Decom ,child\r\n"
                            "999,\"01/02/2020\",\"A, \"\"one\"\"\"\r\n"
                            "\r\n"
                            "999,2020-03-04,\"B\nsecond line\"\r\n");
  CsvTable t(path, {{"CHILD"}, {"DECOM"}, {"DEC", false}});
  EXPECT_FALSE(t.present(2));
  ASSERT_TRUE(t.next_row());
  EXPECT_EQ(t[0], "A, \"one\"");
  EXPECT_EQ(t.line(), 2);
  EXPECT_EQ(t.required_date(1), engine::days_from_civil({2020, 2, 1}));
  EXPECT_EQ(t[2], "");
  ASSERT_TRUE(t.next_row());
  EXPECT_EQ(t.line(), 4);  // the blank line 3 is skipped
  EXPECT_EQ(t[0], "B\nsecond line");
  EXPECT_EQ(t.required_date(1), engine::days_from_civil({2020, 3, 4}));
  EXPECT_FALSE(t.next_row());
}

TEST(CsvTableReader, ABadDateNamesFileLineColumnAndField) {
  ScratchReturns s;
  const auto path = s.write("Episodes.csv", "CHILD,DECOM\nA,01/01/2019\nB,31/13/2019\n");
  CsvTable t(path, {{"CHILD"}, {"DECOM"}});
  ASSERT_TRUE(t.next_row());
  t.required_date(1);
  ASSERT_TRUE(t.next_row());
  EXPECT_EQ(error_of([&] { t.required_date(1); }),
            path + ":3:3: DECOM: '31/13/2019' is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)");
}

TEST(CsvTableReader, AMissingRequiredColumnIsAnError) {
  ScratchReturns s;
  const auto path = s.write("Episodes.csv", "CHILD,DEC\nA,01/01/2019\n");
  EXPECT_EQ(error_of([&] { CsvTable(path, {{"CHILD"}, {"DECOM"}}); }), path + ":1:1: DECOM: required column missing from the header");
  EXPECT_NO_THROW(CsvTable(path, {{"CHILD"}, {"DECOM", false}}));
}

TEST(CsvTableReader, MalformedRowsAreErrorsWithTheirPlace) {
  ScratchReturns s;
  const auto unclosed = s.write("a.csv", "CHILD,DECOM\nA,\"01/01/2019\n");
  EXPECT_EQ(error_of([&] {
              CsvTable t(unclosed, {{"CHILD"}, {"DECOM"}});
              t.next_row();
            }),
            unclosed + ":2:3: a quoted field is never closed");
  const auto extra = s.write("b.csv", "CHILD,DECOM\nA,01/01/2019,surplus\n");
  EXPECT_EQ(error_of([&] {
              CsvTable t(extra, {{"CHILD"}, {"DECOM"}});
              t.next_row();
            }),
            extra + ":2:14: the row has 3 fields but the header has 2");
  const auto cut = s.write("e.csv", "CHILD,DECOM,DEC\nA,01/01/2019\n");
  EXPECT_EQ(error_of([&] {
              CsvTable t(cut, {{"CHILD"}, {"DECOM"}, {"DEC", false}});
              t.next_row();
            }),
            cut + ":2:3: the row has 2 fields but the header has 3 (a row cut short?)");
  const auto twice = s.write("c.csv", "CHILD,child\n");
  EXPECT_EQ(error_of([&] { CsvTable(twice, {{"CHILD"}}); }), twice + ":1:7: CHILD: the column appears twice in the header");
  const auto empty = s.write("d.csv", "");
  EXPECT_NE(error_of([&] { CsvTable(empty, {{"CHILD"}}); }).find("the file is empty"), std::string::npos);
}

}  // namespace
}  // namespace caseflow::returns
