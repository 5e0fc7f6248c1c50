#pragma once
// A council's own count of contacts by month, which no statutory return carries (the CIN
// census starts at the referral): an optional CSV for `caseflow calibrate --contacts FILE`,
//   month,contacts
//   2023-04,1412
// With it, the front door's referral share is estimated (referrals in the same months over
// contacts); without it, the defaults' share stands. Errors name the file, line and field.
#include <map>
#include <string>

namespace caseflow::calibrate {

// By month as year x 12 + month - 1.
std::map<int, double> read_contact_counts(const std::string& path);

}  // namespace caseflow::calibrate
