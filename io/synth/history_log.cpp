#include "io/synth/history_log.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "io/returns/dates.h"
#include "io/synth/placement_codes.h"
#include "sim/durations.h"

namespace caseflow::synth {

namespace {

using returns::Day;
using sim::Stage;

// The ICPC is due 15 working days after the strategy discussion (Working Together).
constexpr int kIcpcTargetWd = 15;
// The council: LA code 999 belongs to no authority (the UPNs use it too).
constexpr const char* kLaCode = "999";
// Where a worker qualified: the model has no training histories.
constexpr const char* kQualInstNotKnown = "Not known";
// The pseudo-postcode of no fixed geography: the model has no addresses.
constexpr const char* kNoPostcode = "ZZ99 3";

// SW and ten digits, the form the CSWW's SWENo takes: the worker's serial, zero-padded.
std::string swe_number(std::uint64_t serial) {
  const std::string digits = std::to_string(serial % 10'000'000'000ULL);
  return "SW" + std::string(10 - digits.size(), '0') + digits;
}

}  // namespace

HistoryLog::HistoryLog(const engine::Calendar& calendar, std::uint64_t seed)
    : calendar_(calendar), start_serial_(engine::days_from_civil(calendar.start())), fill_(seed) {}

Day HistoryLog::day(double t) const { return start_serial_ + static_cast<int>(std::floor(t)); }

HistoryLog::Open& HistoryLog::open(const sim::Child& c) {
  auto [it, fresh] = open_.try_emplace(c.serial);
  if (fresh) {
    it->second.child = history_.children.size();
    returns::ChildHistory& h = history_.children.emplace_back();
    h.id = std::to_string(c.serial);
    h.sex = fill_.sex(c.serial);
    h.birth = day(c.birth_day);
    h.ethnicity = fill_.ethnicity(c.serial);
    h.upn = fill_.upn(c.serial);
    h.disabilities = {fill_.disability(c.serial)};
  }
  returns::ChildHistory& h = history_.children[it->second.child];
  if (c.uasc && !h.uasc) {  // UASC until 18
    h.uasc = true;
    h.uasc_ceased = day(c.birth_day + 18.0 * sim::kDaysPerYear);
  }
  return it->second;
}

returns::Referral& HistoryLog::new_referral(const sim::Child& c, Open& o, Day date, const std::string& source) {
  if (o.referral >= 0) close_referral(o, date, "RC7");  // never while the model is right: referrals follow closures
  auto& referrals = child(o).referrals;
  returns::Referral& r = referrals.emplace_back();
  const int k = static_cast<int>(referrals.size()) - 1;
  r.date = date;
  r.source = source;
  r.primary_need = fill_.primary_need(c.serial, k);
  o.referral = k;
  o.assessment = o.s47 = o.cin_plan = o.cp_plan = -1;
  o.in_need = false;
  return r;
}

void HistoryLog::add_assessment(Open& o, Day start, std::optional<Day> authorised) {
  if (o.referral < 0) return;
  auto& assessments = child(o).referrals[static_cast<std::size_t>(o.referral)].assessments;
  assessments.push_back({start, authorised, {}});
  o.assessment = authorised ? -1 : static_cast<int>(assessments.size()) - 1;
}

void HistoryLog::add_s47(Open& o, Day start) {
  if (o.referral < 0) return;
  auto& s47s = child(o).referrals[static_cast<std::size_t>(o.referral)].section47s;
  returns::Section47& s = s47s.emplace_back();
  s.start = start;
  s.icpc_target = start_serial_ + calendar_.add_working_days(start - start_serial_, kIcpcTargetWd);
  o.s47 = static_cast<int>(s47s.size()) - 1;
}

void HistoryLog::open_cp_plan(const sim::Child& c, Open& o, Day start) {
  if (o.referral < 0) return;
  auto& plans = child(o).referrals[static_cast<std::size_t>(o.referral)].cp_plans;
  returns::CpPlan& p = plans.emplace_back();
  p.start = start;
  // The model's count includes this plan and any plan before the child's record (a prior
  // plan elsewhere or before the run).
  p.previous_plans = std::max(0, static_cast<int>(c.cp_plans) - 1);
  int k = 0;
  for (const auto& r : child(o).referrals) k += static_cast<int>(r.cp_plans.size());
  p.initial_category = p.latest_category = fill_.category_of_abuse(c.serial, k);
  o.cp_plan = static_cast<int>(plans.size()) - 1;
}

void HistoryLog::open_episode(const sim::Child& c, Open& o, Day start, const char* reason_new,
                              const std::string& legal_status) {
  auto& episodes = child(o).episodes;
  const std::string need =
      o.episode >= 0 || std::string(reason_new) != "S" ? episodes.back().need : fill_.episode_need(c.serial, o.episodes);
  returns::CareEpisode& e = episodes.emplace_back();
  e.start = start;
  e.reason_new = reason_new;
  e.legal_status = legal_status;
  e.need = need;
  std::tie(e.placement, e.provider) = placement_codes(c.placement, start);
  e.home_postcode = e.placement_postcode = kNoPostcode;
  if (e.reason_new != "S") e.reason_place_change = fill_.reason_place_change(c.serial, o.episodes);
  o.episode = static_cast<int>(episodes.size()) - 1;
  o.episodes += 1;
}

void HistoryLog::close_episode(Open& o, Day end, const std::string& reason_ceased) {
  if (o.episode < 0) return;
  returns::CareEpisode& e = child(o).episodes[static_cast<std::size_t>(o.episode)];
  e.end = end;
  e.reason_ceased = reason_ceased;
  o.episode = -1;
}

void HistoryLog::close_referral(Open& o, Day date, const char* reason) {
  if (o.referral < 0) return;
  returns::Referral& r = child(o).referrals[static_cast<std::size_t>(o.referral)];
  r.closure = date;
  r.closure_reason = reason;
  o.referral = -1;
}

void HistoryLog::seeded(const sim::Child& c) {
  // The warm start knows each child's stage and how long it has been in it, not what came
  // before: the referral, and the assessment (and for a CP plan the s47 enquiry and ICPC),
  // are put on the day the stage's time began (docs/synthetic-returns.md). That day is
  // before the start date: a stage begun less than a day before it (a time gone that rounds
  // to no whole day) is put on the day before, as the model counts none of it in the run.
  // The model draws a child's age and its time in the stage apart, so a long time in care can
  // reach back before the birth: such dates are put on the birth date.
  const Day earliest = std::min(this->day(c.birth_day), start_serial_ - 1);
  const auto day = [&](double t) { return std::clamp(this->day(t), earliest, start_serial_ - 1); };
  Open& o = open(c);
  const std::string source = fill_.source_code(c.serial, 0);
  auto assessed = [&](Day on) {
    new_referral(c, o, on, source);
    add_assessment(o, on, on);
    o.in_need = true;
  };
  switch (c.stage) {
    case Stage::kAssessment: {
      new_referral(c, o, day(c.referral_day), source);
      add_assessment(o, day(c.referral_day), std::nullopt);
      if (c.s47) add_s47(o, day(c.strategy_day));
      return;
    }
    case Stage::kCin: {
      assessed(day(c.referral_day));
      auto& plans = child(o).referrals.back().cin_plans;
      plans.push_back({day(c.referral_day), std::nullopt});
      o.cin_plan = static_cast<int>(plans.size()) - 1;
      return;
    }
    case Stage::kCp: {
      const Day start = day(c.cp_start_day);
      assessed(start);
      add_s47(o, start);
      child(o).referrals.back().section47s.back().icpc = start;
      o.s47 = -1;
      open_cp_plan(c, o, start);
      return;
    }
    case Stage::kCla:
      assessed(day(c.care_start_day));
      // Assumption: the legal status of the children already in care is a care order (most
      // children looked after at any time are on one).
      open_episode(c, o, day(c.care_start_day), "S", "C2");
      return;
    case Stage::kCareLeaver: {
      // Left care on the 18th birthday, after (assumption) two years looked after.
      const Day eighteen = day(c.birth_day + 18.0 * sim::kDaysPerYear);
      open_episode(c, o, eighteen - 730, "S", "C2");
      close_episode(o, eighteen, fill_.reason_ceased_at_18(c.serial, 0));
      o.leaver_start = eighteen;
      return;
    }
    default:  // PLO and proceedings: an assessed referral
      assessed(day(c.referral_day));
      return;
  }
}

void HistoryLog::referral(const sim::Child& c, sim::Source source, double now) {
  Open& o = open(c);
  new_referral(c, o, day(now),
               fill_.referral_source(c.serial, static_cast<int>(child(o).referrals.size()), source,
                                     returns::collection_year_of(day(now))));
}

void HistoryLog::referral_nfa(const sim::Child& c, double now) {
  Open& o = open(c);
  if (o.referral < 0) return;
  child(o).referrals[static_cast<std::size_t>(o.referral)].nfa = true;
  close_referral(o, day(now), "RC8");
}

void HistoryLog::assessment_started(const sim::Child& c, double now) { add_assessment(open(c), day(now), std::nullopt); }

void HistoryLog::assessment_completed(const sim::Child& c, double now) {
  Open& o = open(c);
  if (o.referral < 0 || o.assessment < 0) return;
  child(o).referrals[static_cast<std::size_t>(o.referral)].assessments[static_cast<std::size_t>(o.assessment)].authorised = day(now);
  o.assessment = -1;
}

void HistoryLog::found_in_need(const sim::Child& c, double) { open(c).in_need = true; }

void HistoryLog::s47_started(const sim::Child& c, double now) { add_s47(open(c), day(now)); }

void HistoryLog::icpc(const sim::Child& c, double now) {
  Open& o = open(c);
  if (o.referral < 0 || o.s47 < 0) return;
  child(o).referrals[static_cast<std::size_t>(o.referral)].section47s[static_cast<std::size_t>(o.s47)].icpc = day(now);
  o.s47 = -1;
}

void HistoryLog::stage_changed(const sim::Child& c, Stage from, Stage to, double now) {
  if (seeding_) return;  // seeded() writes the warm start's children whole
  Open& o = open(c);
  const Day d = day(now);
  auto& referrals = child(o).referrals;
  switch (from) {
    case Stage::kAssessment:
      if (o.s47 >= 0) {  // the enquiry ended without a conference
        referrals[static_cast<std::size_t>(o.referral)].section47s[static_cast<std::size_t>(o.s47)].icpc_not_required = true;
        o.s47 = -1;
      }
      break;
    case Stage::kCin:
      if (o.referral >= 0 && o.cin_plan >= 0) referrals[static_cast<std::size_t>(o.referral)].cin_plans[static_cast<std::size_t>(o.cin_plan)].end = d;
      o.cin_plan = -1;
      break;
    case Stage::kCp:
      if (o.referral >= 0 && o.cp_plan >= 0) referrals[static_cast<std::size_t>(o.referral)].cp_plans[static_cast<std::size_t>(o.cp_plan)].end = d;
      o.cp_plan = -1;
      break;
    case Stage::kCla: {
      std::string rec;
      switch (o.exit) {
        case sim::CareExit::kHome: rec = "E4A"; break;
        case sim::CareExit::kSgo: rec = "E47"; break;
        case sim::CareExit::kAdoption: rec = "E11"; break;
        case sim::CareExit::kOther: rec = "E8"; break;
        default: rec = fill_.reason_ceased_at_18(c.serial, o.episodes); break;
      }
      close_episode(o, d, rec);
      break;
    }
    case Stage::kCareLeaver: o.leaver_end = d; break;
    default: break;
  }
  switch (to) {
    case Stage::kCin:
      if (o.referral >= 0) {
        auto& plans = referrals[static_cast<std::size_t>(o.referral)].cin_plans;
        plans.push_back({d, std::nullopt});
        o.cin_plan = static_cast<int>(plans.size()) - 1;
      }
      break;
    case Stage::kCp: open_cp_plan(c, o, d); break;
    case Stage::kCla: open_episode(c, o, d, "S", from == Stage::kProceedings ? "C2" : "V2"); break;
    case Stage::kCareLeaver:
      close_referral(o, d, "RC7");
      o.leaver_start = d;
      break;
    case Stage::kNone: {
      const char* reason = "RC7";  // services ceased
      // Closed after an assessment: not in need (RC8), or in need and referred to early help
      // (RC9, a code from collection year 2023; RC8 before it).
      if (from == Stage::kAssessment) reason = o.in_need && returns::collection_year_of(d) >= 2023 ? "RC9" : "RC8";
      if (from == Stage::kCla && o.exit == sim::CareExit::kAdoption) reason = "RC1";
      if (from == Stage::kCla && o.exit == sim::CareExit::kSgo) reason = "RC4";
      close_referral(o, d, reason);
      o.in_need = false;
      break;
    }
    default: break;
  }
}

void HistoryLog::placement_moved(const sim::Child& c, double now) {
  Open& o = open(c);
  if (o.episode < 0) return;
  returns::CareEpisode& current = child(o).episodes[static_cast<std::size_t>(o.episode)];
  const std::string legal_status = current.legal_status;
  const Day d = day(now);
  // One episode a day (the DfE's returns have none of no length): a second placement on the
  // day an episode began replaces its placement, but on the day care began the first
  // placement stands (the model counts care starts by it) until the next move.
  if (current.start == d) {
    if (current.reason_new != "S") std::tie(current.placement, current.provider) = placement_codes(c.placement, d);
    return;
  }
  close_episode(o, d, "X1");
  open_episode(c, o, d, "P", legal_status);  // the period's need carries over
}

void HistoryLog::care_ended(const sim::Child& c, sim::CareExit exit, double) { open(c).exit = exit; }

void HistoryLog::day_started(int today, const sim::Workforce& workforce) {
  seeding_ = false;
  // The day before has ended with its sickness share still set.
  while (static_cast<int>(sickness_to_day_.size()) <= today) {
    const int yesterday = static_cast<int>(sickness_to_day_.size()) - 1;
    const bool weekday = engine::weekday_of(start_serial_ + yesterday) < 5;
    sickness_to_day_.push_back(sickness_to_day_.back() + (weekday ? workforce.sickness_share() : 0.0));
  }
  // Who joined and who left: a worker's place in the workforce is reused, its serial never.
  const auto& workers = workforce.workers();
  if (slot_worker_.size() < workers.size()) slot_worker_.resize(workers.size(), 0);
  for (std::size_t i = 0; i < workers.size(); ++i) {
    const sim::Worker& w = workers[i];
    std::size_t& seen = slot_worker_[i];
    if (seen && (!w.active || workers_[seen - 1].serial != w.serial)) {
      workers_[seen - 1].end = start_serial_ + today - 1;  // left in the day before
      seen = 0;
    }
    if (!w.active) continue;
    if (!seen) {
      workers_.push_back({w.serial, w.team, w.type, w.type, day(w.start_day), std::nullopt});
      seen = workers_.size();
    }
    workers_[seen - 1].type = w.type;
  }
  const engine::CivilDate date = calendar_.date_at(today);
  if (date.month == 10 && date.day == 1) census(date.year, start_serial_ + today - 1, workforce);
}

void HistoryLog::census(int year, Day census_day, const sim::Workforce& workforce) {
  auto record = [&](const WorkerLog& wl) {
    returns::WorkerRecord& r = history_.workers.emplace_back();
    r.census_year = year;
    r.swe_no = swe_number(wl.serial);
    r.agency = wl.type == sim::StaffType::kAgency;
    r.fte = 1.0;
    r.org_role = wl.team == sim::Team::kFrontDoor ? 6 : 5;  // the front door holds no cases
    r.role_start = wl.start;
    r.role_end = wl.end;
    if (!r.agency)
      r.start_origin = wl.first_type == sim::StaffType::kAsye ? "1" : wl.first_type == sim::StaffType::kAgency ? "4" : "2";
    r.cfkss_status = wl.type == sim::StaffType::kAsye ? "1" : "";
    r.birth = wl.start - static_cast<int>(fill_.worker_age_years(wl.serial) * sim::kDaysPerYear);
    r.gender = fill_.worker_gender(wl.serial);
    r.ethnicity = fill_.worker_ethnicity(wl.serial);
    r.qual_inst = kQualInstNotKnown;
    r.working_days_lost = working_days_lost(wl, census_day);
    return &r;
  };
  // In post at 30 September, with the cases each holds.
  const auto& workers = workforce.workers();
  double agency = 0;
  for (std::size_t i = 0; i < workers.size(); ++i) {
    if (!workers[i].active || slot_worker_[i] == 0) continue;
    returns::WorkerRecord* r = record(workers_[slot_worker_[i] - 1]);
    r->fte_at_30_sept = 1.0;
    r->cases_at_30_sept = static_cast<int>(workers[i].cases.size());
    if (r->agency) agency += 1;
  }
  // Left in the year to 30 September.
  for (const WorkerLog& wl : workers_)
    if (wl.end && *wl.end <= census_day && (!last_census_ || *wl.end > *last_census_)) {
      returns::WorkerRecord* r = record(wl);
      r->reason_leave = fill_.reason_leave(wl.serial);
    }
  // Posts with nobody in post, team by team, as the month-end figure counts them.
  double vacancies = 0;
  for (std::size_t t = 0; t < sim::kTeams; ++t) {
    const auto team = static_cast<sim::Team>(t);
    vacancies += std::max(0.0, static_cast<double>(workforce.posts(team)) - static_cast<double>(workforce.members(team).size()));
  }
  history_.vacancies.push_back({year, vacancies, agency, agency});
  history_.csww_years.push_back(year);
  last_census_ = census_day;
}

// The workforce census's days lost to sickness in the year to 30 September: the model's
// sickness is a share of staff, so each worker is given its expectation, the share summed
// over the weekdays it was in post. Weekdays in the census year before the simulation began
// take the rate of the weekdays after.
double HistoryLog::working_days_lost(const WorkerLog& w, Day census_day) const {
  const Day year_start = engine::days_from_civil({engine::civil_from_days(census_day).year - 1, 10, 1});
  const Day first = std::max(w.start, year_start);
  const Day last = std::min(w.end.value_or(census_day), census_day);
  const Day seen = std::max(first, static_cast<Day>(start_serial_));
  const int weekdays_seen = engine::weekdays_between(seen, last);
  if (weekdays_seen == 0) return 0.0;
  const double sick = sickness_to_day_[static_cast<std::size_t>(last - start_serial_ + 1)] -
                      sickness_to_day_[static_cast<std::size_t>(seen - start_serial_)];
  return sick / weekdays_seen * engine::weekdays_between(first, last);
}

returns::History HistoryLog::take(Day last_day) {
  history_.la_code = kLaCode;
  for (int y = returns::collection_year_of(start_serial_); y <= returns::collection_year_of(last_day); ++y) {
    history_.ssda903_years.push_back(y);
    history_.cin_years.push_back(y);
  }
  // OC3: a record for each collection year a care leaver was supported in; IN_TOUCH NREQ
  // (no longer requires services) in the year the support ended.
  for (const auto& [serial, o] : open_) {
    if (!o.leaver_start) continue;
    returns::ChildHistory& h = history_.children[o.child];
    for (int y : history_.ssda903_years) {
      if (*o.leaver_start > returns::collection_year_end(y)) continue;
      if (o.leaver_end && *o.leaver_end < returns::collection_year_start(y)) continue;
      const bool ended = o.leaver_end && returns::collection_year_of(*o.leaver_end) == y;
      h.care_leaver.push_back({y, ended ? "NREQ" : "YES", fill_.leaver_activity(serial, y), fill_.leaver_accommodation(serial, y)});
    }
  }
  std::sort(history_.children.begin(), history_.children.end(),
            [](const returns::ChildHistory& a, const returns::ChildHistory& b) { return a.id < b.id; });
  std::stable_sort(history_.workers.begin(), history_.workers.end(), [](const auto& a, const auto& b) {
    return a.census_year != b.census_year ? a.census_year < b.census_year : a.swe_no < b.swe_no;
  });
  open_.clear();
  return std::move(history_);
}

}  // namespace caseflow::synth
