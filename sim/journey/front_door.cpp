// The front door: contacts from demand and from returning children queue first come, first
// served, and each working day the front-door team decides as many as it has capacity for.
#include <algorithm>
#include <cmath>

#include "sim/demand/hold_back.h"
#include "sim/journey/journey.h"
#include "sim/keys.h"

namespace caseflow::sim {

using namespace keys;

void Journey::receive_contacts(int day, Source source, std::uint32_t n, double unshocked_intensity) {
  const auto s = index(source);
  today_mix_[s] = unshocked_intensity;
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint64_t entity = first_contact(day, s, k);
    front_door_queue_.push_back({static_cast<double>(day), kNoChild, source, entity,
                                 front_door_stream_.uniform_pair(entity, 1)});
  }
  // Once for the day's n (whole numbers: the same sum as n additions of one).
  if (n > 0) recorder_.add(Metric::kContacts, s, static_cast<double>(n));
}

void Journey::receive_uasc(double age_years, double now) {
  const std::uint32_t id = new_child(age_years, now);
  recorder_.add(Metric::kUascArrivals);
  children_[id].referral_day = now;  // the CIN episode starts on arrival into care
  start_care(id, now, true);
}

void Journey::front_door(int day) {
  // The day's decision capacity: front-door staff in post, less sickness absence. Contacts
  // not reached wait for the next working day.
  const double fte = static_cast<double>(workforce_.members(Team::kFrontDoor).size());
  const double available = fte * params().front_door.decisions_per_fte_per_day * (1.0 - workforce_.sickness_share());
  // The fractional part of the day's capacity is used with that probability, so capacity is
  // unbiased whatever the team size.
  auto decisions = static_cast<std::size_t>(std::floor(available + front_door_stream_.uniform(capacity_draw(day), 0)));
  while (decisions-- > 0 && !front_door_queue_.empty()) {
    const Contact c = front_door_queue_.front();
    front_door_queue_.pop_front();
    decide_contact(c, day);
  }
}

void Journey::decide_contact(const Contact& c, int day) {
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

void Journey::arrive_returns(int day) {
  returns_due_.take(static_cast<std::size_t>(day), returns_today_);
  // Scheduling order breaks ties in time, as in the event queue. An insertion sort, stable
  // like std::stable_sort but without its temporary buffer (an allocation a day): a day's
  // returns are a handful, mostly in order already.
  for (std::size_t i = 1; i < returns_today_.size(); ++i) {
    const DueReturns::Due r = returns_today_[i];
    std::size_t j = i;
    for (; j > 0 && r.time < returns_today_[j - 1].time; --j) returns_today_[j] = returns_today_[j - 1];
    returns_today_[j] = r;
  }
  for (const DueReturns::Due& r : returns_today_) prefetch(r.child);
  for (const DueReturns::Due& r : returns_today_) on_return(r.child, r.time);
}

void Journey::on_return(std::uint32_t id, double now) {
  Child& c = children_[id];
  c.episode += 1;  // a new contact: fresh draws for everything that follows
  // The source follows the day's demand mix before shocks (so school returns pause in the
  // holidays); on a non-working day, the monthly mix.
  std::array<double, kSources> weight{};
  double total = 0;
  for (std::size_t k = 0; k < kSources; ++k) total += weight[k] = today_mix_[k];
  if (total <= 0)
    for (std::size_t k = 0; k < kSources; ++k) total += weight[k] = params().demand.contacts_per_month[k];
  double u = draw(id, kReturnSource) * total;
  std::size_t s = 0;
  while (s + 1 < kSources && u > weight[s]) u -= weight[s++];
  // A shock holds the contact back with one minus its multiplier for the source: the child
  // is not seen by that source now and comes back when the shock has had its length
  // (sim/demand/hold_back.h). Where the draw fell within the source's weight is a uniform of
  // its own, so the hold costs no draw and runs without shocks are unchanged.
  const auto& shocks = params().demand.shocks;
  if (!shocks.empty() && weight[s] > 0) {
    const HoldBack hold = hold_back(shocks, calendar_.date_at(now), [s](const DemandShock& k) { return k.multiplier[s]; });
    if (hold.pass < 1.0 && u / weight[s] >= hold.pass) {
      schedule_return(id, now + hold.defer_days);
      return;
    }
  }
  recorder_.add(Metric::kContacts, s);
  const std::uint64_t entity = returning_contact(c.serial, c.episode);
  front_door_queue_.push_back({now, id, static_cast<Source>(s), entity, front_door_stream_.uniform_pair(entity, 1)});
}

}  // namespace caseflow::sim
