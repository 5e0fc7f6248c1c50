#include "io/returns/oc3_scope.h"

#include "sim/engine/civil_date.h"

namespace caseflow::returns {

int age_at_birthday_in(Day birth, int collection_year) {
  const auto b = engine::civil_from_days(birth);
  const int calendar_year = b.month >= 4 ? collection_year - 1 : collection_year;
  return calendar_year - b.year;
}

bool oc3_collects(const ChildHistory& child, const CareLeaverRecord& r, int collection_year) {
  if (r.collection_year != collection_year) return false;
  if (!child.birth) return true;
  const int age = age_at_birthday_in(*child.birth, collection_year);
  return age >= kOc3YoungestAge && age <= kOc3OldestAge;
}

}  // namespace caseflow::returns
