#pragma once
// A scratch folder of made-up return files for one test, removed afterwards. The tests write
// their tiny fixtures inline, so each test shows the rows it is about.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace caseflow::returns::test {

class ScratchReturns {
 public:
  ScratchReturns() {
    std::string pattern = (std::filesystem::temp_directory_path() / "caseflow-returns-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    dir_ = pattern;
  }
  ~ScratchReturns() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchReturns(const ScratchReturns&) = delete;
  ScratchReturns& operator=(const ScratchReturns&) = delete;

  // Writes `text` to DIR/relative (folders created); returns the full path.
  std::string write(const std::string& relative, const std::string& text) const {
    const auto path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

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
