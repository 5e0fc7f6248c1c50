#pragma once
// One replication: demand feeds the children's journey, the journey asks the workforce for
// workers, the recorder tallies each month. A pure function of (scenario, seed, replication
// id). The model owns the event loop, the calendar's days and the wiring; the journey and the
// workforce own their state and their month-end figures.
#include <cstdint>

#include "sim/demand/demand.h"
#include "sim/demand/level_paths.h"
#include "sim/engine/calendar.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/random.h"
#include "sim/journey/journey.h"
#include "sim/journey_log.h"
#include "sim/recorder.h"
#include "sim/scenario.h"
#include "sim/workforce/workforce.h"

namespace caseflow::sim {

struct ReplicationResult {
  MonthlyResult monthly;
  std::uint64_t events = 0;
  std::uint64_t fingerprint = 0;
  std::size_t peak_child_records = 0;
};

// A demand model prepared for every period of the scenario, to share between replications.
DemandModel prepared_demand(const Scenario& scenario, const engine::Calendar& calendar);

ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication);
// The same with a journey log attached (`caseflow synth`): the outputs are exactly those
// without one.
ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar,
                                  const DemandModel& demand, std::uint64_t seed, std::uint32_t replication,
                                  JourneyLog& log);
// The same, preparing its own demand model (for a single replication).
ReplicationResult run_replication(const Scenario& scenario, const engine::Calendar& calendar, std::uint64_t seed,
                                  std::uint32_t replication);

class Model {
 public:
  // `demand` must be prepared for every period's demand (prepared_demand).
  Model(const Scenario& scenario, const engine::Calendar& calendar, const DemandModel& demand, std::uint64_t seed,
        std::uint32_t replication, JourneyLog* log = nullptr);
  ReplicationResult run();

 private:
  void on_day(int day);
  void arrive_demand(int day, double now);
  // With demand.level_paths: each source's factor that makes the month's expected first
  // contacts, under the parameters now in force, those of this replication's path.
  void follow_level_path(int month);
  void close_month(int month, double now);
  // The month's costs at the year's price indices, each rounded to the penny, and their total.
  void price_costs(int month);
  void use_parameters(const Parameters& params);

  const Scenario& scenario_;
  const engine::Calendar& calendar_;
  const DemandModel& demand_;
  const Parameters* current_;
  JourneyLog* log_;  // null but in synth
  std::size_t next_epoch_ = 1;
  int months_;
  int current_month_ = 0;
  double end_day_;
  engine::EventQueue queue_;
  engine::RandomStream demand_stream_;
  const DemandLevelPaths* level_paths_;  // null without demand.level_paths
  int level_path_ = 0;                   // replication id mod paths
  PerSource level_path_factor_{};
  Recorder recorder_;
  Workforce workforce_;
  Journey journey_;
  ReplicationResult result_;
};

}  // namespace caseflow::sim
