#pragma once
// The monthly flows and month-end stocks a History's returns carry, each named as the
// monthly.csv metric it is (sim/metrics.cpp), so that a council's returns, or the returns
// `caseflow synth` wrote, can be compared with a replication month by month. Built from
// dates alone (no simulation: layering rule 6); docs/synthetic-returns.md gives each
// definition and the metrics the returns cannot carry.
//
// A month is a calendar month, counted from the one containing `first_day` (month 0 starts
// at first_day itself, so what happened before it, such as a warm start's backdated plans,
// is not counted). An event counts in the month of its date. A stock at a month end counts
// the records open over the night that ends the month: started on or before its last day,
// and not ended by then (no end, or an end on the next month's first day or later), as the
// DfE counts children on a plan or in care at 31 March.
#include <map>
#include <string>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::returns {

struct FlowCounts {
  Day first_day = 0;
  int months = 0;
  // By metric name, then by month: flows in the month (referrals, assessments_started,
  // assessments_completed, s47_enquiries, icpcs, cp_plans_started, repeat_cp_plans,
  // cp_plans_ended, cin_plans_started, cin_plans_ended, cla_started, cla_ceased,
  // care_leavers_started) and stocks at the month's end (cla_open, cp_open, cin_open).
  std::map<std::string, std::vector<double>> monthly;
  // Referrals by ReferralSource code, and children starting care by their first placement
  // (PLACE/PLACE_PROVIDER), by month: the returns' own codes, for a caller that knows how
  // they map to its groups.
  std::map<std::string, std::vector<double>> referrals_by_source, cla_started_by_placement;
  // Stocks only a year's return gives (OC3 is annual): care leavers in touch at 31 March,
  // by the month index of each March end in the span (care_leavers_open).
  std::map<std::string, std::map<int, double>> at_31_march;
};

FlowCounts flow_counts(const History& history, Day first_day, int months);

}  // namespace caseflow::returns
