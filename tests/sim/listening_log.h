#pragma once
// A JourneyLog that ignores every event: a test overrides only the events it counts.
#include "sim/journey_log.h"

namespace caseflow::sim::testing {

struct ListeningLog : JourneyLog {
  void seeded(const Child&) override {}
  void referral(const Child&, Source, double) override {}
  void referral_nfa(const Child&, double) override {}
  void assessment_started(const Child&, double) override {}
  void assessment_completed(const Child&, double) override {}
  void found_in_need(const Child&, double) override {}
  void s47_started(const Child&, double) override {}
  void icpc(const Child&, double) override {}
  void stage_changed(const Child&, Stage, Stage, double) override {}
  void placement_moved(const Child&, double) override {}
  void care_ended(const Child&, CareExit, double) override {}
  void day_started(int, const Workforce&) override {}
};

}  // namespace caseflow::sim::testing
