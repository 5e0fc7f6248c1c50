#pragma once
// One place for what orders events and keys random numbers: the event kinds, their priority
// classes within a day, the random streams' purposes, and how each purpose lays out its
// entity keys.
//
// Why the layouts keep common random numbers: every draw is a pure function of (seed,
// replication, purpose, entity, draw), never of how many draws came before. A purpose is a
// stream of its own, so a change in how often one part of the model draws (more staff, a
// longer queue) cannot shift another part's numbers. Within a purpose, entities are keyed by
// what they are (a day and source, a child's serial, a worker's serial), not by when they
// happened to be created, and the key ranges below are disjoint, so two scenarios that differ
// in one parameter give the same child the same numbers for the same decision.
#include <cstdint>

namespace caseflow::sim {

// Event kinds. The numbers enter the run fingerprint, so they are fixed.
enum EventKind : std::uint32_t {
  kDay = 1,        // the start of a day: demand, the front door, daily costs
  kStageEnd,       // a child's stage ends (duration drawn on entry)
  kStrategy,       // a strategy discussion is held
  kIcpc,           // an initial child protection conference is held
  kCpReview,       // a CP review is due
  kPlacementMove,  // a child in care moves placement
  kAgeOut,         // a child in care reaches 18
  kHeldEntry,      // a shock's hold on a child's entry into a stage ends (route again)
  kStaffLeave = 100,  // a worker leaves (the workforce's kinds start here)
  kStaffConvert,      // an agency worker becomes permanent
  kCampaignEnd,       // a permanent recruitment campaign ends
  kAgencyArrive,      // an agency worker arrives
};
constexpr std::uint32_t kFirstWorkforceEvent = kStaffLeave;

// Priority classes: at equal times, lower classes run first. The day's start comes before
// everything else that day; staffing changes before the journey's events, so a case ending
// at the instant a worker arrives sees the new worker; reviews and moves last.
enum PriorityClass : std::uint8_t {
  kDayClass = 0,
  kStaffClass = 2,
  kStageClass = 3,   // stage ends, strategy discussions, ICPCs, ageing out, held entries
  kRoutineClass = 4, // CP reviews, placement moves
};

// Random-stream purposes: the third part of every stream key.
enum Purpose : std::uint32_t {
  kDemandPurpose = 1,  // daily contact counts and UASC arrivals
  kFrontDoorPurpose,   // front-door decisions and the day's capacity
  kChildPurpose,       // every decision in a child's journey
  kWorkforcePurpose,   // turnover, conversion, recruitment
  kInitialPurpose,     // the warm start's open caseload
};

namespace keys {

// Demand (kDemandPurpose) and the front door (kFrontDoorPurpose): one entity per day and
// source, with the day offset so that days before the start stay positive. Source 7 is UASC.
constexpr std::uint64_t kDayOffset = 100'000;
constexpr std::uint64_t kUascSource = 7;
constexpr std::uint64_t day_source(int day, std::uint64_t source) {
  return (static_cast<std::uint64_t>(day + static_cast<int>(kDayOffset))) * 8 + source;
}
// The k-th first contact of a day and source (front door): above 2^31, so disjoint from the
// day's capacity draw, which is keyed by the day alone.
constexpr std::uint64_t first_contact(int day, std::uint64_t source, std::uint32_t k) {
  return day_source(day, source) * 4096 + k;
}
constexpr std::uint64_t capacity_draw(int day) { return static_cast<std::uint64_t>(day); }
// A known child's returning contact (front door): top bit range, by serial and episode.
constexpr std::uint64_t returning_contact(std::uint64_t serial, std::uint16_t episode) {
  return (std::uint64_t{1} << 62) | (serial << 8) | (episode & 0xffu);
}

// A child's journey (kChildPurpose), by the child's serial. Decisions take slots within the
// child's episode and stage visit (see ChildDraws): blocks below 2^38. Timed draws that are
// not tied to a stage visit are keyed by the day they happen, in ranges above that.
constexpr std::uint64_t cp_review(double now) { return (std::uint64_t{1} << 40) + static_cast<std::uint64_t>(now); }
constexpr std::uint64_t placement_move(double now) {
  return (std::uint64_t{1} << 41) + static_cast<std::uint64_t>(now);
}

// A child's decisions within one episode and stage visit (kChildPurpose). Each decision has
// its own slot, so a child's n-th stage of its m-th episode sees the same random numbers in
// every scenario (common random numbers by design), and a repeated stage never replays an
// earlier stage's draws. Slots 2k and 2k+1 share one Threefry block (the journey keeps the
// last block). The first six pairs are decisions drawn together at one point of the journey,
// so the second of each costs nothing; the rest are paired by position only.
enum ChildSlot : std::uint64_t {
  kReferralNfa, kHarm,             // at referral
  kAssessDuration, kStrategyDelay, // at referral
  kS47, kIcpcHeld,                 // at the strategy discussion
  kCpPlan, kAssessOutcome,         // at the ICPC
  kReturnDraw, kReturnDelay,       // at closure
  kCareExit, kCareDuration,        // on entering care
  kPlacement, kMoveDelay,
  kIcpcDelay, kS47Duration,
  kCinDuration, kCinOutcome,
  kCpDuration, kCpOutcome,
  kPloDuration, kPloOutcome,
  kProcDuration, kProcOutcome,
  kLeaverExtend, kReturnSource,
  kStepUpStrategy, kPriorCpPlan,
  kFirstFreeSlot,  // slots from here on are free for stages a table adds
  kSlotsPerVisit = 64
};
// The Threefry block of a slot: (episode, stage visit) x 64 slots, halved, stays below 2^38.
constexpr std::uint64_t child_block(std::uint16_t episode, std::uint16_t visit, std::uint64_t slot) {
  const std::uint64_t visit_key = (std::uint64_t{episode} << 16) | visit;
  return (visit_key * kSlotsPerVisit + slot) >> 1;
}

// Workforce (kWorkforcePurpose): workers by serial (small numbers); campaigns and agency
// requests above 2^40 by their running number.
constexpr std::uint64_t kCampaignEntity = std::uint64_t{1} << 40;
constexpr std::uint64_t campaign(std::uint64_t number) { return kCampaignEntity + number; }
// A worker's draws (entity: the worker's serial). Leaving is drawn per staff type (slot
// kLeaveDraw + 4 x type), so a worker who changes type draws afresh.
enum WorkerSlot : std::uint64_t { kLeaveDraw = 0, kConvertDraw = 1 };
constexpr std::uint64_t leave_slot(std::uint64_t staff_type) { return kLeaveDraw + 4 * staff_type; }
// A campaign's or agency request's draws (entity: campaign()).
enum CampaignSlot : std::uint64_t { kCampaignOutcome = 0, kPermanentLead = 1, kAgencyLead = 2 };

}  // namespace keys
}  // namespace caseflow::sim
