#include "sim/workforce/workforce.h"

#include <algorithm>
#include <cmath>

#include "sim/durations.h"
#include "sim/keys.h"

namespace caseflow::sim {

using namespace keys;

Workforce::Workforce(const engine::Calendar& calendar, engine::EventQueue& queue, engine::RandomStream stream)
    : calendar_(calendar), queue_(queue), stream_(stream) {}

int Workforce::posts(Team t) const {
  return static_cast<int>(std::lround(params_->teams[index(t)].establishment_fte));
}

double Workforce::draw_days(const Distribution& d, std::uint64_t entity, std::uint64_t draw, double now) const {
  return draw_sim_days(d, stream_.uniform(entity, draw), calendar_, now);
}

void Workforce::staff_initial(double now) {
  for (std::size_t t = 0; t < kTeams; ++t) {
    const Team team = static_cast<Team>(t);
    const auto& p = params_->teams[t];
    const int posts_total = posts(team);
    const int in_post = static_cast<int>(std::lround(posts_total * (1.0 - p.initial_vacancy_share)));
    const int agency = std::min(in_post, static_cast<int>(std::lround(posts_total * params_->initial_agency_share)));
    for (int i = 0; i < in_post; ++i) {
      // Staff in post at the start have served some time already: past their induction.
      hire(team, i < agency ? StaffType::kAgency : StaffType::kPermanent, now, 365.0);
    }
  }
}

std::uint32_t Workforce::hire(Team team, StaffType type, double now, double tenure_days) {
  std::uint32_t id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else {
    id = static_cast<std::uint32_t>(workers_.size());
    workers_.emplace_back();
    position_.push_back(0);
  }
  Worker& w = workers_[id];
  w.type = type;
  w.team = team;
  headcount_[index(team)][index(type)] += 1;
  w.start_day = now - tenure_days;
  w.asye_until_day = type == StaffType::kAsye ? now + params_->asye_months * kDaysPerMonth : -1.0;
  settle(w);
  w.load = 0.0;
  w.version += 1;
  w.serial = next_serial_++;
  w.active = true;
  w.leaving = false;
  w.cases.clear();
  position_[id] = static_cast<std::uint32_t>(members_[index(team)].size());
  members_[index(team)].push_back(id);
  rooms_[index(team)].push();
  rekey(id);
  if (tenure_days <= 0) tally_[index(team)].starters += 1;
  schedule_departure(id, now);
  drain(team, now);
  return id;
}

void Workforce::schedule_departure(std::uint32_t id, double now) {
  const Worker& w = workers_[id];
  const double leave_rate = params_->staff[index(w.type)].leave_rate_per_year;
  const double u_leave = stream_.uniform(w.serial, leave_slot(index(w.type)));
  const double leave_in = leave_rate > 0 ? leave_delay(-std::log(u_leave), leave_rate, now) : 1e12;
  double convert_in = 1e12;
  if (w.type == StaffType::kAgency && params_->agency_to_permanent_per_year > 0)
    convert_in = -std::log(stream_.uniform(w.serial, kConvertDraw)) / params_->agency_to_permanent_per_year * kDaysPerYear;
  if (leave_in > 1e11 && convert_in > 1e11) return;
  if (convert_in < leave_in)
    queue_.schedule(now + convert_in, kStaffClass, kStaffConvert, id, w.version);
  else
    queue_.schedule(now + leave_in, kStaffClass, kStaffLeave, id, w.version);
}

double Workforce::leave_delay(double exponential, double rate_per_year, double now) const {
  const auto& season = params_->leaving_by_month;
  // Without a season, the plain exponential: the same arithmetic as before seasons existed.
  if (std::all_of(season.begin(), season.end(), [](double m) { return m == 1.0; })) return exponential / rate_per_year * kDaysPerYear;
  // Walk the calendar months from now, spending the draw at each month's rate. The months'
  // multipliers average 1 (checked at read), so a year spends rate_per_year of it.
  double left = exponential / rate_per_year * kDaysPerYear;  // in days at the yearly average rate
  double t = now;
  for (int month = calendar_.month_index(now), months = 0; months < 12 * 200; ++month, ++months) {
    const double end = calendar_.month_start_time(month + 1);
    const double m = season[static_cast<std::size_t>(calendar_.month_start(month).month - 1)];
    if (m > 0 && m * (end - t) >= left) return t + left / m - now;
    left -= m * (end - t);
    t = end;
  }
  return 1e12;  // two centuries on: never, as a zero rate is
}

void Workforce::set_parameters(const WorkforceParams& params) {
  params_ = &params;
  for (Worker& w : workers_) settle(w);  // a new period may change the induction lengths
  for (std::size_t t = 0; t < kTeams; ++t) {
    const auto& team = params.teams[t];
    for (std::size_t s = 0; s < kStaffTypes; ++s) {
      const bool asye_within = s != index(StaffType::kAsye) || team.asye_cap_cases <= team.cap_cases;
      load_bounds_room_[t][s] = team.cap_cases > 0 && asye_within && params.staff[s].induction_capacity_share <= 1.0;
    }
  }
  for (const auto& team : members_)       // and the caps the room keys rest on
    for (std::uint32_t id : team) rekey(id);
}

double Workforce::room_key(const Worker& w) const {
  if (w.leaving) return RoomIndex::kNever;
  // A worker whose cap and pace caseload can never exceed the team's (an ASYE cap no higher
  // than the team's, induction at no more than full capacity) has room only if its load is
  // under the team's settled ceiling: its load is a lower bound to search on, and has_room
  // decides. Anyone else is always looked at.
  return load_bounds_room_[index(w.team)][index(w.type)] ? w.load : RoomIndex::kAlways;
}

void Workforce::settle(Worker& w) const {
  w.settled_day = w.start_day + params_->staff[index(w.type)].induction_weeks * kDaysPerWeek;
}

double Workforce::cap_of(const Worker& w, double now) const {
  const auto& team = params_->teams[index(w.team)];
  const auto& staff = params_->staff[index(w.type)];
  const double base = w.type == StaffType::kAsye && now < w.asye_until_day ? team.asye_cap_cases : team.cap_cases;
  const bool inducting = now < w.settled_day;
  return base * (inducting ? staff.induction_capacity_share : 1.0);
}

double Workforce::pace_cases_of(const Worker& w) const {
  const auto& team = params_->teams[index(w.team)];
  const bool asye = w.type == StaffType::kAsye;
  return team.pace_cases * (asye ? team.asye_cap_cases / team.cap_cases : 1.0);
}

double Workforce::pace_of(std::uint32_t worker) const {
  const Worker& w = workers_[worker];
  // A team that holds no cases (the front door) has no pace caseload: never overloaded.
  const double pace_cases = pace_cases_of(w);
  const double overload = pace_cases > 0 ? std::max(1.0, w.load / pace_cases) : 1.0;
  return workload_multiplier_ * overload * sickness_pace_;
}

void Workforce::set_sickness_share(double share) {
  sickness_share_ = share;
  // The durations are fitted to observed timeliness (docs/parameter-sources.md C6, C13),
  // which already includes the usual absence: only absence above the year's mean profile
  // slows work, so usual sickness is not counted twice.
  double usual = 0;
  for (double s : params_->sickness_share_by_month) usual += s;
  usual /= static_cast<double>(params_->sickness_share_by_month.size());
  sickness_pace_ = std::max(1.0, (1.0 - usual) / std::max(0.05, 1.0 - share));
}

double Workforce::stretch_of(Team team, std::size_t waiting) const {
  // Managers hold the planned caseload while the queue is short and stretch their workers
  // towards the hard cap as it lengthens: the queue and the caseloads above pace share any
  // excess of work over capacity, so the queue grows smoothly with it (no cliff at the cap).
  const auto in_post = static_cast<double>(members_[index(team)].size());
  if (in_post <= 0) return 1.0;
  return std::min(1.0, static_cast<double>(waiting) / (params_->allocation_stretch_queue_per_fte * in_post));
}

std::uint32_t Workforce::find_room(Team team, double weight, double now, std::size_t waiting) const {
  // Cases go round the team in turn (as a manager allocates), to the next worker with room
  // under the allocation ceiling; turns keep caseloads even without scanning the whole team.
  // The room index skips the workers whose load rules them out; each candidate it gives is
  // checked exactly, so the worker found is the one a scan in turn would find.
  const auto& members = members_[index(team)];
  const std::size_t n = members.size();
  if (n == 0) return kNoWorker;
  std::size_t& cursor = cursor_[index(team)];
  const double stretch = stretch_of(team, waiting);
  const auto& p = params_->teams[index(team)];
  const double settled_ceiling = ceiling_of(p.cap_cases, p.pace_cases, stretch) + 1e-9;  // as has_room's
  // load + weight <= ceiling implies load <= ceiling - weight up to rounding, hence the margin.
  const double threshold = settled_ceiling - weight + 1e-6 * std::max(1.0, std::abs(settled_ceiling));
  const RoomIndex& rooms = rooms_[index(team)];
  const auto search = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = rooms.first_at_most(from, threshold); i < to; i = rooms.first_at_most(i + 1, threshold)) {
      const Worker& w = workers_[members[i]];
      const bool room = w.type != StaffType::kAsye && now >= w.settled_day ? !w.leaving && w.load + weight <= settled_ceiling
                                                                            : has_room(w, weight, now, stretch);
      if (room) return i;
    }
    return RoomIndex::kNone;
  };
  const std::size_t start = cursor % n;
  std::size_t i = search(start, n);
  if (i == RoomIndex::kNone) i = search(0, start);
  if (i == RoomIndex::kNone) return kNoWorker;
  cursor = i + 1;
  return members[i];
}

void Workforce::assign(std::uint32_t worker, const CaseRef& ref) {
  Worker& w = workers_[worker];
  w.load += ref.weight;
  w.cases.push_back(ref);
  rekey(worker);
}

void Workforce::enqueue(Team team, const CaseRef& ref, double since, bool handover) {
  if (waiting_mark_.size() <= ref.id) waiting_mark_.resize(ref.id + 1024, 0);
  waiting_mark_[ref.id] = ref.version + 1;
  queues_[index(team)].push(ref.priority, {ref, since, handover});
  waiting_count_[index(team)] += 1;
}

Allocation Workforce::request(Team team, const CaseRef& ref, double now, double waiting_since) {
  Allocation a;
  a.ref = ref;
  // Nobody jumps the queue: a new case waits behind those already waiting.
  if (waiting_count_[index(team)] == 0) a.worker = find_room(team, ref.weight, now, 1);
  if (a.worker == kNoWorker) {
    enqueue(team, ref, waiting_since, false);
    a.queued = true;
    return a;
  }
  assign(a.worker, ref);
  a.pace = pace_of(a.worker);
  a.waited_days = now - waiting_since;
  auto& tally = tally_[index(team)];
  tally.allocated += 1;
  tally.wait_days += a.waited_days;
  return a;
}

Allocation Workforce::continue_case(Team team, std::uint32_t worker, const CaseRef& ref, double now) {
  Worker& w = workers_[worker];
  for (std::size_t i = 0; i < w.cases.size(); ++i)
    if (w.cases[i].id == ref.id) {
      w.load -= w.cases[i].weight;
      w.cases[i] = w.cases.back();
      w.cases.pop_back();
      break;
    }
  rekey(worker);
  if (!w.leaving && w.load + ref.weight <= cap_of(w, now) + 1e-9) {
    assign(worker, ref);
    Allocation a;
    a.ref = ref;
    a.worker = worker;
    a.pace = pace_of(worker);
    return a;
  }
  drain(team, now);
  return request(team, ref, now, now);
}

void Workforce::release(Team team, std::uint32_t worker, std::uint32_t case_id, double now) {
  if (worker == kNoWorker) {
    if (case_id < waiting_mark_.size() && waiting_mark_[case_id] != 0) {
      waiting_mark_[case_id] = 0;
      waiting_count_[index(team)] -= 1;
    }
    return;
  }
  Worker& w = workers_[worker];
  for (std::size_t i = 0; i < w.cases.size(); ++i)
    if (w.cases[i].id == case_id) {
      w.load -= w.cases[i].weight;
      w.cases[i] = w.cases.back();
      w.cases.pop_back();
      break;
    }
  if (w.load < 1e-9) w.load = 0.0;
  rekey(worker);
  drain(team, now, worker);
}

void Workforce::drain(Team team, double now, std::uint32_t freed_worker) {
  auto& q = queues_[index(team)];
  while (!q.empty()) {
    const Waiting& top = q.top();
    if (top.ref.id >= waiting_mark_.size() || waiting_mark_[top.ref.id] != top.ref.version + 1) {
      q.pop();  // withdrawn: the case moved on while it waited
      continue;
    }
    // Only the worker who just freed room can have gained any since the last full drain, so
    // they take the next waiting case (as a worker closing a case picks up the next one);
    // the weekly review and staff changes drain against the whole team.
    std::uint32_t worker = kNoWorker;
    const std::size_t waiting = waiting_count_[index(team)];
    if (freed_worker == kNoWorker) {
      worker = find_room(team, top.ref.weight, now, waiting);
    } else {
      const Worker& w = workers_[freed_worker];
      if (w.active && has_room(w, top.ref.weight, now, stretch_of(team, waiting))) worker = freed_worker;
    }
    if (worker == kNoWorker) return;
    Allocation a;
    a.ref = top.ref;
    a.worker = worker;
    a.waited_days = now - top.since;
    a.handover = top.handover;
    waiting_mark_[top.ref.id] = 0;
    waiting_count_[index(team)] -= 1;
    q.pop();
    assign(worker, a.ref);
    a.pace = pace_of(worker);
    auto& tally = tally_[index(team)];
    tally.allocated += 1;
    tally.wait_days += a.waited_days;
    pending_.push_back(a);
  }
}

void Workforce::remove(std::uint32_t id, double now) {
  Worker& w = workers_[id];
  const Team team = w.team;
  auto& m = members_[index(team)];
  const std::uint32_t position = position_[id];
  m.erase(m.begin() + position);
  rooms_[index(team)].erase(position);
  for (std::size_t i = position; i < m.size(); ++i) position_[m[i]] = static_cast<std::uint32_t>(i);
  w.active = false;
  w.version += 1;
  headcount_[index(team)][index(w.type)] -= 1;
  tally_[index(team)].leavers += 1;
  // The cases move to a kept buffer, and the worker's record takes the buffer's storage
  // for whoever is hired into its place next: neither allocates once both have grown.
  std::vector<CaseRef>& cases = handover_buffer_;
  cases.clear();
  cases.swap(w.cases);
  w.load = 0.0;
  free_.push_back(id);
  // A leaver's cases go to colleagues with room, or wait; either way the child's worker changes.
  for (const CaseRef& ref : cases) {
    tally_[index(team)].worker_changes += 1;
    Allocation a;
    a.ref = ref;
    a.handover = true;
    a.worker = waiting_count_[index(team)] == 0 ? find_room(team, ref.weight, now, 1) : kNoWorker;
    if (a.worker == kNoWorker) {
      enqueue(team, ref, now, true);
      a.queued = true;
    } else {
      assign(a.worker, ref);
      a.pace = pace_of(a.worker);
      tally_[index(team)].allocated += 1;
    }
    pending_.push_back(a);
  }
}

void Workforce::handle(const engine::Event& e, double now) {
  switch (e.kind) {
    case kStaffLeave: {
      if (e.entity >= workers_.size() || workers_[e.entity].version != e.tag || !workers_[e.entity].active) return;
      const Team team = workers_[e.entity].team;
      remove(e.entity, now);
      review_team(team, now);
      return;
    }
    case kStaffConvert: {
      if (e.entity >= workers_.size() || workers_[e.entity].version != e.tag || !workers_[e.entity].active) return;
      Worker& w = workers_[e.entity];
      if (w.leaving) return;
      headcount_[index(w.team)][index(w.type)] -= 1;
      headcount_[index(w.team)][index(StaffType::kPermanent)] += 1;
      w.type = StaffType::kPermanent;  // same worker, same cases: no worker change for children
      settle(w);
      rekey(e.entity);
      w.version += 1;
      schedule_departure(e.entity, now);
      return;
    }
    case kCampaignEnd: {
      const Team team = static_cast<Team>(e.entity);
      campaigns_[index(team)] -= 1;
      const double u = stream_.uniform(keys::campaign(e.tag), kCampaignOutcome);
      if (u < params_->permanent_campaign_success_prob) {
        tally_[index(team)].recruitment_gbp += params_->recruitment_cost_gbp_per_hire;
        hire(team, StaffType::kPermanent, now, 0.0);
      }
      review_team(team, now);
      return;
    }
    case kAgencyArrive: {
      const Team team = static_cast<Team>(e.entity);
      agency_pending_[index(team)] -= 1;
      hire(team, StaffType::kAgency, now, 0.0);
      return;
    }
    default: return;
  }
}

void Workforce::review_team(Team team, double now) {
  const std::size_t t = index(team);
  int permanent = 0, agency = 0;
  for (std::uint32_t id : members_[t]) {
    Worker& w = workers_[id];
    if (w.type == StaffType::kAsye && now >= w.asye_until_day) {
      headcount_[t][index(StaffType::kAsye)] -= 1;
      headcount_[t][index(StaffType::kPermanent)] += 1;
      w.type = StaffType::kPermanent;
      settle(w);
      rekey(id);
    }
    if (w.leaving) continue;
    (w.type == StaffType::kAgency ? agency : permanent) += 1;
  }
  const int posts_total = posts(team);
  const int agency_allowed = static_cast<int>(std::floor(params_->agency_target_share * posts_total + 0.5));

  // The policy's agency share sets the split of posts: permanent recruitment runs for the
  // permanent share, agency staff cover empty posts up to the agency share.
  const int permanent_goal = posts_total - agency_allowed;
  // Agency staff may cover more than the target share where a team has interim cover.
  const double cover_share = std::max(params_->agency_target_share, params_->teams[t].agency_cover_share);
  const int agency_cover = static_cast<int>(std::floor(cover_share * posts_total + 0.5));
  const int to_advertise = permanent_goal - permanent - campaigns_[t];
  for (int i = 0; i < to_advertise; ++i) {
    const std::uint64_t number = next_campaign_++;
    const double lead = draw_days(params_->permanent_lead_time, keys::campaign(number), kPermanentLead, now);
    queue_.schedule(now + lead, kStaffClass, kCampaignEnd, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(number));
    campaigns_[t] += 1;
  }
  // Agency staff cover posts that are empty now, up to the agency share the policy allows.
  const int empty = posts_total - permanent - agency - agency_pending_[t];
  const int agency_room = agency_cover - agency - agency_pending_[t];
  for (int i = 0; i < std::min(empty, agency_room); ++i) {
    const double lead = draw_days(params_->agency_lead_time, keys::campaign(next_campaign_++), kAgencyLead, now);
    queue_.schedule(now + lead, kStaffClass, kAgencyArrive, static_cast<std::uint32_t>(t));
    agency_pending_[t] += 1;
  }
  // Agency staff are released (with notice) above the allowed share, or when permanent
  // staff fill the posts; the lightest caseloads go first.
  int excess = std::max(agency - agency_cover, permanent + agency - posts_total);
  while (excess-- > 0) {
    std::uint32_t lightest = kNoWorker;
    for (std::uint32_t id : members_[t]) {
      const Worker& w = workers_[id];
      if (w.type == StaffType::kAgency && !w.leaving && (lightest == kNoWorker || w.load < workers_[lightest].load))
        lightest = id;
    }
    if (lightest == kNoWorker) break;
    workers_[lightest].leaving = true;
    workers_[lightest].version += 1;
    rekey(lightest);
    queue_.schedule(now + params_->agency_notice_days, kStaffClass, kStaffLeave, lightest, workers_[lightest].version);
  }
  drain(team, now);
}

void Workforce::weekly_review(double now) {
  for (std::size_t t = 0; t < kTeams; ++t) review_team(static_cast<Team>(t), now);
}

void Workforce::asye_intake(double now) {
  // Newly qualified staff join the case-holding teams in proportion to their establishment
  // (largest remainder), as supernumerary where no post is vacant.
  const Team teams[] = {Team::kAssessment, Team::kHelpProtection, Team::kChildrenInCare};
  double total = 0;
  for (Team t : teams) total += params_->teams[index(t)].establishment_fte;
  if (total <= 0 || params_->asye_intake_count <= 0) return;
  int given = 0;
  std::array<double, 3> remainder{};
  std::array<int, 3> count{};
  for (std::size_t i = 0; i < 3; ++i) {
    const double share = params_->asye_intake_count * params_->teams[index(teams[i])].establishment_fte / total;
    count[i] = static_cast<int>(std::floor(share));
    remainder[i] = share - count[i];
    given += count[i];
  }
  while (given < params_->asye_intake_count) {
    const auto i = static_cast<std::size_t>(std::max_element(remainder.begin(), remainder.end()) - remainder.begin());
    count[i] += 1;
    remainder[i] = -1;
    given += 1;
  }
  for (std::size_t i = 0; i < 3; ++i)
    for (int k = 0; k < count[i]; ++k) hire(teams[i], StaffType::kAsye, now, 0.0);
}

}  // namespace caseflow::sim
