#pragma once
// An optional observer of one replication, for `caseflow synth` (io/synth/): the journey
// tells it each event the statutory returns record (referrals, assessments, s47 enquiries,
// ICPCs, every change of stage, placement moves, how care ended, the warm start's children
// with their backdated dates), and the model tells it each day's start, when the workforce
// can be read as it stood at the end of the day before. The log only reads: it draws no
// random number and changes no state, so a replication with a log gives exactly the
// outputs of one without. Without a log (every `caseflow run`) each event costs one test
// of a null pointer.
#include <cstdint>

#include "sim/scenario.h"
#include "sim/stage.h"

namespace caseflow::sim {

struct Child;
class Workforce;

// How a period of care ended, as the journey decides it (routing.cpp, on_stage_end).
enum class CareExit : std::uint8_t {
  kHome,        // the exit route drawn on entering care: home to parents or family
  kSgo,         // a special guardianship order
  kAdoption,    // adopted
  kOther,       // any other exit route (independent living, other orders)
  kCareLeaver,  // left care at 18 after the minimum time looked after: a care leaver
  kAgedOut,     // left care at 18 without qualifying as a care leaver
};

class JourneyLog {
 public:
  virtual ~JourneyLog() = default;
  // A child of the warm start, once its stage and backdated dates are set (referral_day,
  // strategy_day, cp_start_day, care_start_day are then before day 0).
  virtual void seeded(const Child& c) = 0;
  virtual void referral(const Child& c, Source source, double now) = 0;
  virtual void referral_nfa(const Child& c, double now) = 0;  // closed at referral, no assessment
  virtual void assessment_started(const Child& c, double now) = 0;
  virtual void assessment_completed(const Child& c, double now) = 0;
  virtual void found_in_need(const Child& c, double now) = 0;  // a CIN episode starts (DfE)
  virtual void s47_started(const Child& c, double now) = 0;
  virtual void icpc(const Child& c, double now) = 0;
  // Every change of stage, kNone at either end for a case opening or closing. On entering
  // care c.placement is the first placement.
  virtual void stage_changed(const Child& c, Stage from, Stage to, double now) = 0;
  virtual void placement_moved(const Child& c, double now) = 0;  // c.placement is the new one
  virtual void care_ended(const Child& c, CareExit exit, double now) = 0;  // before the stage change
  // The start of a day: the workforce as it stood at the end of the day before.
  virtual void day_started(int day, const Workforce& workforce) = 0;
};

}  // namespace caseflow::sim
