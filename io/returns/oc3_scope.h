#pragma once
// Which care leavers the SSDA903's OC3 table follows up: the DfE collects a record for a
// young person in the collection years of their 17th to 21st birthdays. A care leaver
// supported to 25 is not in the return after that, so the writer leaves those years out and
// the calibration reads the returns knowing it (calibrate/observations.cpp, estimates.cpp).
#include "io/returns/history.h"

namespace caseflow::returns {

inline constexpr int kOc3YoungestAge = 17;
inline constexpr int kOc3OldestAge = 21;

// The age a person born on `birth` turns on the birthday that falls in the collection year.
int age_at_birthday_in(Day birth, int collection_year);

// Whether the year's OC3 holds this care-leaver record: a record of that collection year for a
// young person turning 17 to 21 in it. A record of a child with no date of birth counts, so
// that the missing date is reported, not passed over.
bool oc3_collects(const ChildHistory& child, const CareLeaverRecord& r, int collection_year);

}  // namespace caseflow::returns
