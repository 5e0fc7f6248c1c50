#include "io/demand_paths_csv.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "io/user_error.h"

namespace caseflow::io {
namespace {

// Two paths of two months for police and schools.
const char* const kGood =
    "path,month,source,first_contacts\n"
    "1,2024-12,police,450.125\n1,2024-12,schools,170\n1,2025-01,police,460.5\n1,2025-01,schools,0.1\n"
    "2,2024-12,police,440\n2,2024-12,schools,180.25\n2,2025-01,police,470\n2,2025-01,schools,175\n";

sim::DemandLevelPaths parse(const std::string& text) {
  std::istringstream in(text);
  return parse_demand_paths_csv(in, "paths.csv");
}

TEST(DemandPathsCsv, ReadsPathsMonthsAndSourcesAcrossAYearEnd) {
  const sim::DemandLevelPaths p = parse(kGood);
  EXPECT_EQ(p.paths, 2);
  EXPECT_EQ(p.months, 2);
  EXPECT_EQ(p.first_year, 2024);
  EXPECT_EQ(p.first_month, 12);
  EXPECT_TRUE(p.covers[0] && p.covers[1]);
  EXPECT_FALSE(p.covers[2]);
  EXPECT_EQ(p.at(0, 0, 0), 450.125);
  EXPECT_EQ(p.at(0, 1, 1), 0.1);
  EXPECT_EQ(p.at(1, 0, 1), 180.25);
  EXPECT_EQ(p.offset_of(2025, 1), 1);
}

TEST(DemandPathsCsv, WritesWhatItReadsExactly) {
  sim::DemandLevelPaths p = parse(kGood);
  p.contacts[0] = 1.0 / 3.0;  // needs all 17 digits to read back as the same double
  std::ostringstream out;
  write_demand_paths_csv(out, p);
  const sim::DemandLevelPaths back = parse(out.str());
  EXPECT_EQ(back.contacts, p.contacts);
  EXPECT_EQ(back.covers, p.covers);
}

// Each bad file names line, column and field.
void expect_error(const std::string& text, const std::string& where, const std::string& what) {
  try {
    (void)parse(text);
    ADD_FAILURE() << "accepted:\n" << text;
  } catch (const UserError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("paths.csv:" + where, 0), 0u) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
  }
}

TEST(DemandPathsCsv, BadFilesNameLineColumnAndField) {
  const std::string header = "path,month,source,first_contacts\n";
  expect_error("path,month,source,count\n", "1:1", "header");
  expect_error(header, "1", "no paths");
  expect_error(header + "1,2024-04,police\n", "2:1", "expected 4 fields");
  expect_error(header + "2,2024-04,police,1\n", "2:1", "field path: the first path must be numbered 1");
  expect_error(header + "1,2024-4,police,1\n", "2:3", "field month: bad month");
  expect_error(header + "1,2024-04,Police,1\n", "2:11", "field source: unknown source 'Police'");
  expect_error(header + "1,2024-04,police,-1\n", "2:18", "field first_contacts: -1 is outside 0 to 1000000");
  expect_error(header + "1,2024-04,police,nan\n", "2:18", "field first_contacts: 'nan' is not a number");
  expect_error(header + "1,2024-04,police,1\n1,2024-06,police,1\n", "3:3", "months must be consecutive");
  expect_error(header + "1,2024-04,police,1\n1,2024-04,police,1\n", "3:11", "twice in month 2024-04");
  expect_error(header + "1,2024-04,police,1\n1,2024-04,health,1\n1,2024-05,health,1\n", "4:11",
               "expected police");
  expect_error(header + "1,2024-04,police,1\n3,2024-04,police,1\n", "3:1", "paths are numbered 1, 2, ...");
  expect_error(header + "1,2024-04,police,1\n1,2024-05,police,1\n2,2024-04,police,1\n", "4", "ended after 1 rows");
  expect_error(header + "1,2024-04,police,1\n2,2024-05,police,1\n", "3:3", "expected 2024-04");
}

}  // namespace
}  // namespace caseflow::io
