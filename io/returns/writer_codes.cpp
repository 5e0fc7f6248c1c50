#include "io/returns/writer_codes.h"

namespace caseflow::returns {

namespace {

enum class Sex { kMale, kFemale, kNotRecorded, kIndeterminate, kUnknownCode };

Sex sex_of(std::string_view code) {
  if (code == "1" || code == "M") return Sex::kMale;
  if (code == "2" || code == "F") return Sex::kFemale;
  if (code == "0" || code == "U") return Sex::kNotRecorded;
  if (code == "9") return Sex::kIndeterminate;
  return Sex::kUnknownCode;
}

// Collection year 2025 (April 2024 - March 2025) is the first with the M/F/U code list.
constexpr int kFirstLetterSexYear = 2025;

}  // namespace

std::optional<std::string_view> ssda903_sex_code(std::string_view sex, int collection_year) {
  const bool letters = collection_year >= kFirstLetterSexYear;
  switch (sex_of(sex)) {
    case Sex::kMale:
      return letters ? "M" : "1";
    case Sex::kFemale:
      return letters ? "F" : "2";
    case Sex::kNotRecorded:
    case Sex::kIndeterminate:
      if (letters) return "U";
      return std::nullopt;
    case Sex::kUnknownCode:
      break;
  }
  return std::nullopt;
}

std::optional<std::string_view> cin_gender_code(std::string_view sex) {
  switch (sex_of(sex)) {
    case Sex::kMale:
      return "1";
    case Sex::kFemale:
      return "2";
    case Sex::kNotRecorded:
      return "0";
    case Sex::kIndeterminate:
      return "9";
    case Sex::kUnknownCode:
      break;
  }
  return std::nullopt;
}

}  // namespace caseflow::returns
