// The SSDA903 tables as CSV, one file per table per collection year (columns as
// data-formats.md 9.1 lists them; header names in any case and order). Header, Episodes,
// UASC, Reviews, Missing, OC3 and SWEpisodes go into the history; OC2, AD1, PlacedAdoption
// and PrevPerm are read and their dates checked, but the history has no place for them yet.
#include <algorithm>
#include <array>

#include "io/returns/csv_table.h"
#include "io/returns/dates.h"
#include "io/returns/returns_file_readers.h"

namespace caseflow::returns {

namespace {

constexpr std::array<std::string_view, 11> kTables = {"header", "episodes", "uasc", "reviews", "missing", "oc2",
                                                      "oc3", "ad1", "placedadoption", "prevperm", "swepisodes"};

struct Context {
  CsvTable& t;
  std::uint32_t file;
  int year;
  HistoryBuilder& b;
  Origin here() const { return {file, t.line()}; }
  std::string_view id() const { return t[0]; }  // every table's column 0 is CHILD
  std::size_t child() {
    if (id().empty()) t.fail(0, "the child id is empty");
    return b.child(id());
  }
  // `example` names the record (only built for an unknown code).
  template <class Example>
  void code(std::string_view list, std::size_t column, Example&& example) {
    b.check_code(list, t[column], year, here(), example);
  }
};

void read_header(Context& x) {
  enum { CHILD, SEX, DOB, ETHNIC, UPN };
  while (x.t.next_row()) {
    const std::size_t c = x.child();
    const Day birth = x.t.required_date(DOB);
    x.b.set_header(c, x.year, x.t[SEX], x.t[ETHNIC], x.t[UPN]);
    x.b.set_birth(c, birth, x.year, x.here());
    x.code("ssda903_sex", SEX, [&] { return "CHILD " + std::string(x.id()); });
  }
}

void read_episodes(Context& x) {
  enum { CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN };
  while (x.t.next_row()) {
    const std::size_t c = x.child();
    CareEpisode e;
    e.start = x.t.required_date(DECOM);
    e.end = x.t.date(DEC);
    e.reason_new = x.t[RNE];
    e.legal_status = x.t[LS];
    e.need = x.t[CIN];
    e.placement = x.t[PLACE];
    e.provider = x.t[PLACE_PROVIDER];
    e.reason_ceased = x.t[REC];
    e.reason_place_change = x.t[REASON_PLACE_CHANGE];
    e.home_postcode = x.t[HOME_POST];
    e.placement_postcode = x.t[PL_POST];
    e.urn = x.t[URN];
    e.origin = x.here();
    const auto example = [&, start = e.start] { return child_record(std::string(x.id()), "episode from", start); };
    x.code("ssda903_rne", RNE, example);
    x.code("ssda903_legal_status", LS, example);
    x.code("ssda903_category_of_need", CIN, example);
    x.code("ssda903_placement", PLACE, example);
    x.code("ssda903_place_provider", PLACE_PROVIDER, example);
    x.code("ssda903_reason_ceased", REC, example);
    x.code("ssda903_reason_place_change", REASON_PLACE_CHANGE, example);
    x.b.add_episode(c, std::move(e), x.year);
  }
}

void read_uasc(Context& x) {
  enum { CHILD, DUC };
  while (x.t.next_row()) {
    ChildHistory& child = x.b.at(x.child());
    child.uasc = true;
    if (const auto duc = x.t.date(DUC)) child.uasc_ceased = duc;
  }
}

void read_reviews(Context& x) {
  enum { CHILD, REVIEW, REVIEW_CODE };
  while (x.t.next_row()) {
    const std::size_t c = x.child();
    const Day review = x.t.required_date(REVIEW);
    x.b.add_review(c, review, x.t[REVIEW_CODE]);
    x.code("ssda903_review_code", REVIEW_CODE, [&] { return child_record(std::string(x.id()), "review", review); });
  }
}

void read_missing(Context& x) {
  enum { CHILD, MISSING, MIS_START, MIS_END };
  while (x.t.next_row()) {
    const std::size_t c = x.child();
    MissingEpisode m;
    m.kind = x.t[MISSING];
    m.start = x.t.required_date(MIS_START);
    m.end = x.t.date(MIS_END);
    x.code("ssda903_missing", MISSING, [&] { return child_record(std::string(x.id()), "missing from", m.start); });
    x.b.add_missing(c, std::move(m), x.year);
  }
}

void read_oc3(Context& x) {
  enum { CHILD, IN_TOUCH, ACTIV, ACCOM };
  while (x.t.next_row())
    x.b.add_care_leaver(x.child(), {x.year, std::string(x.t[IN_TOUCH]), std::string(x.t[ACTIV]), std::string(x.t[ACCOM])});
}

void read_sw_episodes(Context& x) {
  enum { CHILD, SW_ID, SW_DECOM, SW_DEC, SW_REASON };
  while (x.t.next_row()) {
    const std::size_t c = x.child();
    SocialWorkerEpisode s;
    s.worker_id = x.t[SW_ID];
    s.start = x.t.required_date(SW_DECOM);
    s.end = x.t.date(SW_DEC);
    s.reason = x.t[SW_REASON];
    x.code("ssda903_sw_reason", SW_REASON, [&] { return child_record(std::string(x.id()), "social worker from", s.start); });
    x.b.add_social_worker(c, std::move(s), x.year);
  }
}

// The tables the history does not hold: every date is still checked, so a bad file is an error.
void read_checked_only(Context& x, std::size_t columns) {
  while (x.t.next_row()) {
    x.child();
    for (std::size_t k = 1; k < columns; ++k) x.t.date(k);
  }
}

}  // namespace

bool is_ssda903_table(std::string_view table) { return std::find(kTables.begin(), kTables.end(), table) != kTables.end(); }

void read_ssda903_csv(const std::string& path, std::string_view table, int year, HistoryBuilder& b) {
  auto open = [&](std::vector<CsvColumn> columns) { return CsvTable(path, std::move(columns)); };
  const std::uint32_t file = b.add_file(path);
  b.add_year(&History::ssda903_years, year);
  if (table == "header") {
    CsvTable t = open({{"CHILD"}, {"SEX"}, {"DOB"}, {"ETHNIC", false}, {"UPN", false}});
    Context x{t, file, year, b};
    read_header(x);
  } else if (table == "episodes") {
    CsvTable t = open({{"CHILD"}, {"DECOM"}, {"RNE"}, {"LS"}, {"CIN", false}, {"PLACE"}, {"PLACE_PROVIDER", false}, {"DEC"},
                       {"REC"}, {"REASON_PLACE_CHANGE", false}, {"HOME_POST", false}, {"PL_POST", false}, {"URN", false}});
    Context x{t, file, year, b};
    read_episodes(x);
  } else if (table == "uasc") {
    CsvTable t = open({{"CHILD"}, {"DUC"}});
    Context x{t, file, year, b};
    read_uasc(x);
  } else if (table == "reviews") {
    CsvTable t = open({{"CHILD"}, {"REVIEW"}, {"REVIEW_CODE", false}});
    Context x{t, file, year, b};
    read_reviews(x);
  } else if (table == "missing") {
    CsvTable t = open({{"CHILD"}, {"MISSING"}, {"MIS_START"}, {"MIS_END", false}});
    Context x{t, file, year, b};
    read_missing(x);
  } else if (table == "oc3") {
    CsvTable t = open({{"CHILD"}, {"IN_TOUCH"}, {"ACTIV"}, {"ACCOM"}});
    Context x{t, file, year, b};
    read_oc3(x);
  } else if (table == "swepisodes") {
    CsvTable t = open({{"CHILD"}, {"SW_ID"}, {"SW_DECOM"}, {"SW_DEC", false}, {"SW_REASON", false}});
    Context x{t, file, year, b};
    read_sw_episodes(x);
  } else if (table == "oc2") {
    CsvTable t = open({{"CHILD"}});
    Context x{t, file, year, b};
    read_checked_only(x, 1);
  } else if (table == "ad1") {
    CsvTable t = open({{"CHILD"}, {"DATE_INT", false}, {"DATE_MATCH", false}});
    Context x{t, file, year, b};
    read_checked_only(x, 3);
  } else if (table == "placedadoption") {
    CsvTable t = open({{"CHILD"}, {"DATE_PLACED", false}, {"DATE_PLACED_CEASED", false}});
    Context x{t, file, year, b};
    read_checked_only(x, 3);
  } else if (table == "prevperm") {
    // DATE_PERM may be a partial date (zz/zz/2015 when the day and month are not known).
    CsvTable t = open({{"CHILD"}});
    Context x{t, file, year, b};
    read_checked_only(x, 1);
  }
}

}  // namespace caseflow::returns
