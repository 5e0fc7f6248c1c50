#pragma once
// Numbers and counts as calibrate writes them into council.yaml and its comments.
#include <string>
#include <vector>

namespace caseflow::calibrate {

// Up to `digits` significant digits, no exponent for everyday magnitudes, never "nan"/"inf"
// (throws std::logic_error: every number written must be finite).
std::string number_text(double value, int digits = 4);
// A share with 4 decimals (0.1235): shares written this way sum exactly when the last one is
// 1 less the others, as the scenario format's check of shares summing to 1 needs.
std::string share_text(double share);
// Shares of one whole as share_text writes them, rounded so that they add up to exactly 1:
// ten-thousandths by the largest remainder (each share's rounding down, then the ten-
// thousandths left over to those it cut most), so no share moves by more than 0.0001.
std::vector<std::string> whole_shares_text(const std::vector<double>& shares);
// A count with thousands separators: 12,345.
std::string count_text(long long n);
// A share as a percentage with one decimal: 12.3%.
std::string percent_text(double share);

}  // namespace caseflow::calibrate
