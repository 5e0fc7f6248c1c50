#pragma once
// A small council's History for the writer tests, every record made up: a referral closed
// with no further action; one assessed onto a CIN plan that ends after 31 March 2020; one
// through s47, ICPC and a child protection plan that ended; a child in care with two episodes
// (a placement change, the second open at 31 March 2020), a review and a missing episode over
// the year end; a care leaver whose episode ended at 18 with an OC3 record; and three workers
// (permanent, agency, and a permanent worker who left before the 2019 census) in two
// censuses. Collection years 2020 and 2021; censuses September 2019 and 2020. Children are
// in id order, as a History keeps them.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/returns/history.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns::testing {

inline Day day(int y, int m, int d) { return engine::days_from_civil({y, m, d}); }

inline ChildHistory child(const std::string& id, const std::string& sex, Day birth) {
  ChildHistory c;
  c.id = id;
  c.sex = sex;
  c.birth = birth;
  c.ethnicity = "WBRI";
  return c;
}

inline Referral referral(Day date, const std::string& source, const std::string& need) {
  Referral r;
  r.date = date;
  r.source = source;
  r.primary_need = need;
  return r;
}

inline CareEpisode episode(Day start, MaybeDay end, const std::string& rne, const std::string& ls,
                           const std::string& place, const std::string& provider, const std::string& rec) {
  CareEpisode e;
  e.start = start;
  e.end = end;
  e.reason_new = rne;
  e.legal_status = ls;
  e.need = "N1";
  e.placement = place;
  e.provider = provider;
  e.reason_ceased = rec;
  e.home_postcode = "AB1";
  e.placement_postcode = "AB2";
  return e;
}

inline WorkerRecord worker(int census_year, const std::string& swe, bool agency, double fte) {
  WorkerRecord w;
  w.census_year = census_year;
  w.swe_no = swe;
  w.agency = agency;
  w.fte = fte;
  w.fte_at_30_sept = fte;
  w.org_role = 5;
  w.qual_inst = "Example University";
  w.role_start = day(2015, 9, 1);
  w.start_origin = agency ? "4" : "1";
  return w;
}

inline History small_council() {
  History h;
  h.la_code = "999";
  h.ssda903_years = {2020, 2021};
  h.cin_years = {2020, 2021};
  h.csww_years = {2019, 2020};

  {  // C1NFA: referred, no further action
    auto c = child("C1NFA", "1", day(2012, 3, 5));
    c.upn = "A123456789012";
    auto r = referral(day(2019, 6, 10), "1A", "N0");
    r.nfa = true;
    r.closure = day(2019, 6, 12);
    r.closure_reason = "RC8";
    c.referrals.push_back(r);
    h.children.push_back(c);
  }
  {  // C2CIN: assessed, CIN plan running past 31 March 2020
    auto c = child("C2CIN", "2", day(2010, 11, 20));
    c.disabilities = {"LD"};
    auto r = referral(day(2019, 5, 1), "2A", "N4");
    r.assessments.push_back({day(2019, 5, 2), day(2019, 6, 10), {"3A", "4B"}});
    r.cin_plans.push_back({day(2019, 6, 15), day(2020, 5, 20)});
    r.closure = day(2020, 5, 20);
    r.closure_reason = "RC7";
    c.referrals.push_back(r);
    h.children.push_back(c);
  }
  {  // C3CP: s47, ICPC, a child protection plan that ended
    auto c = child("C3CP", "2", day(2016, 1, 15));
    c.upn = "UN5";
    auto r = referral(day(2019, 9, 1), "6", "N1");
    r.assessments.push_back({day(2019, 9, 1), day(2019, 10, 1), {"16A"}});
    Section47 s;
    s.start = day(2019, 9, 2);
    s.icpc_target = day(2019, 9, 30);
    s.icpc = day(2019, 9, 25);
    r.section47s.push_back(s);
    CpPlan p;
    p.start = day(2019, 9, 25);
    p.end = day(2020, 2, 10);
    p.initial_category = "NEG";
    p.latest_category = "EMO";
    p.previous_plans = 0;
    p.reviews = {day(2019, 12, 10)};
    r.cp_plans.push_back(p);
    r.closure = day(2020, 3, 1);
    r.closure_reason = "RC7";
    c.referrals.push_back(r);
    h.children.push_back(c);
  }
  {  // C4CLA: in care, placement change, second episode open at 31 March 2020
    auto c = child("C4CLA", "1", day(2008, 4, 1));
    c.referrals.push_back(referral(day(2019, 6, 1), "5A", "N1"));
    c.episodes.push_back(episode(day(2019, 7, 1), day(2019, 10, 15), "S", "C1", "U6", "PR1", "X1"));
    auto second = episode(day(2019, 10, 15), std::nullopt, "P", "C1", "K2", "PR4", "");
    second.reason_place_change = "CARPL";
    c.episodes.push_back(second);
    c.reviews = {day(2019, 8, 20)};
    c.review_codes = {"PN1"};
    c.missing.push_back({"M", day(2020, 3, 30), day(2020, 4, 2)});
    h.children.push_back(c);
  }
  {  // C5LEAVER: left care at 18 in August 2019; OC3 for collection year 2020
    auto c = child("C5LEAVER", "2", day(2001, 8, 15));
    c.episodes.push_back(episode(day(2017, 1, 10), day(2019, 8, 15), "S", "V2", "U4", "PR1", "E17"));
    c.care_leaver.push_back({2020, "YES", "F2", "B"});
    h.children.push_back(c);
  }

  h.workers.push_back(worker(2019, "AB1234567890", false, 1.0));
  h.workers.back().cases_at_30_sept = 18;
  h.workers.back().working_days_lost = 3.5;
  h.workers.push_back(worker(2019, "CD0000000002", true, 0.8));
  h.workers.back().cases_at_30_sept = 20;
  auto leaver = worker(2019, "EF0000000003", false, 1.0);
  leaver.role_end = day(2019, 6, 30);
  leaver.reason_leave = "1";
  leaver.leaver_destination = "1";
  h.workers.push_back(leaver);
  h.workers.push_back(worker(2020, "AB1234567890", false, 1.0));
  h.workers.back().cases_at_30_sept = 17;
  h.vacancies = {{2019, 4.5, 2.0, 3}, {2020, 3.0, 1.0, 2}};
  return h;
}

// A fresh, empty folder under the system temp directory, removed when the test ends.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace caseflow::returns::testing
