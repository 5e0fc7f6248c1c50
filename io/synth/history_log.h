#pragma once
// The journey log (sim/journey_log.h) that builds a returns::History from one replication:
// each child (id = the model's serial) with its referrals to their closure, assessments,
// s47 enquiries and ICPCs, CIN and CP plans, SSDA903 care episodes and care-leaver years;
// each worker's census records at 30 September; the vacancies. The mapping from the model
// to the returns' codes is docs/synthetic-returns.md's; fields the model has no value for
// come from FilledFields.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "io/returns/history.h"
#include "io/synth/filled_fields.h"
#include "sim/engine/calendar.h"
#include "sim/journey/child.h"
#include "sim/journey_log.h"
#include "sim/workforce/workforce.h"

namespace caseflow::synth {

class HistoryLog final : public sim::JourneyLog {
 public:
  HistoryLog(const engine::Calendar& calendar, std::uint64_t seed);

  void seeded(const sim::Child& c) override;
  void referral(const sim::Child& c, sim::Source source, double now) override;
  void referral_nfa(const sim::Child& c, double now) override;
  void assessment_started(const sim::Child& c, double now) override;
  void assessment_completed(const sim::Child& c, double now) override;
  void found_in_need(const sim::Child& c, double now) override;
  void s47_started(const sim::Child& c, double now) override;
  void icpc(const sim::Child& c, double now) override;
  void stage_changed(const sim::Child& c, sim::Stage from, sim::Stage to, double now) override;
  void placement_moved(const sim::Child& c, double now) override;
  void care_ended(const sim::Child& c, sim::CareExit exit, double now) override;
  void day_started(int day, const sim::Workforce& workforce) override;

  // The history, once the replication has run: OC3 years and the returns' years filled in,
  // children sorted by id. `last_day` is the horizon's last day (serial).
  returns::History take(returns::Day last_day);

 private:
  // What is open for a child now (indices into its ChildHistory's vectors, or -1).
  struct Open {
    std::size_t child = 0;
    int referral = -1, assessment = -1, s47 = -1, cin_plan = -1, cp_plan = -1, episode = -1;
    bool in_need = false;
    sim::CareExit exit = sim::CareExit::kOther;
    int episodes = 0;  // care episodes so far, keying their filled fields
    std::optional<returns::Day> leaver_start, leaver_end;  // care-leaver support
  };
  struct WorkerLog {
    std::uint64_t serial = 0;
    sim::Team team = sim::Team::kAssessment;
    sim::StaffType first_type = sim::StaffType::kPermanent;  // when first seen
    sim::StaffType type = sim::StaffType::kPermanent;        // now
    returns::Day start = 0;
    std::optional<returns::Day> end;
  };

  returns::Day day(double t) const;
  double working_days_lost(const WorkerLog& w, returns::Day census_day) const;
  Open& open(const sim::Child& c);
  returns::ChildHistory& child(const Open& o) { return history_.children[o.child]; }
  returns::Referral& new_referral(const sim::Child& c, Open& o, returns::Day date, const std::string& source);
  void add_assessment(Open& o, returns::Day start, std::optional<returns::Day> authorised);
  void add_s47(Open& o, returns::Day start);  // at the strategy discussion
  void open_cp_plan(const sim::Child& c, Open& o, returns::Day start);
  void open_episode(const sim::Child& c, Open& o, returns::Day start, const char* reason_new, const std::string& legal_status);
  void close_episode(Open& o, returns::Day end, const std::string& reason_ceased);
  void close_referral(Open& o, returns::Day date, const char* reason);
  void census(int year, returns::Day census_day, const sim::Workforce& workforce);

  const engine::Calendar& calendar_;
  int start_serial_;
  FilledFields fill_;
  bool seeding_ = true;  // until the first day starts: the warm start's stage entries come with seeded()
  returns::History history_;
  std::unordered_map<std::uint64_t, Open> open_;  // by child serial
  std::vector<WorkerLog> workers_;                 // every worker seen, in order of first sight
  std::vector<std::size_t> slot_worker_;           // by workforce slot: index into workers_ + 1, 0 if empty
  std::optional<returns::Day> last_census_;
  // Sickness: the day's share of staff off sick summed over weekdays, from the start to each
  // day (element k: days 0 .. k-1), for the census's working days lost.
  std::vector<double> sickness_to_day_{0.0};
};

}  // namespace caseflow::synth
