#include "io/school_calendar_check.h"

#include "io/user_error.h"
#include "sim/demand/school_term_rule.h"

namespace caseflow::io {

namespace {

engine::CivilDate horizon_last_day(const sim::Scenario& s) {
  const int months = s.start_date.month - 1 + s.horizon_months;
  const engine::CivilDate next_month{s.start_date.year + months / 12, months % 12 + 1, 1};
  return engine::civil_from_days(engine::days_from_civil(next_month) - 1);
}

}  // namespace

std::optional<std::string> school_calendar_gap(const sim::SchoolTerms& terms, const sim::Scenario& scenario) {
  const engine::CivilDate last = horizon_last_day(scenario);
  const auto span = sim::calendar_falls_short(terms, scenario.start_date, last);
  if (!span) return std::nullopt;
  return "the school-term calendar covers " + engine::to_iso(span->first) + " to " + engine::to_iso(span->last) +
         " (the listed holidays, to the next ones they do not name) but the horizon runs " +
         engine::to_iso(scenario.start_date) + " to " + engine::to_iso(last) +
         ": list the holidays it lacks, or set demand.school_terms.outside_listed: typical_english_rule";
}

void check_school_calendars(const sim::Scenario& scenario, const std::string& where) {
  for (const auto& epoch : scenario.epochs)
    if (const auto gap = school_calendar_gap(epoch.parameters.demand.school_terms, scenario))
      throw UserError(where, 0, 0, *gap);
}

}  // namespace caseflow::io
