#include "io/returns/cin_census_writer.h"

#include <algorithm>
#include <string>

#include "io/returns/buffered_writer.h"
#include "io/returns/dates.h"
#include "io/returns/writer_checks.h"
#include "io/returns/writer_codes.h"
#include "io/returns/xml_header_writer.h"

namespace caseflow::returns {

namespace {

struct Year {
  int year;
  Day first, last;  // 1 April, 31 March
  bool open_in(const Referral& r) const { return r.date <= last && (!r.closure || *r.closure >= first); }
  bool by_end(const MaybeDay& day) const { return day && *day <= last; }  // happened by 31 March
};

bool is_unknown_upn_code(const std::string& upn) {
  return upn.size() == 3 && upn[0] == 'U' && upn[1] == 'N' && upn[2] >= '1' && upn[2] <= '7';
}

// The schema's UPN: a letter, eleven digits, then a digit or a letter (a check letter).
bool is_upn(const std::string& upn) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return upn.size() == 13 && letter(upn[0]) && std::all_of(upn.begin() + 1, upn.end() - 1, digit) &&
         (digit(upn.back()) || letter(upn.back()));
}

class CensusWriter {
 public:
  CensusWriter(BufferedWriter& out, const Year& year) : out_(out), y_(year) {}

  void child(const ChildHistory& c) {
    const auto missing = [&](std::string_view field) { missing_field("LAchildID " + c.id, field); };
    if (!c.birth) missing("PersonBirthDate (ChildIdentifiers)");
    if (c.ethnicity.empty()) missing("Ethnicity (ChildCharacteristics)");
    const auto gender = cin_gender_code(c.sex);
    if (!gender)
      invalid_field("LAchildID " + c.id, "GenderCurrent", "'" + c.sex + "'",
                    "not a sex code of either return");
    const bool unborn = *c.birth > y_.last;

    out_.open(2, "Child");
    out_.open(3, "ChildIdentifiers");
    out_.element(4, "LAchildID", c.id);
    if (is_unknown_upn_code(c.upn)) {
      out_.element(4, "UPNunknown", c.upn);
    } else if (!c.upn.empty()) {
      if (!is_upn(c.upn))
        invalid_field("LAchildID " + c.id, "UPN", "'" + c.upn + "'", "not a UPN nor UN1..UN7");
      out_.element(4, "UPN", c.upn);
    }
    out_.date_element(4, unborn ? "ExpectedPersonBirthDate" : "PersonBirthDate", *c.birth);
    out_.element(4, "GenderCurrent", unborn ? "0" : *gender);
    if (y_.by_end(c.death)) out_.date_element(4, "PersonDeathDate", *c.death);
    out_.close(3, "ChildIdentifiers");

    out_.open(3, "ChildCharacteristics");
    out_.element(4, "Ethnicity", c.ethnicity);
    if (!c.disabilities.empty()) {
      out_.open(4, "Disabilities");
      for (const auto& d : c.disabilities) out_.element(5, "Disability", d);
      out_.close(4, "Disabilities");
    }
    out_.close(3, "ChildCharacteristics");

    for (const auto& r : c.referrals) {
      if (y_.open_in(r)) referral(c, r);
    }
    out_.close(2, "Child");
  }

 private:
  void referral(const ChildHistory& c, const Referral& r) {
    const auto missing = [&](std::string_view field) {
      missing_field("LAchildID " + c.id + ", referral " + format_iso(r.date), field);
    };
    if (r.source.empty()) missing("ReferralSource (CINdetails)");
    const bool closed = y_.by_end(r.closure);
    if (closed && r.closure_reason.empty()) missing("ReasonForClosure (CINdetails, with CINclosureDate)");

    out_.open(3, "CINdetails");
    out_.date_element(4, "CINreferralDate", r.date);
    out_.element(4, "ReferralSource", r.source);
    if (!r.primary_need.empty()) out_.element(4, "PrimaryNeedCode", r.primary_need);
    if (closed) {
      out_.date_element(4, "CINclosureDate", *r.closure);
      out_.element(4, "ReasonForClosure", r.closure_reason);
    }
    for (const auto& a : r.assessments) {
      if (!a.start) missing("AssessmentActualStartDate (Assessments)");
      if (*a.start > y_.last) continue;
      out_.open(4, "Assessments");
      out_.date_element(5, "AssessmentActualStartDate", *a.start);
      if (y_.by_end(a.authorised)) {
        out_.date_element(5, "AssessmentAuthorisationDate", *a.authorised);
        if (!a.factors.empty()) {
          out_.open(5, "FactorsIdentifiedAtAssessment");
          for (const auto& f : a.factors) out_.element(6, "AssessmentFactors", f);
          out_.close(5, "FactorsIdentifiedAtAssessment");
        }
      }
      out_.close(4, "Assessments");
    }
    for (const auto& p : r.cin_plans) {
      if (p.start > y_.last) continue;
      out_.open(4, "CINPlanDates");
      out_.date_element(5, "CINPlanStartDate", p.start);
      if (y_.by_end(p.end)) out_.date_element(5, "CINPlanEndDate", *p.end);
      out_.close(4, "CINPlanDates");
    }
    for (const auto& s : r.section47s) {
      if (s.start > y_.last) continue;
      out_.open(4, "Section47");
      out_.date_element(5, "S47ActualStartDate", s.start);
      if (s.icpc_target) out_.date_element(5, "InitialCPCtarget", *s.icpc_target);
      if (y_.by_end(s.icpc)) out_.date_element(5, "DateOfInitialCPC", *s.icpc);
      out_.element(5, "ICPCnotRequired", s.icpc_not_required ? "true" : "false");
      out_.close(4, "Section47");
    }
    out_.element(4, "ReferralNFA", r.nfa ? "true" : "false");
    for (const auto& p : r.cp_plans) {
      if (p.start > y_.last) continue;
      if (p.initial_category.empty()) missing("InitialCategoryOfAbuse (ChildProtectionPlans)");
      if (p.latest_category.empty()) missing("LatestCategoryOfAbuse (ChildProtectionPlans)");
      if (p.previous_plans < 0)
        invalid_field("LAchildID " + c.id, "NumberOfPreviousCPP", std::to_string(p.previous_plans),
                      "negative");
      out_.open(4, "ChildProtectionPlans");
      out_.date_element(5, "CPPstartDate", p.start);
      if (y_.by_end(p.end)) out_.date_element(5, "CPPendDate", *p.end);
      out_.element(5, "InitialCategoryOfAbuse", p.initial_category);
      out_.element(5, "LatestCategoryOfAbuse", p.latest_category);
      out_.element(5, "NumberOfPreviousCPP", std::to_string(p.previous_plans));
      const auto reviewed =
          std::count_if(p.reviews.begin(), p.reviews.end(), [&](Day d) { return d <= y_.last; });
      if (reviewed > 0) {
        out_.open(5, "Reviews");
        for (Day d : p.reviews) {
          if (d <= y_.last) out_.date_element(6, "CPPreviewDate", d);
        }
        out_.close(5, "Reviews");
      }
      out_.close(4, "ChildProtectionPlans");
    }
    out_.close(3, "CINdetails");
  }

  BufferedWriter& out_;
  const Year& y_;
};

}  // namespace

void write_cin_census(const History& history, int collection_year, const std::filesystem::path& path) {
  const Year year{collection_year, collection_year_start(collection_year),
                  collection_year_end(collection_year)};
  BufferedWriter out(path);
  write_xml_header(out, "CIN", collection_year, year.last, history.la_code);
  out.open(1, "Children");
  CensusWriter census(out, year);
  for (const auto& child : history.children) {
    if (std::any_of(child.referrals.begin(), child.referrals.end(),
                    [&](const Referral& r) { return year.open_in(r); }))
      census.child(child);
  }
  out.close(1, "Children");
  out.close(0, "Message");
  out.finish();
}

}  // namespace caseflow::returns
