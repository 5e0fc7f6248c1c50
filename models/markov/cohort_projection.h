#pragma once
// A cohort (semi-Markov) projection: the expected numbers in a network of compartments, step
// by step, with no capacity limits. Durations are not exponential (a stage's hazard depends on
// the time already spent in it), so each compartment keeps its entries by the step they came
// in: the expected exits at step t are sum over k of entries(t - k) x pmf(k), a convolution of
// the entries with the duration. On exit the individuals are routed by fixed shares to other
// compartments, which they enter at the same step, or they leave the network.
//
// Why structured vectors and not one sparse transition matrix over states expanded by time
// in compartment: the expanded matrix is a shift plus a hazard per compartment, so a sparse
// product costs what the convolution costs while storing the shift explicitly; the age limit
// below depends on the entry step and the individual's age, which a time-homogeneous matrix
// cannot hold without one more dimension. The entries are kept as Eigen vectors, and each
// exit count is one Eigen dot product of an entry history with a reversed pmf.
//
// Individuals carry a clock: the steps since they entered the network (0 for inflow and for
// the initial occupancy at the start). The projection tracks the clock's total in every
// flow, so the mean clock of any entry is known. A compartment may have an age limit: an
// individual's age is its age on entering the network plus its clock, and it must leave when
// the age reaches the limit (children leave care at 18). Ages on entering come from the
// distribution of the individual's age family (children referred at their first contact
// have the referral ages; others a uniform age): each inflow and initial cohort names its
// family, and the projection carries every flow's count by family. Only the entry's mean
// clock is kept, so its ages are the family's distribution shifted by that mean: exact
// where the distribution's density is linear over the spread of the clocks.
//
// Time: instants 0, 1, ..., steps - 1. At each instant, first every compartment's exits are
// worked out (they depend only on earlier entries, as no duration is shorter than one step),
// then routed, and the external inflow arrives; the stock after the instant is the stock
// before it plus its entries less its exits. With an age limit a compartment's entries of an
// instant are a cohort whose every future exit is scheduled once the instant is complete
// (one vector expression over the cohort's future), as their age depends on the entry.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "models/markov/step_duration.h"

namespace caseflow::models::markov {

constexpr int kLeave = -1;  // a destination outside the network

struct Destination {
  int compartment = kLeave;
  double share = 0;
};

// Where exits go. Those who stayed `long_from` steps or more go by `to_long` (care leavers
// must have been in care 13 weeks); the others by `to`. Shares need not sum to 1: the rest
// leaves the network.
struct Routing {
  std::vector<Destination> to{};
  int long_from = std::numeric_limits<int>::max();
  std::vector<Destination> to_long{};
};

constexpr int kMaxAgeFamilies = 4;

struct AgeLimit {
  // By age family: P(age on entering the network <= j steps), j = 0, 1, ... (taken as 1
  // beyond the table); linear between steps. One table for each of the network's families.
  std::vector<std::vector<double>> entry_age_cdfs{};
  double limit = 0;   // the age, in steps, at which individuals must leave
  Routing routing{};  // for those who leave at the limit (long_from counts steps in the compartment)
  // Only the part of each entering cohort whose age on entering lies in [entry_from,
  // entry_to) steps comes in; the rest is taken to enter sibling compartments routed the same
  // flow (care split by the band of age at entry: each band's compartments are sent the whole
  // flow and keep their band's part, so the shares routed to them may sum to more than 1).
  // The ages are the family's shifted by the entry's mean clock, as for the limit.
  double entry_from = -std::numeric_limits<double>::infinity();
  double entry_to = std::numeric_limits<double>::infinity();
  bool has_entry_window() const { return std::isfinite(entry_from) || std::isfinite(entry_to); }
};

// Part of the occupancy at the start, given by when its members will leave: `exits[t]` of
// them at instant t (t >= 1; exits[0] must be 0), routed by `to`, or as the compartment's
// exits of one kind are routed at that instant (so dated changes of the routing reach them).
// Members not in `exits` stay beyond the projection. The caller works out the schedule (for
// a stage in a steady state, equilibrium_residual of its duration times the count).
enum class RoutedAs { kOwnDestinations, kShortStay, kLongStay, kAgeLimitShortStay, kAgeLimitLongStay };
struct InitialCohort {
  double count = 0;
  std::vector<double> exits{};
  std::vector<Destination> to{};
  int family = 0;  // the age family of its members
  RoutedAs routed_as = RoutedAs::kOwnDestinations;
};

// From instant `from` on, a compartment's exits go by these routings (a dated change of a
// stage's outcome shares): `routing` for those leaving by their duration, `at_age_limit` for
// those leaving at the age limit. The long stay starts where it did (long_from unchanged).
struct RoutingChange {
  int from = 0;
  Routing routing{};
  Routing at_age_limit{};
};

struct Compartment {
  std::string name{};
  int group = -1;  // the reported stock this compartment counts in; -1: none
  StepPmf duration{};
  // Whether the duration counts every step or only the network's working instants (working
  // days): then an entry at instant s leaves at the n-th working instant after s, as a
  // duration in working days does on a calendar, so stocks keep their weekly and bank-holiday
  // pattern. Not with an age limit.
  bool counts_working_steps = false;
  // Exits due on an instant that is not a working one wait (still in the compartment) for the
  // next working instant: a returning child's contact waits for the front door to open.
  bool exits_wait_for_working = false;
  Routing routing{};
  bool has_age_limit = false;
  AgeLimit age_limit{};
  std::vector<InitialCohort> initial{};
  std::vector<RoutingChange> routing_changes{};  // ascending by `from`
};

struct Network {
  std::vector<std::string> groups{};  // names of the reported stocks
  std::vector<Compartment> compartments{};
  // Instants on which work is done (1) or not (0), for the two options above; empty: all.
  std::vector<char> working{};
  int age_families = 1;  // at most kMaxAgeFamilies
};

// Entries from outside the network, at clock 0: `per_step[t]` at instant t.
struct Inflow {
  int compartment = 0;
  std::vector<double> per_step{};
  int family = 0;  // the age family of the entrants
};

struct Projection {
  int steps = 0;
  // By compartment (rows) and instant (columns): the stock after the instant, and its entries
  // and exits at the instant (moves between compartments count as an exit and an entry).
  Eigen::MatrixXd stock, entries, exits;
  double left = 0;  // the total that left the network
};

// Throws std::invalid_argument for a destination that names no compartment, a pmf with mass
// at step 0, or shares or counts that are negative or not finite.
Projection project(const Network& network, const std::vector<Inflow>& inflows, int steps);

// A projection summed by group and period: the stock at each period's end (the stock after
// its last instant), and the entries and exits within it. `period_starts` are ascending
// instants, the first 0; period p covers [period_starts[p], period_starts[p + 1]), the last
// ending at the projection's end.
struct GroupSeries {
  Eigen::MatrixXd stock, starts, ends;  // group (rows) x period (columns)
};
GroupSeries by_group_and_period(const Network& network, const Projection& projection,
                                const std::vector<int>& period_starts);

}  // namespace caseflow::models::markov
