// The CIN census, one XML file per collection year (schemas 2017-2024: the 2022 schema added
// CINPlanDates and 24A, 2021 split 18A/19A, 2023 added 5D and RC9; the older schemas keep the
// ICPC date on CINdetails only). One <Child> at a time, straight from the stream.
#include <charconv>
#include <cmath>

#include "io/returns/dates.h"
#include "io/returns/returns_file_readers.h"

namespace caseflow::returns {

bool xml_yes_no(XmlReader& r) {
  const std::string_view t = r.text();
  if (t == "true" || t == "TRUE" || t == "1" || t == "Y" || t == "y") return true;
  if (t == "false" || t == "FALSE" || t == "0" || t == "N" || t == "n" || t.empty()) return false;
  r.fail("'" + std::string(t) + "' is not a yes/no value (true, false, 1 or 0)");
}

double xml_number(XmlReader& r) {
  const std::string_view t = r.text();
  double value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  // from_chars also reads "nan", "inf" and 1e300: every number the returns carry is a finite,
  // non-negative count, FTE or number of days.
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value) || value < 0 || value > 1e9)
    r.fail("'" + std::string(t) + "' is not a number (a finite value from 0)");
  return value;
}

int xml_count(XmlReader& r) {
  const double value = xml_number(r);
  if (value != std::floor(value)) r.fail("'" + std::string(r.text()) + "' is not a whole number");
  return static_cast<int>(value);
}

namespace {

struct CinContext {
  XmlReader& r;
  std::uint32_t file;
  int year;
  HistoryBuilder& b;
  std::string id;
  Origin here() const { return {file, r.line()}; }
  void code(std::string_view list, std::string_view value, Day day, std::string_view what) {
    b.check_code(list, value, year, here(), [&] { return child_record(id, what, day); });
  }
};

Assessment read_assessment(CinContext& x, Day referral) {
  Assessment a;
  const int d = x.r.depth();
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "AssessmentActualStartDate") a.start = x.r.required_date();
    else if (n == "AssessmentAuthorisationDate") a.authorised = x.r.date();
    else if (n == "FactorsIdentifiedAtAssessment") {
      const int f = x.r.depth();
      while (x.r.next_child(f)) {
        if (x.r.name() != "AssessmentFactors") {
          x.r.skip();
          continue;
        }
        a.factors.emplace_back(x.r.text());
        x.code("cin_assessment_factors", a.factors.back(), referral, "referral");
      }
    } else x.r.skip();
  }
  return a;
}

Section47 read_section47(CinContext& x) {
  Section47 s;
  const int d = x.r.depth();
  bool started = false;
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "S47ActualStartDate") {
      s.start = x.r.required_date();
      started = true;
    } else if (n == "InitialCPCtarget") s.icpc_target = x.r.date();
    else if (n == "DateOfInitialCPC") s.icpc = x.r.date();
    else if (n == "ICPCnotRequired") s.icpc_not_required = xml_yes_no(x.r);
    else x.r.skip();
  }
  if (!started) x.r.fail("S47ActualStartDate is missing (a required element)");
  return s;
}

CpPlan read_cp_plan(CinContext& x) {
  CpPlan p;
  const int d = x.r.depth();
  bool started = false;
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "CPPstartDate") {
      p.start = x.r.required_date();
      started = true;
    } else if (n == "CPPendDate") p.end = x.r.date();
    else if (n == "InitialCategoryOfAbuse") {
      p.initial_category = x.r.text();
      x.code("cin_category_of_abuse", p.initial_category, p.start, "CP plan from");
    } else if (n == "LatestCategoryOfAbuse") {
      p.latest_category = x.r.text();
      x.code("cin_category_of_abuse", p.latest_category, p.start, "CP plan from");
    } else if (n == "NumberOfPreviousCPP") p.previous_plans = xml_count(x.r);
    else if (n == "Reviews") {
      const int v = x.r.depth();
      while (x.r.next_child(v))
        if (x.r.name() == "CPPreviewDate") p.reviews.push_back(x.r.required_date());
        else x.r.skip();
    } else x.r.skip();
  }
  if (!started) x.r.fail("CPPstartDate is missing (a required element)");
  return p;
}

Referral read_referral(CinContext& x) {
  Referral ref;
  ref.origin = x.here();
  const int d = x.r.depth();
  bool dated = false;
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "CINreferralDate") {
      ref.date = x.r.required_date();
      dated = true;
    } else if (n == "ReferralSource") {
      ref.source = x.r.text();
      x.code("cin_referral_source", ref.source, ref.date, "referral");
    } else if (n == "PrimaryNeedCode") {
      ref.primary_need = x.r.text();
      x.code("cin_primary_need", ref.primary_need, ref.date, "referral");
    } else if (n == "CINclosureDate") ref.closure = x.r.date();
    else if (n == "ReasonForClosure") {
      ref.closure_reason = x.r.text();
      x.code("cin_reason_for_closure", ref.closure_reason, ref.date, "referral");
    } else if (n == "DateOfInitialCPC") ref.initial_cpc = x.r.date();
    else if (n == "ReferralNFA") ref.nfa = xml_yes_no(x.r);
    else if (n == "Assessments") ref.assessments.push_back(read_assessment(x, ref.date));
    else if (n == "CINPlanDates") {
      CinPlan p;
      const int c = x.r.depth();
      bool started = false;
      while (x.r.next_child(c)) {
        if (x.r.name() == "CINPlanStartDate") {
          p.start = x.r.required_date();
          started = true;
        } else if (x.r.name() == "CINPlanEndDate") p.end = x.r.date();
        else x.r.skip();
      }
      if (!started) x.r.fail("CINPlanStartDate is missing (a required element)");
      ref.cin_plans.push_back(p);
    } else if (n == "Section47") ref.section47s.push_back(read_section47(x));
    else if (n == "ChildProtectionPlans") ref.cp_plans.push_back(read_cp_plan(x));
    else x.r.skip();
  }
  if (!dated) x.r.fail("CINreferralDate is missing (a required element)");
  return ref;
}

}  // namespace

void read_cin_child(XmlReader& r, std::uint32_t file, int year, HistoryBuilder& b) {
  CinContext x{r, file, year, b, {}};
  const int d = r.depth();
  std::size_t child = SIZE_MAX;
  const Origin start{file, r.line()};
  while (r.next_child(d)) {
    const auto n = r.name();
    if (n == "ChildIdentifiers") {
      const int c = r.depth();
      MaybeDay birth, death;
      std::string upn, gender;
      while (r.next_child(c)) {
        const auto f = r.name();
        if (f == "LAchildID") x.id = r.text();
        else if (f == "UPN") upn = r.text();
        else if (f == "PersonBirthDate") birth = r.date();
        else if (f == "PersonDeathDate") death = r.date();
        else if (f == "GenderCurrent") gender = r.text();
        else r.skip();
      }
      if (x.id.empty()) r.fail("LAchildID is missing or empty (a required element)");
      child = b.child(x.id);
      b.set_header(child, year, gender, {}, upn);
      if (!gender.empty()) b.check_code("cin_gender", gender, year, start, [&] { return "CHILD " + x.id; });
      if (birth) b.set_birth(child, *birth, year, start);
      if (death) b.set_death(child, *death, year);
    } else if (child == SIZE_MAX) {
      r.fail("ChildIdentifiers must come first in a Child (the reader needs LAchildID)");
    } else if (n == "ChildCharacteristics") {
      const int c = r.depth();
      while (r.next_child(c)) {
        if (r.name() == "Ethnicity") b.set_header(child, year, {}, r.text(), {});
        else if (r.name() == "Disabilities") {
          auto& disabilities = b.at(child).disabilities;
          disabilities.clear();  // the latest census's list stands
          const int v = r.depth();
          while (r.next_child(v)) {
            if (r.name() != "Disability") {
              r.skip();
              continue;
            }
            disabilities.emplace_back(r.text());
            b.check_code("cin_disability", disabilities.back(), year, x.here(), [&] { return "CHILD " + x.id; });
          }
        } else r.skip();
      }
    } else if (n == "CINdetails") {
      b.add_referral(child, read_referral(x), year);
    } else r.skip();
  }
  if (child == SIZE_MAX) r.fail("the Child has no ChildIdentifiers");
}

}  // namespace caseflow::returns
