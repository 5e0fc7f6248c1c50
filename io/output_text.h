#pragma once
// How numbers and labels are written in the CSV outputs, one rule for every writer
// (docs/outputs.md, "Numbers"): money to the penny, other values to 6 significant digits,
// never in scientific notation, and nothing that is not finite.
#include <string>

#include "sim/metrics.h"

namespace caseflow::io {

// A summary statistic: 6 significant digits, but never rounded into its whole part (a value
// of a million or more keeps every whole digit), in fixed notation with no trailing zeros;
// empty for NaN (no value) and for an infinity (never written as a number).
std::string summary_number(double v);
// Money: pounds to the penny, always 2 decimals ("1234.50"); empty for NaN or an infinity.
std::string money_number(double v);
// A per-replication figure: the shortest decimal that reads back as exactly the same double,
// never in scientific notation, so a user's quantiles of these values are caseflow's; empty
// for NaN or an infinity.
std::string exact_number(double v);
// A number in an error message: as exact_number (1000000000000, not 1e+12), and `inf` or
// `nan` for what has no decimal form, since the message must still say what was read.
std::string message_number(double v);
// Whether a metric is money (its unit is GBP): such figures are written with money_number.
bool is_money(const sim::MetricInfo& info);
// The rule for a metric's summary statistics: money_number for money, else summary_number.
std::string metric_number(const sim::MetricInfo& info, double v);
// The rule for a metric's per-replication figures: money_number for money (each month's cost
// is a whole number of pence, so a year's is too), else exact_number.
std::string metric_exact(const sim::MetricInfo& info, double v);
// A JSON document as nlohmann::json::dump writes it, with every number in exponent form
// (1e-05, 5.00773e+07) rewritten in fixed notation with the same value.
std::string without_exponents(const std::string& json);
// An April-March financial year starting in `year`: "2019-20".
std::string financial_year_label(int year);

}  // namespace caseflow::io
