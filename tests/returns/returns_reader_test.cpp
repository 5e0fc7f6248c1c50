#include "io/returns/returns_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "io/returns/returns_error.h"
#include "reader_test_files.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {
namespace {

using test::ScratchReturns;

Day day(int y, int m, int d) { return engine::days_from_civil({y, m, d}); }
std::string fixture(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/returns/" + name; }

const ChildHistory& child(const History& h, const std::string& id) {
  for (const ChildHistory& c : h.children)
    if (c.id == id) return c;
  throw std::runtime_error("no child " + id);
}

std::string error_of(const std::string& dir, ReadOptions options = {}) {
  try {
    read_returns(dir, options);
  } catch (const ReturnsError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReturnsReader, ReadsTheLayoutSynthWritesAndMergesTheYears) {
  const History h = read_returns(fixture("canonical"));
  EXPECT_EQ(h.files.size(), 17u);
  EXPECT_EQ(h.ssda903_years, (std::vector<int>{2020, 2021}));
  EXPECT_EQ(h.cin_years, (std::vector<int>{2020, 2021}));
  EXPECT_EQ(h.csww_years, (std::vector<int>{2019}));
  ASSERT_EQ(h.children.size(), 4u);
  EXPECT_EQ(h.children[0].id, "A1");
  EXPECT_EQ(h.children[3].id, "D4");
  EXPECT_EQ(h.quality.total(), 0u);

  // A1's episode, open at 31 March 2020, is closed by the 2021 return: one closed episode.
  const ChildHistory& a = child(h, "A1");
  ASSERT_EQ(a.episodes.size(), 1u);
  EXPECT_EQ(a.episodes[0].start, day(2020, 2, 1));
  EXPECT_EQ(a.episodes[0].end, day(2020, 9, 1));
  EXPECT_EQ(a.episodes[0].reason_ceased, "E4A");
  EXPECT_EQ(a.birth, day(2010, 6, 15));
  EXPECT_EQ(a.reviews, (std::vector<Day>{day(2020, 3, 1)}));
  EXPECT_EQ(a.review_codes, (std::vector<std::string>{"PN1"}));
  EXPECT_EQ(h.la_code, "999");
  // Its referral, open at 31 March 2020, comes back in 2021 with the plan's end and closure.
  ASSERT_EQ(a.referrals.size(), 1u);
  const Referral& r = a.referrals[0];
  EXPECT_EQ(r.date, day(2019, 5, 10));
  EXPECT_EQ(r.closure, day(2020, 7, 1));
  EXPECT_EQ(r.closure_reason, "RC7");
  EXPECT_EQ(r.initial_cpc, day(2019, 5, 25));
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].authorised, day(2019, 6, 1));
  EXPECT_EQ(r.assessments[0].factors, (std::vector<std::string>{"2B", "21"}));
  ASSERT_EQ(r.section47s.size(), 1u);
  EXPECT_EQ(r.section47s[0].icpc, day(2019, 5, 25));
  ASSERT_EQ(r.cp_plans.size(), 1u);
  EXPECT_EQ(r.cp_plans[0].end, day(2020, 6, 1));
  EXPECT_EQ(r.cp_plans[0].latest_category, "EMO");
  ASSERT_EQ(r.cin_plans.size(), 1u);
  EXPECT_EQ(r.cin_plans[0].end, day(2020, 7, 1));

  const ChildHistory& b = child(h, "B2");
  ASSERT_EQ(b.referrals.size(), 1u);
  EXPECT_TRUE(b.referrals[0].nfa);
  EXPECT_EQ(b.ethnicity, "MWBC");

  // C3: a closed episode and one open in both years; UASC; a missing episode closed in 2021.
  const ChildHistory& c = child(h, "C3");
  ASSERT_EQ(c.episodes.size(), 2u);
  EXPECT_EQ(c.episodes[0].reason_ceased, "X1");
  EXPECT_FALSE(c.episodes[1].end.has_value());
  EXPECT_EQ(c.episodes[1].placement, "K2");
  EXPECT_TRUE(c.uasc);
  EXPECT_EQ(c.uasc_ceased, day(2026, 1, 1));
  ASSERT_EQ(c.missing.size(), 1u);
  EXPECT_EQ(c.missing[0].end, day(2020, 1, 7));

  const ChildHistory& d = child(h, "D4");
  ASSERT_EQ(d.care_leaver.size(), 1u);
  EXPECT_EQ(d.care_leaver[0].collection_year, 2021);
  EXPECT_EQ(d.care_leaver[0].activity, "F2");

  ASSERT_EQ(h.workers.size(), 2u);
  EXPECT_EQ(h.workers[0].swe_no, "SW0000000001");
  EXPECT_EQ(h.workers[0].cases_at_30_sept, 12);
  EXPECT_EQ(h.workers[0].org_role, 5);
  EXPECT_EQ(h.workers[0].qual_inst, "Made-up University");
  EXPECT_TRUE(h.workers[1].agency);
  EXPECT_DOUBLE_EQ(h.workers[1].fte, 0.5);
  EXPECT_EQ(h.workers[1].role_end, day(2019, 7, 31));
  ASSERT_EQ(h.vacancies.size(), 1u);
  EXPECT_DOUBLE_EQ(h.vacancies[0].vacancies_fte, 2.5);
  EXPECT_NO_THROW(read_returns(fixture("canonical"), {true}));  // nothing for --strict to refuse
}

TEST(ReturnsReader, ReadsFlatFilesNamedByYearWithMixedDatesAndHeaders) {
  const History h = read_returns(fixture("flat"));
  EXPECT_EQ(h.ssda903_years, (std::vector<int>{2020, 2021}));
  EXPECT_EQ(h.quality.total(), 0u);
  const ChildHistory& a = child(h, "A1");
  ASSERT_EQ(a.episodes.size(), 1u);
  EXPECT_EQ(a.episodes[0].start, day(2020, 2, 1));  // 01/02/20
  EXPECT_EQ(a.episodes[0].end, day(2020, 9, 1));    // from 2021_Episodes.CSV
  const ChildHistory& c = child(h, "C3");
  EXPECT_EQ(c.birth, day(2008, 1, 1));  // 2008-01-01 in a quoted-id row
  ASSERT_EQ(c.episodes.size(), 2u);
  EXPECT_EQ(c.episodes[0].start, day(2019, 10, 10));
  const ChildHistory& e = child(h, "E5");
  ASSERT_EQ(e.episodes.size(), 1u);
  EXPECT_EQ(e.episodes[0].start, day(2019, 6, 1));  // 1/6/2019
  EXPECT_EQ(e.episodes[0].home_postcode, "AB1 2CD");
  EXPECT_EQ(e.episodes[0].placement_postcode, "XY9, 8ZZ");
  EXPECT_EQ(e.episodes[0].urn, "\"quoted\"");
}

// Children come out sorted by id as std::string compares them, each with its own record, from
// rows in an order that needs a long cycle of moves: ids sharing their first eight characters
// (the sort compares those as one number and breaks ties on the whole id), an id that is a
// prefix of another, and a byte above 127 (which sorts after ASCII).
TEST(ReturnsReader, SortsChildrenByIdKeepingEachChildsRecord) {
  ScratchReturns s;
  const std::vector<std::string> ids = {"CHILD0001-B", "9", "CHILD0001", "\xc3\xa9t\xc3\xa9", "CHILD0001-A", "10", "CHILD000",
                                        "CHILD0002", "1", "Z"};
  std::string header = test::kHeaderHeader;
  for (std::size_t i = 0; i < ids.size(); ++i)
    header += ids[i] + ",1," + std::to_string(i + 1) + "/01/2010,WBRI,,,\n";  // born on the row's number
  s.write("ssda903/2020/Header.csv", header);
  const History h = read_returns(s.dir());
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_EQ(h.children.size(), ids.size());
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    EXPECT_EQ(h.children[k].id, sorted[k]);
    const auto row = static_cast<int>(std::find(ids.begin(), ids.end(), sorted[k]) - ids.begin()) + 1;
    EXPECT_EQ(h.children[k].birth, day(2010, 1, row)) << sorted[k];
  }
}

TEST(ReturnsReader, ReadsTheSsda903XmlForm) {
  const History h = read_returns(fixture("xml903"));
  EXPECT_EQ(h.ssda903_years, (std::vector<int>{2020}));
  EXPECT_EQ(h.quality.total(), 0u);
  const ChildHistory& a = child(h, "A1");
  ASSERT_EQ(a.episodes.size(), 1u);
  EXPECT_EQ(a.episodes[0].placement, "U4");
  EXPECT_FALSE(a.episodes[0].end.has_value());
  EXPECT_EQ(a.reviews.size(), 1u);
  EXPECT_FALSE(a.uasc);
  const ChildHistory& c = child(h, "C3");
  ASSERT_EQ(c.episodes.size(), 2u);
  EXPECT_EQ(c.episodes[0].end, day(2019, 12, 10));
  EXPECT_TRUE(c.uasc);
  ASSERT_EQ(c.care_leaver.size(), 1u);
  EXPECT_EQ(c.care_leaver[0].collection_year, 2020);
  EXPECT_EQ(c.missing.size(), 1u);
}

TEST(ReturnsReader, ReadsTheOlderCinSchemaAndTellsFilesByContentNotName) {
  ScratchReturns s;
  // The 2017-2021 schemas have no CINPlanDates and keep the ICPC date on CINdetails.
  s.write("exports/whatever.xml",
          test::cin_census(2018, test::cin_child("X9", "2012-03-04",
                                                 "<CINreferralDate>2017-06-01</CINreferralDate><ReferralSource>1A</ReferralSource>"
                                                 "<DateOfInitialCPC>2017-06-20</DateOfInitialCPC>"
                                                 "<Section47><S47ActualStartDate>2017-06-05</S47ActualStartDate>"
                                                 "<ICPCnotRequired>0</ICPCnotRequired></Section47>"
                                                 "<ReferralNFA>0</ReferralNFA>")));
  const History h = read_returns(s.dir());
  EXPECT_EQ(h.cin_years, (std::vector<int>{2018}));
  ASSERT_EQ(h.children.size(), 1u);
  EXPECT_EQ(h.children[0].referrals[0].initial_cpc, day(2017, 6, 20));
  EXPECT_EQ(h.children[0].referrals[0].section47s.size(), 1u);
}

TEST(ReturnsReader, RefusesLayoutsItCannotPlace) {
  {
    ScratchReturns s;
    const auto f = s.write("ssda903/2020/2021-episodes.csv", test::kEpisodesHeader);
    EXPECT_EQ(error_of(s.dir()), f + ": the file name says collection year 2021 but its folder says 2020; rename one of them");
  }
  {
    ScratchReturns s;
    const auto f = s.write("Episodes.csv", test::kEpisodesHeader);
    EXPECT_NE(error_of(s.dir()).find(f + ": cannot tell the collection year"), std::string::npos);
  }
  {
    ScratchReturns s;
    const auto f = s.write("2020/notes.csv", "a,b\n");
    EXPECT_NE(error_of(s.dir()).find(f + ": 'notes.csv' is not an SSDA903 table"), std::string::npos);
  }
  {
    ScratchReturns s;
    s.write("2020/Episodes.csv", test::kEpisodesHeader);
    s.write("2020-episodes.csv", test::kEpisodesHeader);
    EXPECT_NE(error_of(s.dir()).find("a second SSDA903 episodes table for collection year 2020"), std::string::npos);
  }
  {
    ScratchReturns s;
    s.write("a.xml", test::cin_census(2020, ""));
    s.write("b.xml", test::cin_census(2020, ""));
    EXPECT_NE(error_of(s.dir()).find("a second CIN census for collection year 2020"), std::string::npos);
  }
  {
    ScratchReturns s;
    s.write("2020/Episodes.csv", test::kEpisodesHeader);
    s.write("2020/SSDA903.xml", "<EXPSSDA903></EXPSSDA903>");
    EXPECT_NE(error_of(s.dir()).find("has both SSDA903 CSV tables and an SSDA903 XML file"), std::string::npos);
  }
  {
    ScratchReturns s;
    const auto f = s.write("x.xml", "<Message><Header/><Something/></Message>");
    EXPECT_EQ(error_of(s.dir()), f + ": a Message with neither Children (CIN census) nor CSWWWorker (workforce census)");
    s.write("x.xml", "<Message><Children/></Message>");
    EXPECT_NE(error_of(s.dir()).find("the collection year is missing"), std::string::npos);
    s.write("x.xml", "<Other/>");
    EXPECT_NE(error_of(s.dir()).find("not a return this reader knows"), std::string::npos);
  }
  {
    ScratchReturns s;
    s.write("a.xml", "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2020</Year></CollectionDetails>"
                     "<Source><LEA>999</LEA></Source></Header><Children/></Message>");
    const auto f = s.write("b.xml", "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2021</Year>"
                                    "</CollectionDetails><Source><LEA>888</LEA></Source></Header><Children/></Message>");
    EXPECT_EQ(error_of(s.dir()), f + ": Header/Source/LEA is 888 but another file says 999; the folder must hold one council's returns");
  }
  {
    ScratchReturns s;
    EXPECT_EQ(error_of(s.dir()), s.dir() + ": no .csv or .xml returns in the folder");
    EXPECT_EQ(error_of(s.dir() + "/missing"), s.dir() + "/missing: not a folder (inspect-returns reads a folder of returns)");
  }
}

TEST(ReturnsReader, UnreadableFilesStopWithTheirPlace) {
  {
    ScratchReturns s;
    const auto f = s.write("ssda903/2020/Episodes.csv", std::string(test::kEpisodesHeader) + "A,01/04/2019,S,C1,N1,U4,PR1,,,,,,\n"
                                                                                              "B,2019-04-31,S,C1,N1,U4,PR1,,,,,,\n");
    EXPECT_EQ(error_of(s.dir()), f + ":3:3: DECOM: '2019-04-31' is not a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)");
  }
  {
    ScratchReturns s;
    const auto f = s.write("ssda903/2020/Header.csv", "CHILD,DOB\nA,01/01/2010\n");
    EXPECT_EQ(error_of(s.dir()), f + ":1:1: SEX: required column missing from the header");
  }
  {
    ScratchReturns s;
    const auto f = s.write("cin.xml", test::cin_census(2020, "<Child><ChildIdentifiers><LAchildID>A</LAchildID></Child>"));
    // The column is where the end tag that does not match begins.
    EXPECT_EQ(error_of(s.dir()), f + ":4:50: Opening and ending tag mismatch: ChildIdentifiers line 4 and Child");
  }
  {
    ScratchReturns s;
    const auto f = s.write("cin.xml", test::cin_census(2020, test::cin_child("A", "2010-01-01", "<ReferralSource>1A</ReferralSource>")));
    EXPECT_EQ(error_of(s.dir()), f + ":5: Message/Children/Child[1]/CINdetails[1]: CINreferralDate is missing (a required element)");
  }
}

}  // namespace
}  // namespace caseflow::returns
