#pragma once
// A child known to the service. Records persist while a case is open or a return is due,
// so re-referrals and repeat CP plans follow from each child's own history.
#include <cstdint>

#include "sim/metrics.h"
#include "sim/scenario.h"
#include "sim/workforce/workforce.h"

namespace caseflow::sim {

struct Child {
  // Read for every event (staleness), every draw (the key) and every month (visits): kept
  // together in the record's first 40 bytes, so those reads touch one cache line or two.
  std::uint64_t serial = 0;     // keys the child's random draws; never reused
  std::uint32_t version = 0;    // bumped at every stage change; stale events are ignored
  std::uint32_t worker = kNoWorker;
  std::uint16_t episode = 0;    // referrals so far; part of the draw key
  std::uint16_t visit = 0;      // stage entries so far; part of the draw key, so a second CIN
                                // plan in one episode gets fresh draws, not the first one's
  Stage stage = Stage::kNone;
  bool in_use = false;
  bool waiting = false;
  Team team = Team::kFrontDoor;
  double care_start_day = 0.0;
  double pace = 1.0;

  std::uint16_t cp_plans = 0;   // CP plans so far
  Placement placement = Placement::kInHouseFoster;
  bool uasc = false;
  bool had_worker = false;
  bool in_need = false;  // in a CIN episode: found in need and not yet closed
  // The assessment and s47 path.
  bool harm_suspected = false, s47 = false, icpc_planned = false, counts_assessment = true;
  bool strategy_done = false, work_scheduled = false;
  // An s47 enquiry under way at a council's warm start (initial_children.cpp): its working
  // days left, drawn given the days already gone, are in work_duration, and its work resumes
  // with them instead of starting afresh (read once, by schedule_assessment_work).
  bool enquiry_resumes = false;
  // The DfE's year measures (month_end.cpp): placements and social workers in the financial
  // year to date, reset each April (saturating: only "3 or more" is read), and the day the
  // current placement started (whole days, as dates count; 16 bits reach 89 years, the
  // horizon at most 50). They fill the padding before the doubles.
  std::uint8_t placements_in_year = 0, workers_in_year = 0;
  std::int16_t placement_start_day = 0;
  // The band of age at entry into care whose exits this child takes (Care::by_age_at_entry;
  // 0 without bands), set when care starts: the route read at the exit is the same band's.
  std::uint8_t care_band = 0;
  double birth_day = 0.0;
  double referral_day = -1e9;       // current episode's referral (assessment clock; the CIN
                                    // episode's start, backdated for the warm start's cases)
  double last_referral_day = -1e9;  // previous referral, for re-referrals within 12 months
  double cp_start_day = 0.0;
  double strategy_day = 0.0;
  double work_duration = 0.0;  // wd of work at a normal pace, drawn at referral
  double work_from_day = 0.0;  // when the assessment's work began: the referral, or a late allocation
  std::uint32_t statutory_slot = 0xffffffffu;  // place in the journey's list of children with visits due
  std::uint32_t last_worker = kNoWorker;       // the social worker last counted in workers_in_year
};
// Two cache lines: keep the record from growing unnoticed.
static_assert(sizeof(Child) <= 128, "Child grew past 128 bytes: check what the hot path reads");

}  // namespace caseflow::sim
