#pragma once
// The one fact the returns code differently from each other and over time: a child's sex.
// The History keeps it as whichever return gave it (SSDA903 1/2 to 2023-24 and M/F/U from
// 2024-25; CIN census GenderCurrent 0/1/2/9), and each return is written in its own code:
//   male:   SSDA903 1 (to collection year 2024) or M (from 2025); CIN 1
//   female: SSDA903 2 or F;                                          CIN 2
//   not recorded (CIN 0, SSDA903 U):        SSDA903 U from 2025, none before; CIN 0
//   indeterminate (CIN 9):                  SSDA903 U from 2025, none before; CIN 9
// Before 2024-25 the SSDA903 had no code for a sex other than male or female, so such a
// child cannot be written to those years' tables (nullopt; the writer stops).
#include <optional>
#include <string_view>

namespace caseflow::returns {

// The SSDA903 SEX code for collection year `collection_year`, or nullopt when that year's
// code list has none for `sex` (or `sex` is not a code of either return).
std::optional<std::string_view> ssda903_sex_code(std::string_view sex, int collection_year);

// The CIN census GenderCurrent code, or nullopt when `sex` is not a code of either return.
std::optional<std::string_view> cin_gender_code(std::string_view sex);

}  // namespace caseflow::returns
