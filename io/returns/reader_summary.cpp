#include "io/returns/reader_summary.h"

#include <algorithm>
#include <array>
#include <climits>

#include "io/returns/dates.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

struct Range {
  Day first = INT_MAX, last = INT_MIN;
  void see(Day d) {
    first = std::min(first, d);
    last = std::max(last, d);
  }
  void see(const MaybeDay& d) {
    if (d) see(*d);
  }
  bool any() const { return first <= last; }
};

// YearCounts by collection year: 1970-2099 in a table, others in `spill`; flush() adds the years
// used to `spill`, so it ends holding every year an event fell in, as a map used alone would.
class YearTable {
 public:
  explicit YearTable(std::map<int, YearCounts>& spill) : spill_(spill) {}
  YearCounts& of(int year) {
    if (year < kFirst || year >= kFirst + kYears) return spill_[year];
    used_[static_cast<std::size_t>(year - kFirst)] = true;
    return table_[static_cast<std::size_t>(year - kFirst)];
  }
  void flush() {
    for (std::size_t i = 0; i < kYears; ++i)
      if (used_[i]) spill_[kFirst + static_cast<int>(i)] = table_[i];
  }

 private:
  static constexpr int kFirst = 1970, kYears = 130;
  std::map<int, YearCounts>& spill_;
  std::array<YearCounts, kYears> table_{};
  std::array<bool, kYears> used_{};
};

}  // namespace

ReturnsSummary summarise(const History& h) {
  ReturnsSummary s;
  Range ssda903, cin, csww;
  // A record still open at the end counts up to the last collection year read.
  int last_read = INT_MIN;
  for (int y : h.ssda903_years) last_read = std::max(last_read, y);
  for (int y : h.cin_years) last_read = std::max(last_read, y);
  // Counts by collection year in a dense table over the years returns hold (a map lookup per
  // event was most of the summary's time on England), any other year in the map directly.
  YearTable years(s.by_year);
  auto year = [&](Day d) -> YearCounts& { return years.of(collection_year_of(d)); };
  std::vector<std::pair<Day, Day>> open;
  for (const ChildHistory& c : h.children) {
    ++s.children;
    open.clear();  // the child's referral and episode spans
    for (const Referral& r : c.referrals) {
      ++s.referrals;
      ++year(r.date).referrals;
      cin.see(r.date);
      cin.see(r.closure);
      for (const Assessment& a : r.assessments)
        if (a.authorised) {
          ++year(*a.authorised).assessments_completed;
          cin.see(*a.authorised);
        }
      for (const CinPlan& p : r.cin_plans) {
        ++year(p.start).cin_plans;
        cin.see(p.end);
      }
      for (const Section47& x : r.section47s) {
        ++year(x.start).section47s;
        if (x.icpc) ++year(*x.icpc).icpcs;
        cin.see(x.icpc);  // starts are on or after the referral date
      }
      for (const CpPlan& p : r.cp_plans) {
        ++year(p.start).cp_plans_started;
        if (p.end) ++year(*p.end).cp_plans_ended;
        cin.see(p.end);
      }
      open.emplace_back(r.date, r.closure.value_or(INT_MAX));
    }
    for (const CareEpisode& e : c.episodes) {
      ++s.episodes;
      ++year(e.start).episodes;
      if (e.reason_new == "S") ++year(e.start).cla_starts;
      if (e.end && e.reason_ceased != "X1") ++year(*e.end).cla_ceased;  // as flow_counts: any REC but X1
      ssda903.see(e.start);
      ssda903.see(e.end);
      open.emplace_back(e.start, e.end.value_or(INT_MAX));
    }
    for (const CareLeaverRecord& l : c.care_leaver) ++years.of(l.collection_year).care_leavers;
    if (!open.empty()) {
      Day from = INT_MAX, to = INT_MIN;
      for (const auto& [a, b] : open) {
        from = std::min(from, a);
        to = std::max(to, b);
      }
      const int last_year = to == INT_MAX ? std::max(collection_year_of(from), last_read) : collection_year_of(to);
      for (int y = collection_year_of(from); y <= last_year; ++y) {
        const Day ys = collection_year_start(y), ye = collection_year_end(y);
        if (std::any_of(open.begin(), open.end(), [&](const auto& span) { return span.first <= ye && span.second >= ys; }))
          ++years.of(y).children;
      }
    }
  }
  years.flush();
  for (const WorkerRecord& w : h.workers) {
    WorkforceCounts& c = s.by_census[w.census_year];
    ++c.workers;
    c.agency += w.agency;
    c.case_holders += w.org_role == 5;
    c.cases += w.cases_at_30_sept.value_or(0);
    c.fte += w.fte;
  }
  for (const Vacancies& v : h.vacancies) s.by_census[v.census_year].vacancies_fte += v.vacancies_fte;
  for (const auto& [y, c] : s.by_census) csww.see(engine::days_from_civil({y, 9, 30}));
  if (ssda903.any()) s.date_ranges.push_back({"SSDA903", {ssda903.first, ssda903.last}});
  if (cin.any()) s.date_ranges.push_back({"CIN census", {cin.first, cin.last}});
  if (csww.any()) s.date_ranges.push_back({"workforce census", {csww.first, csww.last}});
  return s;
}

}  // namespace caseflow::returns
