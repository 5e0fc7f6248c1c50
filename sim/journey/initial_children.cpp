// The warm start from a council's own open children (calibrate's snapshot): each child enters
// its real stage with its age, placement and CP history, and the time it has already spent
// there. Its time left is drawn from the stage's duration given the time already spent (the
// residual life, Distribution::total_given_elapsed), not from the stage's equilibrium as the
// counted warm start does (sim/journey/initial_stock.cpp): a CP plan open 20 months is near
// its end, one open a week is not.
#include <algorithm>
#include <cmath>

#include "sim/durations.h"
#include "sim/journey/journey.h"
#include "sim/keys.h"

namespace caseflow::sim {

// A referral of the last few working days may still await its strategy discussion: the returns
// record the s47 enquiry a discussion starts, not the discussion, so such a child shows as an
// assessment with no enquiry. Among the children the returns show so, the share awaiting one is
// the referrals with harm suspected whose delay outlasts the working days since the referral,
// against all that would show no enquiry by now (no harm suspected; harm suspected, discussed,
// no s47). Left out, the first weeks held about a seventh fewer strategy discussions than a
// running service, and fewer ICPCs after them (docs/calibration.md). Returns the day of the
// discussion (its delay drawn given that it outlasts the time gone), or -1.
double Journey::awaited_strategy(Child& c, const InitialChild& row, double u_awaits, double u_delay) {
  const auto& r = params().referral;
  const double harm = std::min(1.0, r.strategy_discussion_prob * (c.cp_plans > 0 ? r.repeat_harm_multiplier : 1.0));
  const double gone = calendar_.working_days_between(-row.days_in_stage, 0.0);
  const double done_by_now = r.strategy_delay.cdf(gone);
  const double awaiting = harm * (1.0 - done_by_now);
  const double no_enquiry = (1.0 - harm) + awaiting + (harm - awaiting) * (1.0 - r.s47_prob);
  if (awaiting <= 0 || u_awaits * no_enquiry >= awaiting) return -1.0;
  c.harm_suspected = true;
  c.strategy_done = false;
  const int delay = static_cast<int>(std::ceil(r.strategy_delay.quantile(done_by_now + u_delay * (1.0 - done_by_now))));
  return std::max(0.0, static_cast<double>(calendar_.add_working_days(-row.days_in_stage, delay)));
}

void Journey::seed_initial_children(const std::vector<InitialChild>& children) {
  const auto& p = params();
  std::uint64_t entity = 0;
  auto u = [&](std::uint64_t k) { return initial_stream_.uniform(entity, k); };
  // The time already spent, in the distribution's unit: working days are counted on the
  // calendar, which reaches five years back (older stages count as five years).
  auto spent = [&](const Distribution& d, double days) {
    switch (d.unit) {
      case TimeUnit::kDays: return days;
      case TimeUnit::kWeeks: return days / kDaysPerWeek;
      case TimeUnit::kMonths: return days / kDaysPerMonth;
      case TimeUnit::kWorkingDays:
        return static_cast<double>(calendar_.working_days_between(-std::min(days, 5 * kDaysPerYear - 7), 0.0));
    }
    return days;
  };
  // Sim days left of a stage begun `days` ago whose duration is d, drawn at u.
  auto left = [&](const Distribution& d, double days, double v) {
    const double gone = spent(d, days);
    const double total = d.total_given_elapsed(gone, v);
    return std::max(0.5, to_sim_days(total - gone, d.unit, calendar_, 0.0));
  };
  for (const InitialChild& row : children) {
    ++entity;
    const std::uint32_t id = new_child(row.age_years, 0.0);
    Child& c = children_[id];
    c.cp_plans = static_cast<std::uint16_t>(row.cp_plans_before);
    c.referral_day = c.last_referral_day = -row.days_in_stage;
    c.in_need = (row.stage != Stage::kAssessment || row.step_up) && row.stage != Stage::kCareLeaver;
    switch (row.stage) {
      case Stage::kAssessment: {
        // The single-assessment path: its work is measured from the referral (as the counted
        // warm start's), so the total is drawn given the working days already gone.
        const Distribution& work = stage_route(Stage::kAssessment).duration;
        c.strategy_done = true;
        // A CIN plan's step-up is an enquiry alone: no assessment of its own to count, and
        // back to CIN when no ICPC follows (Journey::step_up).
        c.counts_assessment = !row.step_up;
        c.work_duration = work.total_given_elapsed(spent(work, row.days_in_stage), u(1));
        if (row.s47_days >= 0) {
          // An s47 enquiry under way: its conference is held by the ICPC share, and the
          // enquiry (to the ICPC, or to its end) has the time left given the working days
          // since it began. Started afresh at allocation, as the counted warm start's are, the
          // first month held a fifth fewer ICPCs than a running service.
          c.harm_suspected = c.s47 = true;
          // Whether its conference is to come, in proportion to each path's share times its
          // chance of lasting as long as this enquiry has (as a child in care's exit route):
          // the share alone put too few of the open enquiries on the conference's longer path,
          // and the first month held 7% fewer ICPCs than the 10x council went on to hold.
          const double to_icpc = p.referral.icpc_prob * (1.0 - p.referral.icpc_delay.cdf(spent(p.referral.icpc_delay, row.s47_days)));
          const double to_end =
              (1.0 - p.referral.icpc_prob) * (1.0 - p.referral.s47_duration.cdf(spent(p.referral.s47_duration, row.s47_days)));
          c.icpc_planned = to_icpc + to_end > 0 ? u(2) * (to_icpc + to_end) < to_icpc : u(2) < p.referral.icpc_prob;
          c.strategy_day = -row.s47_days;
          const Distribution& enquiry = c.icpc_planned ? p.referral.icpc_delay : p.referral.s47_duration;
          const double gone = spent(enquiry, row.s47_days);
          c.work_duration = std::max(0.0, enquiry.total_given_elapsed(gone, u(3)) - gone);
          c.enquiry_resumes = true;
        }
        const double strategy_at = row.s47_days < 0 && !row.step_up ? awaited_strategy(c, row, u(7), u(8)) : -1.0;
        enter(id, Stage::kAssessment, 0.0);
        if (strategy_at >= 0) queue_.schedule(strategy_at, kStageClass, kStrategy, id, children_[id].version);
        break;
      }
      case Stage::kCp: {
        const Distribution& d = stage_route(Stage::kCp).duration;
        c.cp_plans += 1;  // the plan open now
        c.cp_start_day = -row.days_in_stage;
        enter(id, Stage::kCp, 0.0);
        schedule_stage_end(id, left(d, row.days_in_stage, u(1)));
        double review = p.cp.first_review_months * kDaysPerMonth;
        while (review <= row.days_in_stage) review += p.cp.review_interval_months * kDaysPerMonth;
        queue_.schedule(review - row.days_in_stage, kRoutineClass, kCpReview, id, c.version);
        break;
      }
      case Stage::kCla: {
        // The exit route is not known yet: drawn in proportion to each route's share times
        // its chance of lasting as long as this child has been in care.
        // By the band of its age on entering care: its age now less its time in care.
        c.care_band = static_cast<std::uint8_t>(p.care.band_at_entry_age(row.age_years - row.days_in_stage / kDaysPerYear));
        const CareExits& care = p.care.exits_of_band(c.care_band);
        const std::array<std::pair<double, const Distribution*>, 4> routes = {{{care.exit_home, &care.duration_home},
                                                                              {care.exit_sgo, &care.duration_sgo},
                                                                              {care.exit_adoption, &care.duration_adoption},
                                                                              {care.exit_other, &care.duration_other}}};
        std::array<double, 4> weight{};
        double sum = 0;
        for (std::size_t r = 0; r < 4; ++r)
          sum += weight[r] = routes[r].first * (1.0 - routes[r].second->cdf(spent(*routes[r].second, row.days_in_stage)));
        std::size_t route = 3;
        if (sum > 0) {
          const double v = u(5) * sum;
          double cumulative = 0;
          for (std::size_t r = 0; r < 4; ++r)
            if (v < (cumulative += weight[r])) {
              route = r;
              break;
            }
        }
        c.placement = static_cast<Placement>(row.placement);
        c.care_start_day = -row.days_in_stage;
        start_placement(c, c.care_start_day);
        enter(id, Stage::kCla, 0.0);
        const double exit_day = left(*routes[route].second, row.days_in_stage, u(1));
        const double eighteen = c.birth_day + 18.0 * kDaysPerYear;
        if (eighteen <= exit_day)
          queue_.schedule(std::max(0.5, eighteen), kStageClass, kAgeOut, id, c.version);
        else
          schedule_stage_end(id, exit_day);
        if (const double moves_per_year = p.care.placement_moves_of_band(c.care_band); moves_per_year > 0)
          queue_.schedule(-std::log(u(6)) / moves_per_year * kDaysPerYear, kRoutineClass, kPlacementMove, id, c.version);
        break;
      }
      case Stage::kCareLeaver: {
        // Supported to 21, or to 25 for those who asked (the share extend_to_25_prob); past 21
        // only the second are still here.
        const double to_age = row.age_years >= p.care_leavers.support_to_age || u(1) < p.care_leavers.extend_to_25_prob
                                  ? 25.0
                                  : p.care_leavers.support_to_age;
        enter(id, Stage::kCareLeaver, 0.0);
        schedule_stage_end(id, std::max(0.5, (to_age - row.age_years) * kDaysPerYear));
        break;
      }
      default: {  // CIN plans, PLO and proceedings: the time left is the only state
        enter(id, row.stage, 0.0);
        schedule_stage_end(id, left(stage_route(row.stage).duration, row.days_in_stage, u(1)));
        break;
      }
    }
    if (log_) log_->seeded(c);
  }
}

}  // namespace caseflow::sim
