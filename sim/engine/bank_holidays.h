#pragma once
// Bank holidays in England and Wales: the fixed rules (with substitute days when a holiday
// falls at a weekend), Easter computed, and the one-off changes proclaimed since 1995.
#include <vector>

#include "sim/engine/civil_date.h"

namespace caseflow::engine {

CivilDate easter_sunday(int year);  // Gregorian computus (Meeus/Jones/Butcher)
std::vector<CivilDate> bank_holidays_england_wales(int year);

}  // namespace caseflow::engine
