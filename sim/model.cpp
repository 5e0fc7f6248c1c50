#include "sim/model.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include <boost/random/poisson_distribution.hpp>

namespace caseflow::sim {

namespace {
enum Purpose : std::uint32_t { kDemandPurpose = 1, kFrontDoorPurpose, kChildPurpose, kWorkforcePurpose, kInitialPurpose };

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
}  // namespace

DemandModel prepared_demand(const Scenario& scenario, const engine::Calendar& calendar) {
  DemandModel demand(calendar, scenario.horizon_months);
  for (const auto& epoch : scenario.epochs) demand.prepare(epoch.parameters.demand);
  return demand;
}

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication) {
  Model model(scenario, calendar, demand, seed, replication);
  return model.run();
}

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar, std::uint64_t seed,
                                  std::uint32_t replication) {
  return run_replication(scenario, calendar, prepared_demand(scenario, calendar), seed, replication);
}

Model::Model(const Scenario& scenario, const engine::Calendar& calendar, const DemandModel& demand, std::uint64_t seed,
             std::uint32_t replication)
    : scenario_(scenario),
      calendar_(calendar),
      current_(&scenario.epochs.front().parameters),
      demand_stream_({seed, replication, kDemandPurpose}),
      front_door_stream_({seed, replication, kFrontDoorPurpose}),
      child_stream_({seed, replication, kChildPurpose}),
      initial_stream_({seed, replication, kInitialPurpose}),
      demand_(demand),
      workforce_(queue_, engine::RandomStream({seed, replication, kWorkforcePurpose})),
      recorder_(scenario.horizon_months),
      months_(scenario.horizon_months),
      end_day_(calendar.month_start_time(scenario.horizon_months)) {
  assessment_wd_histogram_.assign(512, 0);
  returns_due_.resize(static_cast<std::size_t>(end_day_) + 1);
  queue_.reserve(256);  // the heap holds only same-day follow-ups
  children_.reserve(8192);
}

ReplicationResult Model::run() {
  workforce_.set_parameters(params().workforce);
  workforce_.set_sickness_share(params().workforce.sickness_share_by_month[static_cast<std::size_t>(calendar_.start().month - 1)]);
  workforce_.staff_initial(0.0);
  seed_initial_stock();
  apply_pending_allocations(0.0);
  queue_.schedule(0.0, 0, kDay, 0);
  while (!queue_.empty()) {
    const engine::Event e = queue_.pop();
    if (e.time_days >= end_day_) break;
    const double now = e.time_days;
    ++result_.events;
    std::uint64_t bits;
    std::memcpy(&bits, &now, sizeof bits);
    // One mix per event of its time, kind and entity (the multiply spreads the time's bits).
    result_.fingerprint =
        mix(result_.fingerprint, bits * 0xff51afd7ed558ccdULL ^ ((std::uint64_t{e.kind} << 32) | e.entity));
    if (e.kind >= kStaffLeave) {
      workforce_.handle(e, now);
      apply_pending_allocations(now);
      continue;
    }
    if (e.kind == kDay) {
      on_day(static_cast<int>(e.entity));
      continue;
    }
    if (e.entity >= children_.size()) continue;
    Child& c = children_[e.entity];
    if (!c.in_use || c.version != e.tag) continue;  // the child has moved on
    switch (e.kind) {
      case kStageEnd: on_stage_end(e.entity, now); break;
      case kStrategy: on_strategy(e.entity, now); break;
      case kIcpc: on_icpc(e.entity, now); break;
      case kCpReview: on_cp_review(e.entity, now); break;
      case kPlacementMove: on_placement_move(e.entity, now); break;
      case kAgeOut: on_stage_end(e.entity, now); break;
      default: break;
    }
    apply_pending_allocations(now);
  }
  arrive_returns(static_cast<int>(end_day_));  // those due on the last day
  close_month(current_month_, end_day_);
  result_.monthly = recorder_.take();
  return std::move(result_);
}

void Model::on_day(int day) {
  const double now = day;
  arrive_returns(day);  // first: they belong to the day before, and its month
  const int month = calendar_.month_index(now);
  if (month != current_month_) {
    close_month(current_month_, now);
    current_month_ = month;
  }
  const engine::CivilDate date = calendar_.date_at(now);
  // Dated changes take effect at the start of their day.
  while (next_epoch_ < scenario_.epochs.size() && calendar_.day_of(scenario_.epochs[next_epoch_].from) <= day) {
    current_ = &scenario_.epochs[next_epoch_++].parameters;
    workforce_.set_parameters(params().workforce);
    workforce_.weekly_review(now);
  }
  const auto& wf = params().workforce;
  double sickness = wf.sickness_share_by_month[static_cast<std::size_t>(date.month - 1)];
  for (const auto& shock : wf.sickness_shocks)
    if (!(date < shock.from) && !(shock.to < date)) sickness *= shock.multiplier[0];
  workforce_.set_sickness_share(std::min(sickness, 0.95));
  double workload = 1.0;
  for (const auto& shock : wf.workload_shocks)
    if (!(date < shock.from) && !(shock.to < date)) workload *= shock.multiplier[0];
  workforce_.set_workload_multiplier(workload);

  if (date.day == 1 && date.month == wf.asye_intake_month && day > 0) workforce_.asye_intake(now);
  if (calendar_.weekday(day) == 0)
    workforce_.weekly_review(now);

  // Contacts arrive on working days; UASC arrive on any day.
  for (std::size_t s = 0; s < kSources; ++s) {
    today_intensity_[s] = demand_.intensity(params().demand, static_cast<Source>(s), day);
    const std::uint32_t n =
        demand_.sample_with_mean(params().demand, static_cast<Source>(s), day, today_intensity_[s], demand_stream_);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint64_t entity = (static_cast<std::uint64_t>(day + 100'000) * 8 + s) * 4096 + k;
      front_door_queue_.push_back(
          {now, kNoChild, static_cast<Source>(s), entity, front_door_stream_.uniform_pair(entity, 1)});
      recorder_.add(Metric::kContacts, s);
    }
  }
  {
    auto rng = demand_stream_.at(static_cast<std::uint64_t>(day + 100'000) * 8 + 7, 0);
    const double mean = demand_.uasc_per_day(params().demand);
    const auto n = mean > 0 ? boost::random::poisson_distribution<std::uint32_t, double>(mean)(rng) : 0u;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t id = new_child(16.0 + 1.99 * demand_stream_.uniform(static_cast<std::uint64_t>(day + 100'000) * 8 + 7, 1 + k), now);
      recorder_.add(Metric::kUascArrivals);
      start_care(id, now, true);
    }
  }
  if (calendar_.is_working_day(day)) front_door(day);

  // Costs accrue daily: staff by type, team managers at the span of control, placements.
  for (std::size_t t = 0; t < kTeams; ++t) {
    const Team team = static_cast<Team>(t);
    int in_post = 0;
    for (std::size_t k = 0; k < kStaffTypes; ++k) {
      const int n = workforce_.headcount(team, static_cast<StaffType>(k));
      in_post += n;
      (k == index(StaffType::kAgency) ? agency_cost_[t] : staff_cost_[t]) += n * wf.staff[k].cost_gbp_per_year / 365.25;
    }
    manager_cost_[t] += std::ceil(in_post / wf.manager_span) * wf.manager_cost_gbp_per_year / 365.25;
  }
  for (std::size_t p = 0; p < kPlacements; ++p)
    placement_cost_[p] += static_cast<double>(cla_by_placement_[p]) * params().costs.placement_gbp_per_week[p] / 7.0;

  apply_pending_allocations(now);
  if (day + 1 < end_day_) queue_.schedule(now + 1.0, 0, kDay, static_cast<std::uint32_t>(day + 1));
}

void Model::front_door(int day) {
  // The day's decision capacity: front-door staff in post, less sickness absence. Contacts
  // not reached wait for the next working day.
  const double fte = static_cast<double>(workforce_.members(Team::kFrontDoor).size());
  const double available = fte * params().front_door.decisions_per_fte_per_day * (1.0 - workforce_.sickness_share());
  // The fractional part of the day's capacity is used with that probability, so capacity is
  // unbiased whatever the team size.
  auto decisions = static_cast<std::size_t>(std::floor(available + front_door_stream_.uniform(static_cast<std::uint64_t>(day), 0)));
  while (decisions-- > 0 && !front_door_queue_.empty()) {
    const Contact c = front_door_queue_.front();
    front_door_queue_.pop_front();
    decide_contact(c, day);
  }
}

void Model::decide_contact(const Contact& c, int day) {
  const double now = day;
  decisions_ += 1;
  if (calendar_.working_days_between(c.day, now) <= params().front_door.decision_target_wd) decisions_on_time_ += 1;
  const auto& fd = params().front_door;
  // One draw decides the referral; its partner is the age of a referred first contact or,
  // in the other branch, whether an unreferred one will come back.
  const auto [u, u_then] = c.decision_draws;
  std::uint32_t id = c.child;
  // A child the service already knows is more often referred again than a first contact.
  if (u < (id == kNoChild ? fd.referral_prob : params().returns.referral_prob)) {
    if (id == kNoChild) {
      const auto& age = params().referral_age;
      const double ua = u_then;
      double cumulative = 0, years = 0;
      for (std::size_t b = 0; b < age.probs.size(); ++b) {
        if (ua <= cumulative + age.probs[b] || b + 1 == age.probs.size()) {
          const double within = age.probs[b] > 0 ? std::clamp((ua - cumulative) / age.probs[b], 0.0, 1.0) : 0.5;
          years = age.band_edges_years[b] + within * (age.band_edges_years[b + 1] - age.band_edges_years[b]);
          break;
        }
        cumulative += age.probs[b];
      }
      id = new_child(std::min(years, 17.9), now);
    }
    start_referral(id, c.source, now);
    return;
  }
  // No referral: NFA, signposting or early help. The child may come back later; a record is
  // kept only for children who will.
  const double return_prob = params().returns.after_front_door_prob;
  if (id != kNoChild) {
    close_case(id, now, return_prob);
  } else if (return_prob > 0 && u_then < return_prob) {
    id = new_child(17.9 * front_door_stream_.uniform(c.entity, 2), now);
    close_case(id, now, 1.0);
  }
}

void Model::close_month(int month, double now) {
  if (month < 0 || month >= months_) return;
  auto& r = recorder_;
  const auto stock = [&](Stage s) { return static_cast<double>(open_[static_cast<std::size_t>(s)]); };
  r.set(Metric::kAssessmentsOpen, stock(Stage::kAssessment));
  r.set(Metric::kCinOpen, stock(Stage::kCin));
  r.set(Metric::kCpOpen, stock(Stage::kCp));
  r.set(Metric::kPreProceedingsOpen, stock(Stage::kPreProceedings));
  r.set(Metric::kProceedingsOpen, stock(Stage::kProceedings));
  r.set(Metric::kCareLeaversOpen, stock(Stage::kCareLeaver));
  r.set(Metric::kOpenCases, stock(Stage::kAssessment) + stock(Stage::kCin) + stock(Stage::kCp) +
                                stock(Stage::kPreProceedings) + stock(Stage::kProceedings) + stock(Stage::kCla));
  for (std::size_t p = 0; p < kPlacements; ++p) r.set(Metric::kClaOpen, p, static_cast<double>(cla_by_placement_[p]));
  r.set(Metric::kFrontDoorQueue, static_cast<double>(front_door_queue_.size()));

  auto pct = [](double num, double den) { return den > 0 ? 100.0 * num / den : std::nan(""); };
  r.set(Metric::kReferralDecisionsWithin1WdPct, pct(decisions_on_time_, decisions_));
  r.set(Metric::kAssessmentsWithin45WdPct, pct(assessments_on_time_, assessments_done_));
  r.set(Metric::kIcpcWithin15WdPct, pct(icpcs_on_time_, icpcs_));
  r.set(Metric::kCpReviewsOnTimePct, pct(reviews_on_time_, reviews_));
  {
    double median = std::nan("");
    const auto half = static_cast<std::uint64_t>(std::ceil(assessments_done_ / 2.0));
    std::uint64_t seen = 0;
    for (std::size_t wd = 0; wd < assessment_wd_histogram_.size() && assessments_done_ > 0; ++wd) {
      seen += assessment_wd_histogram_[wd];
      if (seen >= half) {
        median = static_cast<double>(wd);
        break;
      }
    }
    r.set(Metric::kAssessmentMedianWd, median);
  }

  // Statutory visits due this month, made on time when the child has a worker whose pace
  // leaves room for them (an overloaded worker at pace p makes 1/p of them on time).
  const double working_days = calendar_.working_days_in_month(month);
  const double days = calendar_.month_start_time(month + 1) - calendar_.month_start_time(month);
  double visits_due = 0, visits_on_time = 0;
  std::vector<double> pace(workforce_.workers().size());  // each worker's once, not per child
  for (std::uint32_t w = 0; w < pace.size(); ++w) pace[w] = workforce_.pace_of(w);
  assert(statutory_visits_.size() == open_[static_cast<std::size_t>(Stage::kCp)] + open_[static_cast<std::size_t>(Stage::kCla)]);
  for (const std::uint32_t id : statutory_visits_) {
    const Child& c = children_[id];
    double due = 0;
    if (c.stage == Stage::kCp) due = working_days / params().cp.visit_interval_wd;
    else if (c.stage == Stage::kCla) due = days / (now - c.care_start_day < 365.25 ? params().care.visit_interval_weeks * 7.0 : 91.0);
    if (due <= 0) continue;
    visits_due += due;
    if (c.worker != kNoWorker) visits_on_time += due / pace[c.worker];
  }
  r.set(Metric::kVisitsOnTimePct, pct(visits_on_time, visits_due));

  r.set(Metric::kReReferralPct, pct(re_referrals_, referrals_));
  r.set(Metric::kRepeatCpPct, pct(repeat_cp_, cp_started_));

  const auto& wf = params().workforce;
  double cost_total = 0;
  // Whole-service ratios for the "all" group, over the case-holding teams.
  double all_in_post = 0, all_agency = 0, all_cases = 0, all_holding = 0, all_full = 0, all_over_pace = 0,
         all_wait = 0, all_allocated = 0;
  for (std::size_t t = 0; t < kTeams; ++t) {
    const Team team = static_cast<Team>(t);
    double in_post = 0, permanent = 0, agency = 0, asye = 0, cases = 0, full = 0, over_pace = 0;
    for (std::uint32_t id : workforce_.members(team)) {
      const Worker& w = workforce_.workers()[id];
      in_post += 1;
      (w.type == StaffType::kAgency ? agency : w.type == StaffType::kAsye ? asye : permanent) += 1;
      cases += static_cast<double>(w.cases.size());
      if (w.load + 1.0 > workforce_.cap_of(w, now) + 1e-9) full += 1;
      if (w.load > workforce_.pace_cases_of(w) + 1e-9) over_pace += 1;
    }
    const int posts = workforce_.posts(team);
    r.set(Metric::kFteInPost, t, in_post);
    r.set(Metric::kFtePermanent, t, permanent);
    r.set(Metric::kFteAgency, t, agency);
    r.set(Metric::kFteAsye, t, asye);
    r.set(Metric::kVacanciesFte, t, std::max(0.0, posts - in_post));
    r.set(Metric::kAgencyPct, t, pct(agency, in_post));
    const bool holds_cases = team != Team::kFrontDoor;
    r.set(Metric::kCaseloadPerFte, t, holds_cases && in_post > 0 ? cases / in_post : std::nan(""));
    r.set(Metric::kCaseloadOverCapPct, t, holds_cases ? pct(full, in_post) : std::nan(""));
    r.set(Metric::kCaseloadOverPacePct, t, holds_cases ? pct(over_pace, in_post) : std::nan(""));
    r.set(Metric::kUnallocated, t, static_cast<double>(workforce_.waiting(team)));
    TeamTally& tally = workforce_.tally(team);
    all_in_post += in_post;
    all_agency += agency;
    all_wait += tally.wait_days;
    all_allocated += tally.allocated;
    if (holds_cases) {
      all_cases += cases;
      all_holding += in_post;
      all_full += full;
      all_over_pace += over_pace;
    }
    r.set(Metric::kWaitToAllocationDays, t, tally.allocated > 0 ? tally.wait_days / tally.allocated : std::nan(""));
    r.set(Metric::kStartersFte, t, tally.starters);
    r.set(Metric::kLeaversFte, t, tally.leavers);
    r.set(Metric::kWorkerChanges, t, tally.worker_changes);
    r.set(Metric::kManagersFte, t, std::ceil(in_post / wf.manager_span));
    r.set(Metric::kStaffCostGbp, t, staff_cost_[t]);
    r.set(Metric::kAgencyCostGbp, t, agency_cost_[t]);
    r.set(Metric::kManagerCostGbp, t, manager_cost_[t]);
    r.set(Metric::kRecruitmentCostGbp, t, tally.recruitment_gbp);
    cost_total += staff_cost_[t] + agency_cost_[t] + manager_cost_[t] + tally.recruitment_gbp;
    tally = TeamTally{};
  }
  r.set(Metric::kAgencyPct, kTeams, pct(all_agency, all_in_post));
  r.set(Metric::kCaseloadPerFte, kTeams, all_holding > 0 ? all_cases / all_holding : std::nan(""));
  r.set(Metric::kCaseloadOverCapPct, kTeams, pct(all_full, all_holding));
  r.set(Metric::kCaseloadOverPacePct, kTeams, pct(all_over_pace, all_holding));
  r.set(Metric::kWaitToAllocationDays, kTeams, all_allocated > 0 ? all_wait / all_allocated : std::nan(""));
  for (std::size_t p = 0; p < kPlacements; ++p) {
    r.set(Metric::kPlacementCostGbp, p, placement_cost_[p]);
    cost_total += placement_cost_[p];
  }
  r.set(Metric::kTotalCostGbp, cost_total);
  staff_cost_.fill(0);
  agency_cost_.fill(0);
  manager_cost_.fill(0);
  placement_cost_.fill(0);
  decisions_ = decisions_on_time_ = assessments_done_ = assessments_on_time_ = icpcs_ = icpcs_on_time_ = reviews_ =
      reviews_on_time_ = 0;
  referrals_ = re_referrals_ = cp_started_ = repeat_cp_ = 0;
  std::fill(assessment_wd_histogram_.begin(), assessment_wd_histogram_.end(), 0);
  result_.peak_child_records = std::max(result_.peak_child_records, children_.size());
  r.close_month(month);
}

}  // namespace caseflow::sim
