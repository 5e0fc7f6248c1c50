#include "io/returns/ssda903_writer.h"

#include <algorithm>
#include <string>

#include "io/returns/buffered_writer.h"
#include "io/returns/dates.h"
#include "io/returns/oc3_scope.h"
#include "io/returns/writer_checks.h"
#include "io/returns/writer_codes.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

// SWEpisodes were first collected in 2023-24 (collection year 2024).
constexpr int kFirstSocialWorkerYear = 2024;

struct Year {
  int year;
  Day first, last;  // 1 April, 31 March
  bool overlaps(Day start, const MaybeDay& end) const { return start <= last && (!end || *end >= first); }
  bool contains(Day day) const { return day >= first && day <= last; }
  bool ended(const MaybeDay& end) const { return end && *end <= last; }  // written closed this year
};



[[noreturn]] void child_missing(const ChildHistory& child, std::string_view field) {
  missing_field("CHILD " + child.id, field);
}

bool has_rows_in(const ChildHistory& child, const Year& y) {
  const auto any = [](const auto& records, auto&& test) {
    return std::any_of(records.begin(), records.end(), test);
  };
  return any(child.episodes, [&](const CareEpisode& e) { return y.overlaps(e.start, e.end); }) ||
         any(child.care_leaver, [&](const CareLeaverRecord& r) { return oc3_collects(child, r, y.year); }) ||
         any(child.reviews, [&](Day d) { return y.contains(d); }) ||
         any(child.missing, [&](const MissingEpisode& m) { return y.overlaps(m.start, m.end); }) ||
         (y.year >= kFirstSocialWorkerYear && any(child.social_workers, [&](const SocialWorkerEpisode& s) {
            return y.overlaps(s.start, s.end);
          }));
}

class Tables {
 public:
  Tables(const std::filesystem::path& folder, const Year& year)
      : year_(year),
        header_(folder / "Header.csv"),
        episodes_(folder / "Episodes.csv"),
        uasc_(folder / "UASC.csv"),
        reviews_(folder / "Reviews.csv"),
        missing_(folder / "Missing.csv"),
        oc3_(folder / "OC3.csv"),
        social_workers_(folder / "SWEpisodes.csv") {
    header_ << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    episodes_
        << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    uasc_ << "CHILD,SEX,DOB,DUC\n";
    reviews_ << "CHILD,DOB,REVIEW,REVIEW_CODE\n";
    missing_ << "CHILD,DOB,MISSING,MIS_START,MIS_END\n";
    oc3_ << "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n";
    social_workers_ << "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n";
  }

  void write(const ChildHistory& child) {
    if (!child.birth) child_missing(child, "DOB (Header)");
    if (child.ethnicity.empty()) child_missing(child, "ETHNIC (Header)");
    const auto sex = ssda903_sex_code(child.sex, year_.year);
    if (!sex)
      invalid_field("CHILD " + child.id, "SEX (Header)", "'" + child.sex + "'",
                    "no code for it in collection year " + std::to_string(year_.year) + "'s list");
    const Day birth = *child.birth;

    start_row(header_, child);
    header_ << *sex << ',';
    header_.dmy(birth);
    header_ << ',';
    header_.csv_field(child.ethnicity);
    header_ << ',';
    header_.csv_field(child.upn);
    header_ << ",,\n";

    for (const auto& e : child.episodes) {
      if (y().overlaps(e.start, e.end)) write_episode(child, e);
    }
    if (child.uasc && (!child.uasc_ceased || *child.uasc_ceased >= y().first)) {
      start_row(uasc_, child);
      uasc_ << *sex << ',';
      uasc_.dmy(birth);
      uasc_ << ',';
      if (y().ended(child.uasc_ceased)) uasc_.dmy(*child.uasc_ceased);
      uasc_ << '\n';
    }
    for (std::size_t i = 0; i < child.reviews.size(); ++i) {
      if (!y().contains(child.reviews[i])) continue;
      if (i >= child.review_codes.size() || child.review_codes[i].empty())
        child_missing(child, "REVIEW_CODE (Reviews)");
      start_row(reviews_, child, birth);
      reviews_.dmy(child.reviews[i]);
      reviews_ << ',';
      reviews_.csv_field(child.review_codes[i]);
      reviews_ << '\n';
    }
    for (const auto& m : child.missing) {
      if (!y().overlaps(m.start, m.end)) continue;
      if (m.kind.empty()) child_missing(child, "MISSING (Missing)");
      start_row(missing_, child, birth);
      missing_.csv_field(m.kind);
      missing_ << ',';
      missing_.dmy(m.start);
      missing_ << ',';
      if (y().ended(m.end)) missing_.dmy(*m.end);
      missing_ << '\n';
    }
    for (const auto& r : child.care_leaver) {
      if (!oc3_collects(child, r, y().year)) continue;
      if (r.in_touch.empty()) child_missing(child, "IN_TOUCH (OC3)");
      start_row(oc3_, child, birth);
      oc3_.csv_field(r.in_touch);
      oc3_ << ',';
      oc3_.csv_field(r.activity);
      oc3_ << ',';
      oc3_.csv_field(r.accommodation);
      oc3_ << '\n';
    }
    if (y().year >= kFirstSocialWorkerYear) {
      for (const auto& s : child.social_workers) {
        if (!y().overlaps(s.start, s.end)) continue;
        if (s.worker_id.empty()) child_missing(child, "SW_ID (SWEpisodes)");
        start_row(social_workers_, child, birth);
        social_workers_.csv_field(s.worker_id);
        social_workers_ << ',';
        social_workers_.dmy(s.start);
        social_workers_ << ',';
        if (y().ended(s.end)) {
          if (s.reason.empty()) child_missing(child, "SW_REASON (SWEpisodes, with SW_DEC)");
          social_workers_.dmy(*s.end);
          social_workers_ << ',';
          social_workers_.csv_field(s.reason);
        } else {
          social_workers_ << ',';
        }
        social_workers_ << '\n';
      }
    }
  }

  void finish() {
    for (BufferedWriter* table :
         {&header_, &episodes_, &uasc_, &reviews_, &missing_, &oc3_, &social_workers_})
      table->finish();
  }

 private:
  const Year& y() const { return year_; }

  static void start_row(BufferedWriter& table, const ChildHistory& child) {
    table.csv_field(child.id);
    table << ',';
  }
  static void start_row(BufferedWriter& table, const ChildHistory& child, Day birth) {
    start_row(table, child);
    table.dmy(birth);
    table << ',';
  }

  void write_episode(const ChildHistory& child, const CareEpisode& e) {
    const auto required = [&](const std::string& code, std::string_view field) {
      if (code.empty()) child_missing(child, field);
    };
    required(e.reason_new, "RNE (Episodes)");
    required(e.legal_status, "LS (Episodes)");
    required(e.need, "CIN (Episodes)");
    required(e.placement, "PLACE (Episodes)");
    const bool ended = y().ended(e.end);
    if (ended) required(e.reason_ceased, "REC (Episodes, with DEC)");

    auto& t = episodes_;
    start_row(t, child);
    t.dmy(e.start);
    for (const std::string* code : {&e.reason_new, &e.legal_status, &e.need, &e.placement, &e.provider}) {
      t << ',';
      t.csv_field(*code);
    }
    t << ',';
    if (ended) t.dmy(*e.end);
    t << ',';
    if (ended) t.csv_field(e.reason_ceased);
    for (const std::string* text :
         {&e.reason_place_change, &e.home_postcode, &e.placement_postcode, &e.urn}) {
      t << ',';
      t.csv_field(*text);
    }
    t << '\n';
  }

  Year year_;
  BufferedWriter header_, episodes_, uasc_, reviews_, missing_, oc3_, social_workers_;
};

}  // namespace


void write_ssda903_year(const History& history, int collection_year, const std::filesystem::path& folder) {
  const Year year{collection_year, collection_year_start(collection_year),
                  collection_year_end(collection_year)};
  Tables tables(folder, year);
  for (const auto& child : history.children) {
    if (has_rows_in(child, year)) tables.write(child);
  }
  tables.finish();
}

}  // namespace caseflow::returns
