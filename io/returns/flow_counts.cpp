#include "io/returns/flow_counts.h"

#include <set>

#include "io/returns/dates.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

// Months of the span by calendar month, from the month of the first day.
class Months {
 public:
  Months(Day first_day, int months) : first_day_(first_day), months_(months) {
    const engine::CivilDate d = engine::civil_from_days(first_day);
    first_ = d.year * 12 + (d.month - 1);
    for (int m = 0; m <= months; ++m) {
      const int k = first_ + m;
      starts_.push_back(m == 0 ? first_day : engine::days_from_civil({k / 12, k % 12 + 1, 1}));
    }
  }
  // The month of a day, or -1 outside the span.
  int of(Day day) const {
    if (day < first_day_ || day >= starts_.back()) return -1;
    const engine::CivilDate d = engine::civil_from_days(day);
    return d.year * 12 + (d.month - 1) - first_;
  }
  int of(const MaybeDay& day) const { return day ? of(*day) : -1; }
  int count() const { return months_; }
  Day next_start(int m) const { return starts_[static_cast<std::size_t>(m) + 1]; }  // the day after month m ends
  int calendar_month(int m) const { return (first_ + m) % 12 + 1; }
  int year(int m) const { return (first_ + m) / 12; }

 private:
  Day first_day_;
  int months_, first_;
  std::vector<Day> starts_;
};

// Open over the night that ends the month: started before the next month's first day, not
// ended before it.
bool open_at(Day start, const MaybeDay& end, Day next_start) { return start < next_start && (!end || *end >= next_start); }

}  // namespace

FlowCounts flow_counts(const History& history, Day first_day, int months) {
  const Months span(first_day, months);
  FlowCounts f;
  f.first_day = first_day;
  f.months = months;
  const auto zeros = std::vector<double>(static_cast<std::size_t>(months), 0.0);
  for (const char* name : {"referrals", "assessments_started", "assessments_completed", "s47_enquiries", "icpcs",
                           "cp_plans_started", "repeat_cp_plans", "cp_plans_ended", "cin_plans_started",
                           "cin_plans_ended", "cla_started", "cla_ceased", "care_leavers_started", "cla_open",
                           "cp_open", "cin_open"})
    f.monthly[name] = zeros;
  auto count = [&](std::vector<double>& series, const MaybeDay& day) {
    const int m = span.of(day);
    if (m >= 0) series[static_cast<std::size_t>(m)] += 1;
  };
  auto stock = [&](std::vector<double>& series, Day start, const MaybeDay& end) {
    for (int m = 0; m < months; ++m)
      if (open_at(start, end, span.next_start(m))) series[static_cast<std::size_t>(m)] += 1;
  };
  auto& mo = f.monthly;
  for (const ChildHistory& child : history.children) {
    for (const Referral& r : child.referrals) {
      count(mo["referrals"], r.date);
      if (span.of(r.date) >= 0) {
        auto& by_source = f.referrals_by_source[r.source];
        if (by_source.empty()) by_source = zeros;
        count(by_source, r.date);
      }
      for (const Assessment& a : r.assessments) {
        count(mo["assessments_started"], a.start);
        count(mo["assessments_completed"], a.authorised);
      }
      for (const Section47& s : r.section47s) {
        count(mo["s47_enquiries"], s.start);
        count(mo["icpcs"], s.icpc);
      }
      for (const CpPlan& p : r.cp_plans) {
        count(mo["cp_plans_started"], p.start);
        if (p.previous_plans > 0) count(mo["repeat_cp_plans"], p.start);
        count(mo["cp_plans_ended"], p.end);
        stock(mo["cp_open"], p.start, p.end);
      }
      for (const CinPlan& p : r.cin_plans) {
        count(mo["cin_plans_started"], p.start);
        count(mo["cin_plans_ended"], p.end);
        stock(mo["cin_open"], p.start, p.end);
      }
    }
    // Periods of care: a period starts with an episode whose reason is S (started to be looked
    // after) and ends with an episode that ceased for any reason but X1 (a new episode the
    // same day).
    std::set<int> leaver_years;  // collection years with an OC3 record
    for (const CareLeaverRecord& oc3 : child.care_leaver) leaver_years.insert(oc3.collection_year);
    const CareEpisode* last_end = nullptr;
    for (const CareEpisode& e : child.episodes) {
      if (e.reason_new == "S") {
        count(mo["cla_started"], e.start);
        if (span.of(e.start) >= 0) {
          auto& by_place = f.cla_started_by_placement[e.placement + "/" + e.provider];
          if (by_place.empty()) by_place = zeros;
          count(by_place, e.start);
        }
      }
      if (e.end && e.reason_ceased != "X1") {
        count(mo["cla_ceased"], e.end);
        last_end = &e;
      }
      stock(mo["cla_open"], e.start, e.end);
    }
    // A care leaver: the last period of care ended, and the child is in that year's OC3
    // (synth writes OC3 for the model's care leavers only: docs/synthetic-returns.md).
    if (last_end && &child.episodes.back() == last_end && leaver_years.count(collection_year_of(*last_end->end)))
      count(mo["care_leavers_started"], last_end->end);
  }
  // Care leavers at 31 March: each year's OC3 records but those whose support ended in the
  // year (IN_TOUCH NREQ, no longer requires services).
  for (int m = 0; m < months; ++m) {
    if (span.calendar_month(m) != 3) continue;
    double open = 0;
    for (const ChildHistory& child : history.children)
      for (const CareLeaverRecord& oc3 : child.care_leaver)
        if (oc3.collection_year == span.year(m) && oc3.in_touch != "NREQ") open += 1;
    f.at_31_march["care_leavers_open"][m] = open;
  }
  return f;
}

}  // namespace caseflow::returns
