// One test per data-quality rule: a made-up return that breaks it, the count and example the
// reader records, and what it did with the record. The last test checks every rule has one.
#include "io/returns/quality_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "io/returns/returns_error.h"
#include "io/returns/returns_reader.h"
#include "reader_test_files.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {
namespace {

using test::ScratchReturns;

Day day(int y, int m, int d) { return engine::days_from_civil({y, m, d}); }

// The rules this file tests, one test each; the last test checks the rule table has no other.
const std::set<std::string> kRulesTested = {
    "child.dob_conflict", "child.birth_after_event", "child.older_than_25", "episode.ends_before_start", "episode.duplicate",
    "episode.overlap", "episode.open_not_carried", "episode.after_death", "cin.duplicate_referral", "cin.closure_before_referral",
    "cp.no_s47", "icpc.before_s47", "worker.duplicate", "worker.cases_not_case_holder", "worker.fte_out_of_range",
    "code.LIST.unknown"};

// Reads the folder, expects exactly `count` problems under `rule` (and no other rule), the
// first example as given, and that --strict refuses the folder naming the rule.
History expect_rule(const ScratchReturns& s, const std::string& rule, std::size_t count, const std::string& example) {
  const QualityRule* known = find_quality_rule(rule);
  EXPECT_TRUE(known && kRulesTested.count(std::string(known->id))) << rule;
  History h = read_returns(s.dir());
  EXPECT_EQ(h.quality.counts().size(), 1u);
  const auto it = h.quality.counts().find(rule);
  if (it == h.quality.counts().end()) {
    ADD_FAILURE() << "rule " << rule << " not counted";
    return h;
  }
  EXPECT_EQ(it->second.count, count);
  EXPECT_EQ(it->second.examples.front(), example);
  try {
    read_returns(s.dir(), {true});
    ADD_FAILURE() << "--strict did not refuse " << rule;
  } catch (const ReturnsError& e) {
    EXPECT_NE(std::string(e.what()).find(rule), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(s.dir()), std::string::npos) << e.what();  // names the file
  }
  return h;
}

std::string episodes(const std::string& rows) { return test::kEpisodesHeader + rows; }

TEST(QualityRules, DobConflictKeepsTheLatestYear) {
  ScratchReturns s;
  s.write("ssda903/2020/Header.csv", std::string(test::kHeaderHeader) + "A,1,01/01/2010,WBRI,,,\n");
  s.write("ssda903/2021/Header.csv", std::string(test::kHeaderHeader) + "A,1,02/01/2010,WBRI,,,\n");
  const History h = expect_rule(s, "child.dob_conflict", 1, "CHILD A born 2010-01-01 or 2010-01-02");
  EXPECT_EQ(h.children[0].birth, day(2010, 1, 2));
}

TEST(QualityRules, BirthAfterACareEpisodeStartsButNotAfterAPreBirthReferral) {
  ScratchReturns s;
  s.write("cin.xml", test::cin_census(2020, test::cin_child("A", "2020-01-01",
                                                             "<CINreferralDate>2019-05-01</CINreferralDate><ReferralSource>1A</"
                                                             "ReferralSource><ReferralNFA>0</ReferralNFA>")));
  EXPECT_EQ(read_returns(s.dir()).quality.total(), 0u);  // a pre-birth referral is allowed
  s.write("ssda903/2020/Episodes.csv", episodes("A,01/12/2019,S,V2,N1,U4,PR1,02/12/2019,E8,,,,\n"));
  expect_rule(s, "child.birth_after_event", 1, "CHILD A episode from 2019-12-01");
}

TEST(QualityRules, OlderThan25AtAnEvent) {
  ScratchReturns s;
  s.write("ssda903/2020/Header.csv", std::string(test::kHeaderHeader) + "A,1,01/05/1993,WBRI,,,\n");
  s.write("ssda903/2020/Episodes.csv", episodes("A,02/05/2019,S,V2,N1,U4,PR1,03/05/2019,E8,,,,\n"));
  const History h = expect_rule(s, "child.older_than_25", 1, "CHILD A episode from 2019-05-02");
  EXPECT_EQ(h.children[0].episodes.size(), 1u);  // kept
}

TEST(QualityRules, EpisodeEndsBeforeItStarts) {
  ScratchReturns s;
  s.write("ssda903/2020/Episodes.csv", episodes("A,02/05/2019,S,V2,N1,U4,PR1,01/05/2019,E8,,,,\n"));
  const History h = expect_rule(s, "episode.ends_before_start", 1, "CHILD A episode from 2019-05-02");
  EXPECT_EQ(h.children[0].episodes[0].end, day(2019, 5, 1));  // kept as returned
}

TEST(QualityRules, DuplicateEpisodeInOneYearKeepsTheLaterRow) {
  ScratchReturns s;
  s.write("ssda903/2020/Episodes.csv", episodes("A,02/05/2019,S,V2,N1,U4,PR1,,,,,,\nA,02/05/2019,S,V2,N1,U6,PR1,,,,,,\n"));
  const History h = expect_rule(s, "episode.duplicate", 1, "CHILD A episode from 2019-05-02");
  ASSERT_EQ(h.children[0].episodes.size(), 1u);
  EXPECT_EQ(h.children[0].episodes[0].placement, "U6");
}

TEST(QualityRules, OverlappingEpisodesAreEndedAtTheNextStart) {
  ScratchReturns s;
  s.write("ssda903/2020/Episodes.csv",
          episodes("A,01/05/2019,S,V2,N1,U4,PR1,,,,,,\nA,01/06/2019,P,V2,N1,U6,PR1,01/09/2019,E8,,,,\n"
                   "B,01/05/2019,S,V2,N1,U4,PR1,01/08/2019,E8,,,,\nB,01/07/2019,S,V2,N1,U6,PR1,,,,,,\n"));
  const History h = expect_rule(s, "episode.overlap", 2, "CHILD A episode from 2019-05-01");
  EXPECT_EQ(h.children[0].episodes[0].end, day(2019, 6, 1));
  EXPECT_EQ(h.children[0].episodes[0].reason_ceased, "X1");  // it was open
  EXPECT_EQ(h.children[1].episodes[0].end, day(2019, 7, 1));
  EXPECT_EQ(h.children[1].episodes[0].reason_ceased, "E8");  // it had its own
}

TEST(QualityRules, OpenEpisodeNotCarriedIntoTheNextYear) {
  ScratchReturns s;
  s.write("ssda903/2020/Episodes.csv", episodes("A,01/05/2019,S,V2,N1,U4,PR1,,,,,,\n"));
  s.write("ssda903/2021/Episodes.csv", episodes("B,01/05/2020,S,V2,N1,U4,PR1,,,,,,\n"));
  const History h = expect_rule(s, "episode.open_not_carried", 1, "CHILD A episode from 2019-05-01");
  EXPECT_FALSE(h.children[0].episodes[0].end.has_value());  // kept open
}

TEST(QualityRules, EpisodeAfterDeath) {
  ScratchReturns s;
  s.write("cin.xml", "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2020</Year></CollectionDetails>"
                     "</Header><Children><Child><ChildIdentifiers><LAchildID>A</LAchildID><PersonBirthDate>2010-01-01</"
                     "PersonBirthDate><GenderCurrent>1</GenderCurrent><PersonDeathDate>2019-04-10</PersonDeathDate></"
                     "ChildIdentifiers><CINdetails><CINreferralDate>2019-04-02</CINreferralDate><ReferralSource>1A</"
                     "ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails></Child></Children></Message>");
  s.write("ssda903/2020/Episodes.csv", episodes("A,01/05/2019,S,V2,N1,U4,PR1,02/05/2019,E2,,,,\n"));
  expect_rule(s, "episode.after_death", 1, "CHILD A episode from 2019-05-01");
}

TEST(QualityRules, DuplicateReferralInOneCensusIsMerged) {
  ScratchReturns s;
  const std::string block = "<CINreferralDate>2019-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA>";
  s.write("cin.xml", test::cin_census(2020, "<Child><ChildIdentifiers><LAchildID>A</LAchildID><PersonBirthDate>2010-01-01</"
                                            "PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers><CINdetails>" +
                                                block + "</CINdetails><CINdetails>" + block +
                                                "<Assessments><AssessmentActualStartDate>2019-05-02</AssessmentActualStartDate></"
                                                "Assessments></CINdetails></Child>"));
  const History h = expect_rule(s, "cin.duplicate_referral", 1, "CHILD A referral 2019-05-01");
  ASSERT_EQ(h.children[0].referrals.size(), 1u);
  EXPECT_EQ(h.children[0].referrals[0].assessments.size(), 1u);
}

TEST(QualityRules, ClosureBeforeReferral) {
  ScratchReturns s;
  s.write("cin.xml", test::cin_census(2020, test::cin_child("A", "2010-01-01",
                                                             "<CINreferralDate>2019-05-01</CINreferralDate><ReferralSource>1A</"
                                                             "ReferralSource><CINclosureDate>2019-04-30</CINclosureDate>"
                                                             "<ReasonForClosure>RC8</ReasonForClosure><ReferralNFA>1</ReferralNFA>")));
  expect_rule(s, "cin.closure_before_referral", 1, "CHILD A referral 2019-05-01");
}

TEST(QualityRules, CpPlanWithNoS47) {
  ScratchReturns s;
  s.write("cin.xml", test::cin_census(2020, test::cin_child("A", "2010-01-01",
                                                             "<CINreferralDate>2019-05-01</CINreferralDate><ReferralSource>1A</"
                                                             "ReferralSource><ReferralNFA>0</ReferralNFA><ChildProtectionPlans>"
                                                             "<CPPstartDate>2019-05-20</CPPstartDate><InitialCategoryOfAbuse>NEG</"
                                                             "InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</"
                                                             "LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>"
                                                             "</ChildProtectionPlans>")));
  const History h = expect_rule(s, "cp.no_s47", 1, "CHILD A referral 2019-05-01");
  EXPECT_EQ(h.children[0].referrals[0].cp_plans.size(), 1u);  // kept
}

TEST(QualityRules, IcpcBeforeS47) {
  ScratchReturns s;
  s.write("cin.xml", test::cin_census(2020, test::cin_child("A", "2010-01-01",
                                                             "<CINreferralDate>2019-05-01</CINreferralDate><ReferralSource>1A</"
                                                             "ReferralSource><Section47><S47ActualStartDate>2019-05-10</"
                                                             "S47ActualStartDate><DateOfInitialCPC>2019-05-09</DateOfInitialCPC>"
                                                             "<ICPCnotRequired>false</ICPCnotRequired></Section47>"
                                                             "<ReferralNFA>0</ReferralNFA>")));
  expect_rule(s, "icpc.before_s47", 1, "CHILD A s47 from 2019-05-10");
}

std::string worker(const std::string& swe, const std::string& fte, const std::string& role, const std::string& cases) {
  return "<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>" + swe + "</SWENo><FTE>" + fte + "</FTE><QualInst>X</QualInst><OrgRole>" +
         role + "</OrgRole>" + (cases.empty() ? "" : "<Cases30>" + cases + "</Cases30>") + "</CSWWWorker>\n";
}

TEST(QualityRules, DuplicateWorkerKeepsTheFirst) {
  ScratchReturns s;
  s.write("csww.xml", test::csww_census(2020, worker("SW0000000001", "1.000000", "5", "10") + worker("SW0000000001", "0.500000", "5", "3")));
  const History h = expect_rule(s, "worker.duplicate", 1, "SWENo SW0000000001 census 2020");
  ASSERT_EQ(h.workers.size(), 1u);
  EXPECT_EQ(h.workers[0].cases_at_30_sept, 10);
}

TEST(QualityRules, CasesHeldByAWorkerWhoIsNotACaseHolder) {
  ScratchReturns s;
  s.write("csww.xml", test::csww_census(2020, worker("SW0000000001", "1.000000", "3", "4") + worker("SW0000000002", "1.000000", "3", "0")));
  expect_rule(s, "worker.cases_not_case_holder", 1, "SWENo SW0000000001 census 2020");
}

TEST(QualityRules, FteOutsideZeroToOneAndAHalf) {
  ScratchReturns s;
  s.write("csww.xml", test::csww_census(2020, worker("SW0000000001", "0.000000", "5", "") + worker("SW0000000002", "1.600000", "5", "") +
                                                  worker("SW0000000003", "1.500000", "5", "")));
  expect_rule(s, "worker.fte_out_of_range", 2, "SWENo SW0000000001 census 2020");
}

TEST(QualityRules, UnknownCodeForTheCollectionYear) {
  ScratchReturns s;
  // K3 (registered supported accommodation) is valid from 2023-24, not in 2022-23.
  s.write("ssda903/2023/Episodes.csv", episodes("A,01/05/2022,S,V2,N1,K3,PR1,02/05/2022,E8,,,,\n"));
  const History h = expect_rule(s, "code.ssda903_placement.unknown", 1, "CHILD A episode from 2022-05-01 'K3' (2023)");
  EXPECT_EQ(h.children[0].episodes[0].placement, "K3");  // kept as returned
  ScratchReturns valid;
  valid.write("ssda903/2024/Episodes.csv", episodes("A,01/05/2023,S,V2,N1,K3,PR1,02/05/2023,E8,,,,\n"));
  EXPECT_EQ(read_returns(valid.dir()).quality.total(), 0u);
}

TEST(QualityRules, StrictNamesTheFileAndLineOfTheFirstProblem) {
  ScratchReturns s;
  const auto f = s.write("ssda903/2020/Episodes.csv", episodes("A,01/05/2019,S,V2,N1,U4,PR1,,,,,,\nA,02/05/2019,S,V2,N1,Q7,PR1,,,,,,\n"));
  try {
    read_returns(s.dir(), {true});
    FAIL() << "no error";
  } catch (const ReturnsError& e) {
    EXPECT_EQ(std::string(e.what()), f + ":3: code.ssda903_placement.unknown: CHILD A episode from 2019-05-02 'Q7' (2020): a code that is "
                                         "not in its code list (io/returns/codes/LIST.csv) for that collection year (--strict)");
  }
}

TEST(QualityRules, EveryRuleHasATestAndAMeaning) {
  std::set<std::string> ids;
  for (const QualityRule& r : quality_rules()) {
    ids.insert(std::string(r.id));
    EXPECT_FALSE(r.meaning.empty()) << r.id;
    EXPECT_FALSE(r.action.empty()) << r.id;
  }
  EXPECT_EQ(ids, kRulesTested);
}

}  // namespace
}  // namespace caseflow::returns
