#pragma once
// Made-up return files for one test, in a scratch folder removed afterwards. The tests write
// their tiny fixtures inline, so each test shows the rows it is about.
#include <string>

#include "tests/scratch_dir.h"

namespace caseflow::returns::test {

using ScratchReturns = ::caseflow::test::ScratchDir;

// The CIN census wrapper around some <Child> elements, for collection year `year`.
inline std::string cin_census(int year, const std::string& children) {
  return "<?xml version=\"1.0\"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>" +
         std::to_string(year) + "</Year></CollectionDetails></Header>\n<Children>\n" + children + "</Children></Message>\n";
}

// A child with one CINdetails block (its inner elements given).
inline std::string cin_child(const std::string& id, const std::string& birth, const std::string& details) {
  return "<Child><ChildIdentifiers><LAchildID>" + id + "</LAchildID><PersonBirthDate>" + birth +
         "</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>"
         "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n<CINdetails>" +
         details + "</CINdetails></Child>\n";
}

inline const char* kEpisodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
inline const char* kHeaderHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

inline std::string csww_census(int year, const std::string& workers) {
  return "<?xml version=\"1.0\"?>\n<Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>" +
         std::to_string(year) +
         "</Year></CollectionDetails></Header>\n<LALevelVacancies><NumberOfVacancies>1.00</NumberOfVacancies><NoAgencyFTE>0.00</"
         "NoAgencyFTE><NoAgencyHeadcount>0</NoAgencyHeadcount></LALevelVacancies>\n" +
         workers + "</Message>\n";
}

}  // namespace caseflow::returns::test
