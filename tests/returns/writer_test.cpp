// What the returns writers put in each year's files (io/returns/ssda903_writer.h,
// cin_census_writer.h, csww_writer.h), row by row for the SSDA903 tables, and that a History
// lacking a field a return requires stops the writer with the record and field named.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>

#include "io/returns/returns_writer.h"
#include "writer_fixture.h"

namespace caseflow::returns {
namespace {

using testing::day;
using testing::slurp;
using testing::small_council;
using testing::TempDir;

class Writer : public ::testing::Test {
 protected:
  std::string table(int year, const std::string& name) const {
    return slurp(dir.path() / "ssda903" / std::to_string(year) / (name + ".csv"));
  }
  std::string cin(int year) const {
    return slurp(dir.path() / "cin" / ("CIN_census_" + std::to_string(year) + ".xml"));
  }
  std::string csww(int year) const {
    return slurp(dir.path() / "csww" / ("CSWW_" + std::to_string(year) + ".xml"));
  }
  // The message of the std::logic_error writing `history` throws ("" if none).
  std::string failure(const History& history) const {
    try {
      write_returns(history, dir.path().string());
    } catch (const std::logic_error& e) {
      return e.what();
    }
    return "";
  }
  TempDir dir{"caseflow-writer"};
};

TEST_F(Writer, Ssda903TablesHaveTheDfEColumnsAndTheYearsRows) {
  write_returns(small_council(), dir.path().string());
  EXPECT_EQ(table(2020, "Header"),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
            "C4CLA,1,01/04/2008,WBRI,,,\n"
            "C5LEAVER,2,15/08/2001,WBRI,,,\n");
  // The second episode is open at 31 March 2020: DEC and REC empty.
  EXPECT_EQ(table(2020, "Episodes"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            "C4CLA,01/07/2019,S,C1,N1,U6,PR1,15/10/2019,X1,,AB1,AB2,\n"
            "C4CLA,15/10/2019,P,C1,N1,K2,PR4,,,CARPL,AB1,AB2,\n"
            "C5LEAVER,10/01/2017,S,V2,N1,U4,PR1,15/08/2019,E17,,AB1,AB2,\n");
  EXPECT_EQ(table(2020, "Reviews"), "CHILD,DOB,REVIEW,REVIEW_CODE\nC4CLA,01/04/2008,20/08/2019,PN1\n");
  EXPECT_EQ(table(2020, "Missing"), "CHILD,DOB,MISSING,MIS_START,MIS_END\nC4CLA,01/04/2008,M,30/03/2020,\n");
  EXPECT_EQ(table(2020, "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC5LEAVER,15/08/2001,YES,F2,B\n");
  EXPECT_EQ(table(2020, "UASC"), "CHILD,SEX,DOB,DUC\n");
  EXPECT_EQ(table(2020, "SWEpisodes"), "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n");
}

TEST_F(Writer, WhatIsOpenAt31MarchIsWrittenAgainTheNextYear) {
  write_returns(small_council(), dir.path().string());
  // The care leaver has no episode and no OC3 record in 2020-21, so only C4CLA is there.
  EXPECT_EQ(table(2021, "Header"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC4CLA,1,01/04/2008,WBRI,,,\n");
  EXPECT_EQ(table(2021, "Episodes"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            "C4CLA,15/10/2019,P,C1,N1,K2,PR4,,,CARPL,AB1,AB2,\n");
  EXPECT_EQ(table(2021, "Missing"),
            "CHILD,DOB,MISSING,MIS_START,MIS_END\nC4CLA,01/04/2008,M,30/03/2020,02/04/2020\n");
  EXPECT_EQ(table(2021, "Reviews"), "CHILD,DOB,REVIEW,REVIEW_CODE\n");
  EXPECT_EQ(table(2021, "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");
}

// C5LEAVER (born August 2001) turns 18 in 2019-20, 19 in 2020-21 and 22 in 2023-24: the DfE
// collects OC3 in the years of the 17th to 21st birthdays only.
TEST_F(Writer, Oc3HoldsCareLeaversInTheYearsOfTheir17thTo21stBirthdays) {
  History h = small_council();
  h.children[4].care_leaver = {{2020, "YES", "F2", "B"}, {2021, "YES", "F1", "B"}, {2024, "YES", "F1", "B"}};
  h.ssda903_years = {2020, 2021, 2024};
  write_returns(h, dir.path().string());
  EXPECT_EQ(table(2021, "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC5LEAVER,15/08/2001,YES,F1,B\n");
  EXPECT_NE(table(2021, "Header").find("C5LEAVER,2,15/08/2001"), std::string::npos);  // out of care, in OC3
  EXPECT_EQ(table(2024, "OC3"), "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");
  EXPECT_EQ(table(2024, "Header").find("C5LEAVER"), std::string::npos);
}

TEST_F(Writer, CinCensusLeavesOutWhatHappensAfter31March) {
  write_returns(small_council(), dir.path().string());
  const std::string y2020 = cin(2020), y2021 = cin(2021);
  EXPECT_NE(y2020.find("<ReferenceDate>2020-03-31</ReferenceDate>"), std::string::npos);
  // C2CIN's plan and referral end on 20 May 2020: open in the 2020 census, closed in 2021's.
  EXPECT_NE(y2020.find("<CINPlanStartDate>2019-06-15</CINPlanStartDate>\n        </CINPlanDates>"),
            std::string::npos);
  EXPECT_EQ(y2020.find("2020-05-20"), std::string::npos);
  EXPECT_NE(y2021.find("<CINPlanEndDate>2020-05-20</CINPlanEndDate>"), std::string::npos);
  EXPECT_NE(
      y2021.find(
          "<CINclosureDate>2020-05-20</CINclosureDate>\n        <ReasonForClosure>RC7</ReasonForClosure>"),
      std::string::npos);
  // Referrals closed before 1 April 2020 are not in the 2021 census; C4CLA's open one is.
  EXPECT_NE(y2020.find("<LAchildID>C1NFA</LAchildID>"), std::string::npos);
  EXPECT_EQ(y2021.find("<LAchildID>C1NFA</LAchildID>"), std::string::npos);
  EXPECT_EQ(y2021.find("<LAchildID>C3CP</LAchildID>"), std::string::npos);
  EXPECT_NE(y2021.find("<LAchildID>C4CLA</LAchildID>"), std::string::npos);
  // A child never referred (the care leaver) is in no census.
  EXPECT_EQ(y2020.find("C5LEAVER"), std::string::npos);
}

TEST_F(Writer, CinCensusWritesTheChildsIdentifiersInTheCensusCodes) {
  write_returns(small_council(), dir.path().string());
  const std::string xml = cin(2020);
  EXPECT_NE(
      xml.find(
          "<LAchildID>C1NFA</LAchildID>\n        <UPN>A123456789012</UPN>\n"
          "        <PersonBirthDate>2012-03-05</PersonBirthDate>\n        <GenderCurrent>1</GenderCurrent>"),
      std::string::npos);
  EXPECT_NE(xml.find("<LAchildID>C3CP</LAchildID>\n        <UPNunknown>UN5</UPNunknown>"), std::string::npos);
  EXPECT_NE(xml.find("<Disabilities>\n          <Disability>LD</Disability>"), std::string::npos);
  EXPECT_NE(xml.find("<DateOfInitialCPC>2019-09-25</DateOfInitialCPC>\n          "
                     "<ICPCnotRequired>false</ICPCnotRequired>"),
            std::string::npos);
}

TEST_F(Writer, AnUnbornChildIsWrittenWithItsExpectedBirthDate) {
  History h = small_council();
  h.children[0].birth = day(2020, 5, 1);  // C1NFA, referred before birth
  write_returns(h, dir.path().string());
  EXPECT_NE(cin(2020).find("<ExpectedPersonBirthDate>2020-05-01</ExpectedPersonBirthDate>\n"
                           "        <GenderCurrent>0</GenderCurrent>"),
            std::string::npos);
}

TEST_F(Writer, Ssda903SexFollowsTheYearsCodeList) {
  History h = small_council();
  h.ssda903_years = {2025};
  h.cin_years.clear();
  h.csww_years.clear();
  h.children[3].episodes = {testing::episode(day(2024, 5, 1), std::nullopt, "S", "V2", "U6", "PR1", "")};
  h.children[3].sex = "2";  // as the CIN census or an older SSDA903 gave it
  h.children[3].reviews.clear();
  h.children[3].missing.clear();
  write_returns(h, dir.path().string());
  EXPECT_EQ(table(2025, "Header"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC4CLA,F,01/04/2008,WBRI,,,\n");

  h.ssda903_years = {2020};
  h.children[3].sex = "9";  // indeterminate: no 1/2 code before 2024-25
  h.children[3].episodes = small_council().children[3].episodes;
  EXPECT_NE(failure(h).find("CHILD C4CLA: SEX (Header) is '9'"), std::string::npos) << failure(h);
}

TEST_F(Writer, TextIsQuotedOrEscapedWhereTheFormatNeedsIt) {
  History h = small_council();
  h.children[3].episodes[0].urn = "SC123,4";
  h.children[0].id = "NFA<1>&";
  write_returns(h, dir.path().string());
  EXPECT_NE(table(2020, "Episodes").find(",AB1,AB2,\"SC123,4\"\n"), std::string::npos);
  EXPECT_NE(cin(2020).find("<LAchildID>NFA&lt;1&gt;&amp;</LAchildID>"), std::string::npos);
}

TEST_F(Writer, UascAndSocialWorkerEpisodesFollowTheYearRules) {
  History h = small_council();
  ChildHistory& c = h.children[3];  // C4CLA, in care from July 2019 to the end of the History
  c.uasc = true;
  c.uasc_ceased = day(2020, 4, 1);  // the 18th birthday: still an asylum seeker at 31 March 2020
  c.social_workers.push_back({"SW001", day(2023, 1, 10), day(2023, 6, 1), "LEFTRL"});
  c.social_workers.push_back({"SW002", day(2023, 6, 1), std::nullopt, ""});
  h.ssda903_years = {2020, 2021, 2023, 2024};
  write_returns(h, dir.path().string());
  EXPECT_EQ(table(2020, "UASC"), "CHILD,SEX,DOB,DUC\nC4CLA,1,01/04/2008,\n");
  EXPECT_EQ(table(2021, "UASC"), "CHILD,SEX,DOB,DUC\nC4CLA,1,01/04/2008,01/04/2020\n");
  EXPECT_EQ(table(2023, "UASC"), "CHILD,SEX,DOB,DUC\n");  // ceased before 2022-23
  // SWEpisodes are collected from 2023-24: the 2022-23 table is the header alone, though SW001
  // started in it; 2023-24 has SW001 (ended in the year, with its reason) and SW002 (open).
  EXPECT_EQ(table(2023, "SWEpisodes"), "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n");
  EXPECT_EQ(table(2024, "SWEpisodes"),
            "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n"
            "C4CLA,01/04/2008,SW001,10/01/2023,01/06/2023,LEFTRL\n"
            "C4CLA,01/04/2008,SW002,01/06/2023,,\n");
}

TEST_F(Writer, AFileThatCannotBeWrittenIsNamed) {
  const auto blocked = dir.path() / "blocked";
  std::ofstream(blocked) << "a file where the returns folder should be";
  try {
    write_returns(small_council(), blocked.string());
    ADD_FAILURE() << "wrote into a file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(blocked.string()), std::string::npos) << e.what();
  }
}

TEST_F(Writer, WorkforceCensusHoldsTheYearsWorkersAndVacancies) {
  write_returns(small_council(), dir.path().string());
  const std::string y2019 = csww(2019), y2020 = csww(2020);
  EXPECT_NE(y2019.find("<ReferenceDate>2019-09-30</ReferenceDate>"), std::string::npos);
  EXPECT_NE(y2019.find("<LALevelVacancies>\n    <NumberOfVacancies>4.50</NumberOfVacancies>\n"
                       "    <NoAgencyFTE>2.00</NoAgencyFTE>\n    <NoAgencyHeadcount>3</NoAgencyHeadcount>"),
            std::string::npos);
  EXPECT_NE(
      y2019.find("<AgencyWorker>1</AgencyWorker>\n    <SWENo>CD0000000002</SWENo>\n    <FTE>0.800000</FTE>"),
      std::string::npos);
  // The leaver left before 30 September: an end date and reasons, no snapshot fields.
  const auto leaver = y2019.find("<SWENo>EF0000000003</SWENo>");
  ASSERT_NE(leaver, std::string::npos);
  const std::string record = y2019.substr(leaver, y2019.find("</CSWWWorker>", leaver) - leaver);
  EXPECT_NE(
      record.find("<RoleEndDate>2019-06-30</RoleEndDate>\n    <LeaverDestination>1</LeaverDestination>\n"
                  "    <ReasonLeave>1</ReasonLeave>"),
      std::string::npos);
  EXPECT_EQ(record.find("FTE30"), std::string::npos);
  EXPECT_EQ(record.find("Absat30Sept"), std::string::npos);
  // Each census holds its own year's records only.
  EXPECT_EQ(y2020.find("CD0000000002"), std::string::npos);
  EXPECT_NE(y2020.find("<Cases30>17</Cases30>"), std::string::npos);
}

// Each case removes or spoils one field a return requires; the writer must name the record
// and the field rather than write a made-up or empty value.
TEST_F(Writer, AHistoryLackingARequiredFieldFailsLoudly) {
  const std::vector<std::pair<std::function<void(History&)>, std::string>> cases = {
      {[](History& h) { h.children[3].ethnicity.clear(); }, "CHILD C4CLA: ETHNIC (Header) is required"},
      {[](History& h) { h.children[4].birth.reset(); }, "CHILD C5LEAVER: DOB (Header) is required"},
      {[](History& h) { h.children[3].episodes[0].legal_status.clear(); },
       "CHILD C4CLA: LS (Episodes) is required"},
      {[](History& h) { h.children[3].episodes[0].reason_ceased.clear(); },
       "CHILD C4CLA: REC (Episodes, with DEC)"},
      {[](History& h) { h.children[3].review_codes.clear(); },
       "CHILD C4CLA: REVIEW_CODE (Reviews) is required"},
      {[](History& h) { h.children[4].care_leaver[0].in_touch.clear(); },
       "CHILD C5LEAVER: IN_TOUCH (OC3) is required"},
      {[](History& h) { h.children[0].referrals[0].source.clear(); },
       "LAchildID C1NFA, referral 2019-06-10: ReferralSource (CINdetails) is required"},
      {[](History& h) { h.children[0].referrals[0].closure_reason.clear(); },
       "LAchildID C1NFA, referral 2019-06-10: ReasonForClosure"},
      {[](History& h) { h.children[2].referrals[0].cp_plans[0].latest_category.clear(); },
       "LAchildID C3CP, referral 2019-09-01: LatestCategoryOfAbuse"},
      {[](History& h) { h.children[1].sex = "X"; }, "LAchildID C2CIN: GenderCurrent is 'X'"},
      {[](History& h) { h.children[0].upn = "A12345"; }, "LAchildID C1NFA: UPN is 'A12345'"},
      {[](History& h) { h.la_code.clear(); },
       "History: la_code (Source/LEA, the council's three-digit code) is required"},
      {[](History& h) { h.workers[0].qual_inst.clear(); },
       "SWENo AB1234567890 (census 2019): QualInst is required"},
      {[](History& h) { h.workers[1].fte = 1.2; }, "SWENo CD0000000002 (census 2019): FTE is 1.2"},
      {[](History& h) { h.workers[1].org_role = 0; }, "SWENo CD0000000002 (census 2019): OrgRole is 0"},
      {[](History& h) { h.workers[0].swe_no = "123"; }, "SWENo 123 (census 2019): SWENo is '123'"},
      {[](History& h) { h.vacancies.pop_back(); }, "LALevelVacancies 2020: the Vacancies record"},
      {[](History& h) { h.vacancies[0].agency_headcount = 2.5; },
       "LALevelVacancies 2019: NoAgencyHeadcount is 2.5"},
  };
  for (const auto& [spoil, expected] : cases) {
    History h = small_council();
    spoil(h);
    const std::string message = failure(h);
    EXPECT_NE(message.find(expected), std::string::npos) << "expected: " << expected << "\n got: " << message;
  }
  EXPECT_EQ(failure(small_council()), "");
}

}  // namespace
}  // namespace caseflow::returns
