#pragma once
// Care exits as the model runs them (sim/journey/routing.cpp): on entering care a child draws
// an exit route (home, SGO, adoption, other) by the route shares, then the time to it from the
// route's own duration; at 18 the child ages out first. The returns show the route only for
// periods that ended before 18; most periods are still open at the as-of date or cut by the
// 18th birthday, and they are the long ones. So route shares and durations are fitted
// together, by maximum likelihood of a mixture of lognormal durations with right-censoring:
//   an ended period of length t by route r:   share_r x f_r(t)
//   a period open (or cut at 18) at length c: sum over routes of share_r x S_r(c)
// A nonparametric version (Kaplan-Meier within an EM) cannot tell a route's tail beyond the
// data from another route's: the lognormal form is what carries the shares past the window.
// Intervals come from the observed information (a numerical Hessian of the log-likelihood).
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace caseflow::calibrate {

inline constexpr std::size_t kCareRoutes = 4;
inline const std::array<const char*, kCareRoutes> kCareRouteNames = {"home", "sgo", "adoption", "other"};

struct CarePeriodObservation {
  double days = 0;
  int route = -1;  // index into kCareRouteNames, or -1 when the period had not ended by a route
};

// A route's lognormal duration given, not fitted: a band of age at entry with few periods
// ended by a route borrows the route's duration from the fit over every age.
struct GivenDuration {
  double median_days = 0, p90_days = 0;
};

struct CareExitFit {
  struct Route {
    double share = 0, share_low = 0, share_high = 0;
    double median_days = 0, median_low = 0, median_high = 0;
    double p90_days = 0, p90_low = 0, p90_high = 0;
    long long ended = 0;
    bool duration_given = false;  // from `given`, not fitted (its interval is not this fit's)
    bool absent = false;          // no period ended by this route: share 0, not fitted
  };
  std::array<Route, kCareRoutes> routes{};
  long long periods = 0, censored = 0;
  double log_likelihood = 0;  // at the fit: for a likelihood-ratio test between fits of the same periods
  std::size_t parameters = 0;  // free parameters fitted
  bool converged = false;
  bool intervals = false;  // false: the information matrix could not be inverted
};

// `given[r]`, where set, fixes route r's duration instead of fitting it; a route no period
// ended by has share 0 and is left out of the fit (its maximum-likelihood share is 0, on the
// boundary, where the information matrix is singular).
CareExitFit fit_care_exits(const std::vector<CarePeriodObservation>& periods,
                           const std::array<std::optional<GivenDuration>, kCareRoutes>& given = {});

}  // namespace caseflow::calibrate
