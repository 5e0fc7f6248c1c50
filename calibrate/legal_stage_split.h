#pragma once
// Which of a council's open court-bound cases are in PLO (pre-proceedings) and which are in
// care proceedings at the as-of date. No return records either stage: the returns show only
// that a CIN or CP plan ended with no visible next step, D days ago. Under the scenario's PLO
// and proceedings durations a case D days on is still in PLO with weight S_plo(D), and in
// proceedings with weight q * integral_0^D f_plo(x) S_proc(D - x) dx (q: the share of PLO
// cases that go to court; those diverted to a CIN plan show one). Each case's probability of
// PLO is its weight over the sum; the cases, in order of D, are assigned by systematic
// sampling on those probabilities, so the PLO count is their sum rounded and the PLO cases
// are spread over D as the probabilities say (a cut at one D would give PLO only the
// youngest cases, whose time left is longest, and overstate PLO in the first months). A case
// put in proceedings has been there D less its expected PLO time given that PLO ended before
// D and proceedings have not.
#include <vector>

#include "sim/distribution.h"
#include "sim/scenario.h"

namespace caseflow::calibrate {

// The probability that a case with no visible step for `days` is still in PLO.
double plo_probability(double days, const sim::Distribution& plo, const sim::Distribution& proceedings, double court_share);

// The days a case with no visible step for `days`, now in proceedings, has been in them.
double days_in_proceedings(double days, const sim::Distribution& plo, const sim::Distribution& proceedings);

// Assigns every kPreProceedings child (days_in_stage = days with no visible step) to PLO or
// to proceedings (its days_in_stage then the days in proceedings); other children untouched.
void split_legal_stages(std::vector<sim::InitialChild>& children, const sim::Distribution& plo, const sim::Distribution& proceedings,
                        double court_share);

}  // namespace caseflow::calibrate
