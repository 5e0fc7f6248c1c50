// The SSDA903 XML form (schema SSDA903_CLA.xsd): <EXPSSDA903><CHILD><HEADER> with the child's
// fields, its missing episodes (AMISSING), reviews (AREVIEW) and care-leaver fields (IN_TOUCH,
// ACTIV, ACCOM), then its <EPISODE>s (the placement is PL here, PLACE in the CSV). The XML
// carries no collection year, so it comes from the file or folder name, as for the CSV tables.
#include "io/returns/dates.h"
#include "io/returns/returns_file_readers.h"

namespace caseflow::returns {

namespace {

struct Context {
  XmlReader& r;
  std::uint32_t file;
  int year;
  HistoryBuilder& b;
  std::string id;
  std::size_t child = SIZE_MAX;
  Origin here() const { return {file, r.line()}; }
  template <class Example>
  void code(std::string_view list, std::string_view value, Example&& example) {
    b.check_code(list, value, year, here(), example);
  }
};

void read_missing(Context& x) {
  MissingEpisode m;
  bool started = false;
  const int d = x.r.depth();
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "MISSING") m.kind = x.r.text();
    else if (n == "MIS_START") {
      m.start = x.r.required_date();
      started = true;
    } else if (n == "MIS_END") m.end = x.r.date();
    else x.r.skip();
  }
  if (!started) x.r.fail("MIS_START is missing (a required element)");
  x.code("ssda903_missing", m.kind, [&] { return child_record(x.id, "missing from", m.start); });
  x.b.add_missing(x.child, std::move(m), x.year);
}

void read_header(Context& x) {
  const int d = x.r.depth();
  const Origin start = x.here();
  std::string sex, ethnic, upn, uasc;
  MaybeDay birth, duc;
  CareLeaverRecord oc3{x.year, {}, {}, {}};
  auto need_id = [&] {
    if (x.child == SIZE_MAX) x.r.fail("CHILDID must come first in HEADER");
  };
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "CHILDID") {
      x.id = x.r.text();
      if (x.id.empty()) x.r.fail("CHILDID is empty");
      x.child = x.b.child(x.id);
    } else if (n == "UPN") upn = x.r.text();
    else if (n == "SEX") sex = x.r.text();
    else if (n == "DOB") birth = x.r.required_date();
    else if (n == "ETHNIC") ethnic = x.r.text();
    else if (n == "UASC") uasc = x.r.text();
    else if (n == "DUC") duc = x.r.date();
    else if (n == "IN_TOUCH") oc3.in_touch = x.r.text();
    else if (n == "ACTIV") oc3.activity = x.r.text();
    else if (n == "ACCOM") oc3.accommodation = x.r.text();
    else if (n == "AMISSING") {
      need_id();
      read_missing(x);
    } else if (n == "AREVIEW") {
      need_id();
      const int v = x.r.depth();
      MaybeDay review;
      std::string code;
      while (x.r.next_child(v)) {
        if (x.r.name() == "REVIEW") review = x.r.required_date();
        else if (x.r.name() == "REVIEW_CODE") {
          code = x.r.text();
          x.code("ssda903_review_code", code, [&] { return "CHILD " + x.id + " review"; });
        } else x.r.skip();
      }
      if (!review) x.r.fail("REVIEW is missing (a required element)");
      x.b.add_review(x.child, *review, code);
    } else if (n == "DATE_INT" || n == "DATE_MATCH") x.r.date();  // checked, not kept
    else x.r.skip();
  }
  need_id();
  x.b.set_header(x.child, x.year, sex, ethnic, upn);
  x.code("ssda903_sex", sex, [&] { return "CHILD " + x.id; });
  if (birth) x.b.set_birth(x.child, *birth, x.year, start);
  ChildHistory& c = x.b.at(x.child);
  if (!uasc.empty() && uasc != "0" && uasc != "N") c.uasc = true;
  if (duc) {
    c.uasc = true;
    c.uasc_ceased = duc;
  }
  if (!oc3.in_touch.empty() || !oc3.activity.empty() || !oc3.accommodation.empty()) x.b.add_care_leaver(x.child, std::move(oc3));
}

void read_episode(Context& x) {
  CareEpisode e;
  e.origin = x.here();
  bool started = false;
  const int d = x.r.depth();
  while (x.r.next_child(d)) {
    const auto n = x.r.name();
    if (n == "DECOM") {
      e.start = x.r.required_date();
      started = true;
    } else if (n == "RNE") e.reason_new = x.r.text();
    else if (n == "LS") e.legal_status = x.r.text();
    else if (n == "CIN") e.need = x.r.text();
    else if (n == "PL") e.placement = x.r.text();
    else if (n == "PL_POST") e.placement_postcode = x.r.text();
    else if (n == "HOME_POST") e.home_postcode = x.r.text();
    else if (n == "URN") e.urn = x.r.text();
    else if (n == "PLACE_PROVIDER") e.provider = x.r.text();
    else if (n == "DEC") e.end = x.r.date();
    else if (n == "REC") e.reason_ceased = x.r.text();
    else if (n == "REASON_PLACE_CHANGE") e.reason_place_change = x.r.text();
    else x.r.skip();
  }
  if (!started) x.r.fail("DECOM is missing (a required element)");
  const auto example = [&] { return child_record(x.id, "episode from", e.start); };
  x.code("ssda903_rne", e.reason_new, example);
  x.code("ssda903_legal_status", e.legal_status, example);
  x.code("ssda903_category_of_need", e.need, example);
  x.code("ssda903_placement", e.placement, example);
  x.code("ssda903_place_provider", e.provider, example);
  x.code("ssda903_reason_ceased", e.reason_ceased, example);
  x.code("ssda903_reason_place_change", e.reason_place_change, example);
  x.b.add_episode(x.child, std::move(e), x.year);
}

}  // namespace

void read_ssda903_xml(XmlReader& r, std::uint32_t file, int year, HistoryBuilder& b) {
  b.add_year(&History::ssda903_years, year);
  const int root = r.depth();
  while (r.next_child(root)) {
    if (r.name() != "CHILD") r.fail("expected CHILD in EXPSSDA903");
    Context x{r, file, year, b, {}, SIZE_MAX};
    const int d = r.depth();
    while (r.next_child(d)) {
      if (r.name() == "HEADER") read_header(x);
      else if (r.name() == "EPISODE") {
        if (x.child == SIZE_MAX) r.fail("EPISODE before the child's HEADER");
        read_episode(x);
      } else r.skip();
    }
    if (x.child == SIZE_MAX) r.fail("the CHILD has no HEADER");
  }
}

}  // namespace caseflow::returns
