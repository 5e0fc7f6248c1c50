#pragma once
// What `caseflow inspect-returns` prints about a History it read: counts by collection year
// and each return's date range. Counts are by the date of the event: a referral, assessment
// (completed: its authorisation date), s47 enquiry, ICPC, plan or episode start falls in the
// collection year its date falls in; a child counts in a year when a referral or care episode
// of theirs is open at some point in it.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::returns {

struct YearCounts {
  long children = 0, referrals = 0, assessments_completed = 0, section47s = 0, icpcs = 0, cin_plans = 0, cp_plans_started = 0,
       cp_plans_ended = 0, episodes = 0, cla_starts = 0, cla_ceased = 0, care_leavers = 0;
};

struct WorkforceCounts {
  long workers = 0, agency = 0, case_holders = 0, cases = 0;
  double fte = 0, vacancies_fte = 0;
};

struct ReturnsSummary {
  std::map<int, YearCounts> by_year;           // collection year -> counts (all years any event falls in)
  std::map<int, WorkforceCounts> by_census;     // census year (30 September) -> counts
  std::vector<std::pair<std::string, std::pair<Day, Day>>> date_ranges;  // return -> first, last date
  long children = 0, referrals = 0, episodes = 0;
};

ReturnsSummary summarise(const History& history);

}  // namespace caseflow::returns
