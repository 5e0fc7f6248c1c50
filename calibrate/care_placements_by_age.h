#pragma once
// Placement types and placement moves by age on entering care (care.by_age_at_entry's
// placement_shares and placement_moves_per_year): teenagers enter residential homes and
// supported accommodation and move far more often than babies, which drives placement costs.
// From the SSDA903 periods of care: the first placement of each period begun in the window
// (not UASC, whose placements have their own key), and the moves and years in care of every
// period overlapping it (UASC included, as the model moves them at their band's rate).
//
// Each is written by band only where bands explain the data better than one value for every
// age, by the Bayesian information criterion, as the care exits by age are (calibrate/
// estimates.cpp): twice the log-likelihood gain must exceed (extra parameters) x ln(n).
#include <array>
#include <string>
#include <vector>

#include "calibrate/observations.h"
#include "calibrate/share_estimate.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

struct PlacementBandEstimate {
  double from_age = 0, to_age = 0;
  std::array<long long, sim::kPlacements> starts{};  // first placements of periods begun in the window
  long long n = 0;                                  // their total
  std::array<ShareEstimate, sim::kPlacements> shares{};
  double years = 0;  // years looked after in the window
  long long moves = 0;
  double moves_per_year = 0, moves_low = 0, moves_high = 0;  // with its 95% interval
  bool shares_written = false, moves_written = false;
};

struct PlacementsByAge {
  std::vector<PlacementBandEstimate> bands;  // on the edges given, youngest first
  bool shares_by_band = false, moves_by_band = false;
  std::string shares_test, moves_test;  // the criterion's figures, for the comments and warnings
};

// The bands on `edges` (ages at entry, from 0 to 18). A band's shares are written when it holds
// at least `min_count` first placements and its moves when it holds at least `min_count` years
// in care; the criterion compares the bands that qualify against one value for all of them.
// With `pool`, a band short of either is first merged with the neighbour holding fewer first
// placements (each merge named in `pooled`), so that every band qualifies for both.
PlacementsByAge placements_by_age(const Observations& o, std::vector<double> edges, long long min_count, bool pool,
                                  std::vector<std::string>& pooled);

}  // namespace caseflow::calibrate
