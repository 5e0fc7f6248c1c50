#pragma once
// Dates as the returns write them. Councils' SSDA903 exports mix dd/mm/yyyy, dd/mm/yy and ISO
// yyyy-mm-dd (the DfE tool writes the first, data platforms the last); the XML returns use
// xs:date (ISO). Two-digit years pivot at 70: 00-69 are 2000-2069, 70-99 are 1970-1999 (a
// child or care episode before 1970 is not in any return caseflow reads).
#include <optional>
#include <string>
#include <string_view>

#include "io/returns/history.h"

namespace caseflow::returns {

// The serial day of a date in any of the three forms (surrounding spaces ignored), or
// nullopt when the text is not a real date.
std::optional<Day> parse_return_date(std::string_view text);

std::string format_dmy(Day day);  // dd/mm/yyyy, as the SSDA903 CSV tables write dates
std::string format_iso(Day day);  // yyyy-mm-dd, as the XML returns write xs:date

// The collection year a day falls in: the year whose 31 March ends the April-March year
// (2019-04-01 .. 2020-03-31 is collection year 2020).
int collection_year_of(Day day);
Day collection_year_start(int collection_year);  // 1 April of the year before
Day collection_year_end(int collection_year);    // 31 March

}  // namespace caseflow::returns
