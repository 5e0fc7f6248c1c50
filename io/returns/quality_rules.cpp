#include "io/returns/quality_rules.h"

#include <algorithm>
#include <stdexcept>

#include "io/returns/dates.h"
#include "io/returns/returns_error.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

const std::vector<QualityRule>& quality_rules() {
  static const std::vector<QualityRule> rules = {
      {"child.dob_conflict", "the same child has different dates of birth in different rows or returns",
       "keeps the date from the latest collection year (the council's latest correction)"},
      {"child.birth_after_event",
       "the child's date of birth is after the start of one of its care episodes (a referral before birth is a pre-birth "
       "referral, which the CIN census allows, and is not counted)",
       "keeps both dates as returned"},
      {"child.older_than_25", "the child was older than 25 at a referral or at the start of a care episode",
       "keeps the record (children's services end at 25 at the latest: the date of birth or the event date is wrong)"},
      {"episode.ends_before_start", "a care episode's DEC is before its DECOM", "keeps the episode as returned"},
      {"episode.duplicate", "the same CHILD and DECOM appear twice in one year's Episodes table",
       "keeps the later row in the file"},
      {"episode.overlap", "a care episode is still open, or ends, after the child's next episode starts",
       "ends the earlier episode on the next episode's DECOM (reason ceased kept, or X1 if it was open)"},
      {"episode.open_not_carried",
       "an episode open at 31 March is missing from the next year's return although that year was read",
       "keeps it open (the next return should have repeated it)"},
      {"episode.after_death", "a care episode starts after the child's date of death", "keeps the episode as returned"},
      {"cin.duplicate_referral", "the same LAchildID and CINreferralDate appear twice in one census",
       "merges the two blocks as if they came from consecutive years"},
      {"cin.closure_before_referral", "a CINclosureDate is before its CINreferralDate", "keeps both dates as returned"},
      {"cp.no_s47", "a child protection plan whose referral has no section 47 enquiry", "keeps the plan"},
      {"icpc.before_s47", "an initial child protection conference dated before its section 47 enquiry started",
       "keeps both dates as returned"},
      {"worker.duplicate", "the same SWENo appears twice in one workforce census",
       "keeps the first record in the file, ignores the later one"},
      {"worker.cases_not_case_holder", "a worker has Cases30 above zero but OrgRole is not 5 (case holder)",
       "keeps the record and its cases"},
      {"worker.fte_out_of_range", "a worker's FTE is missing, or not above 0 and at most 1.5", "keeps the FTE as returned"},
      {"code.LIST.unknown",
       "a code that is not in its code list (io/returns/codes/LIST.csv) for that collection year",
       "keeps the code as returned"},
  };
  return rules;
}

const QualityRule* find_quality_rule(std::string_view id) {
  std::string_view key = id;
  if (id.substr(0, 5) == "code." && id.size() > 13 && id.substr(id.size() - 8) == ".unknown") key = "code.LIST.unknown";
  for (const QualityRule& r : quality_rules())
    if (r.id == key) return &r;
  return nullptr;
}

void QualityReporter::add(std::string_view rule, const std::string& example, const std::string& file, int line) {
  const QualityRule* r = find_quality_rule(rule);
  if (!r) throw std::logic_error("no data-quality rule named '" + std::string(rule) + "'");
  if (strict_)
    throw ReturnsError(file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + std::string(rule) + ": " +
                       example + ": " + std::string(r->meaning) + " (--strict)");
  history_.quality.add(std::string(rule), example);
}

void QualityReporter::add(std::string_view rule, const std::string& example, const Origin& origin) {
  add(rule, example, origin.file < history_.files.size() ? history_.files[origin.file] : std::string(), origin.line);
}

std::string child_record(const std::string& child, std::string_view what, Day day) {
  return "CHILD " + child + " " + std::string(what) + " " + format_iso(day);
}

namespace {

// Whole years of age on `day` for a child born on `birth`.
int age_on(Day birth, Day day) {
  const auto b = engine::civil_from_days(birth), d = engine::civil_from_days(day);
  int age = d.year - b.year;
  if (d.month < b.month || (d.month == b.month && d.day < b.day)) --age;
  return age;
}

// `before_birth_allowed`: referrals may come before birth (unborn children are in the CIN census).
void check_event(const ChildHistory& c, std::string_view what, Day day, const Origin& origin, bool before_birth_allowed,
                 QualityReporter& q) {
  if (!c.birth) return;
  if (*c.birth > day) {
    if (!before_birth_allowed) q.add("child.birth_after_event", child_record(c.id, what, day), origin);
  } else if (age_on(*c.birth, day) > 25) {
    q.add("child.older_than_25", child_record(c.id, what, day), origin);
  }
}

}  // namespace

void check_history(History& history, QualityReporter& q) {
  for (const ChildHistory& c : history.children) {
    for (const CareEpisode& e : c.episodes) {
      if (e.end && *e.end < e.start) q.add("episode.ends_before_start", child_record(c.id, "episode from", e.start), e.origin);
      if (c.death && e.start > *c.death) q.add("episode.after_death", child_record(c.id, "episode from", e.start), e.origin);
      check_event(c, "episode from", e.start, e.origin, false, q);
    }
    for (const Referral& r : c.referrals) {
      if (r.closure && *r.closure < r.date)
        q.add("cin.closure_before_referral", child_record(c.id, "referral", r.date), r.origin);
      if (!r.cp_plans.empty() && r.section47s.empty()) q.add("cp.no_s47", child_record(c.id, "referral", r.date), r.origin);
      for (const Section47& s : r.section47s)
        if (s.icpc && *s.icpc < s.start) q.add("icpc.before_s47", child_record(c.id, "s47 from", s.start), r.origin);
      check_event(c, "referral", r.date, r.origin, true, q);
    }
  }
  for (const WorkerRecord& w : history.workers) {
    const std::string id = "SWENo " + w.swe_no + " census " + std::to_string(w.census_year);
    if (w.cases_at_30_sept && *w.cases_at_30_sept > 0 && w.org_role != 5) q.add("worker.cases_not_case_holder", id, w.origin);
    if (!(w.fte > 0 && w.fte <= 1.5)) q.add("worker.fte_out_of_range", id, w.origin);
  }
}

}  // namespace caseflow::returns
