#include "io/key_validators.h"

#include <cmath>
#include <vector>

#include "io/key_reader.h"
#include "io/school_calendar_check.h"

namespace caseflow::io {

Validator sums_to_one() {
  return {"sums to 1", "the shares add up to 1", [](KeyCheck& c) {
            double sum = 0;
            for (double s : c.numbers(c.key())) sum += s;
            if (std::fabs(sum - 1) > 1e-6) c.fail(c.key(), "shares sum to " + std::to_string(sum) + ", not 1");
          }};
}

Validator averages_one() {
  return {"mean 1", "the multipliers average 1", [](KeyCheck& c) {
            double sum = 0;
            const auto& values = c.numbers(c.key());
            for (double v : values) sum += v;
            const double mean = values.empty() ? 1.0 : sum / static_cast<double>(values.size());
            // Within 0.005: a profile written to 3 decimals may be off by a few thousandths.
            if (std::fabs(mean - 1) > 0.005) c.fail(c.key(), "the multipliers average " + std::to_string(mean) + ", not 1");
          }};
}

Validator not_above(const std::string& other_key) {
  return {"<= " + other_key, "not above " + other_key, [other_key](KeyCheck& c) {
            if (c.value<double>(c.key()) > c.value<double>(other_key)) c.fail(c.key(), "must not exceed " + other_key);
          }};
}

Validator in_working_days() {
  return {"in working days", "given in working days (median_wd, p90_wd, mean_wd, value_wd or upper_wd)",
          [](KeyCheck& c) {
            if (c.value<sim::Distribution>(c.key()).unit != sim::TimeUnit::kWorkingDays)
              c.fail(c.key(), "must be given in working days (for example median_wd and p90_wd): the statutory clocks "
                              "it runs against count working days");
          }};
}

Validator age_bands() {
  return {"age bands",
          "one probability per band (one fewer than band_edges_years), edges increasing, probabilities summing to 1",
          [](KeyCheck& c) {
            const auto& edges = c.value<std::vector<double>>("band_edges_years");
            const auto& probs = c.value<std::vector<double>>("probs");
            if (edges.size() != probs.size() + 1)
              c.fail("probs", "needs one probability per band: one fewer than band_edges_years");
            double sum = 0;
            for (std::size_t i = 0; i < probs.size(); ++i) {
              if (edges[i + 1] <= edges[i]) c.fail("band_edges_years", "edges must increase");
              sum += probs[i];
            }
            if (std::fabs(sum - 1) > 1e-6) c.fail("probs", "probabilities sum to " + std::to_string(sum) + ", not 1");
          }};
}

Validator multiplier_bands() {
  return {"multiplier bands", "edges increasing from 0 to 18, one multiplier per band (one fewer than band_edges_years)",
          [](KeyCheck& c) {
            const auto& edges = c.value<std::vector<double>>("band_edges_years");
            const auto& multipliers = c.value<std::vector<double>>("multipliers");
            if (edges.size() < 2 || edges.front() != 0 || edges.back() != 18)
              c.fail("band_edges_years", "must start at 0 and end at 18, so every child is in a band");
            for (std::size_t i = 0; i + 1 < edges.size(); ++i)
              if (edges[i + 1] <= edges[i]) c.fail("band_edges_years", "edges must increase");
            if (multipliers.size() + 1 != edges.size())
              c.fail("multipliers", "needs one multiplier per band: one fewer than band_edges_years");
          }};
}

Validator school_calendar() {
  return {"school calendar",
          "`holidays: []` turns the calendar off (the multipliers go back to their defaults); with holidays "
          "listed, holiday_multiplier is required, and the holidays must cover the horizon unless "
          "outside_listed is typical_english_rule",
          [](KeyCheck& c) {
            sim::SchoolTerms terms;
            terms.holidays = c.value<std::vector<sim::SchoolHoliday>>("holidays");
            terms.outside_listed = c.value<std::string>("outside_listed");
            if (terms.outside_listed != "error" && terms.outside_listed != "typical_english_rule")
              c.fail("outside_listed", "must be error or typical_english_rule, not '" + terms.outside_listed + "'");
            if (terms.holidays.empty()) {
              for (const char* key : {"holiday_multiplier", "end_of_term_multiplier", "end_of_term_days"})
                c.reset_to_default(key);
            } else {
              c.section().require("holiday_multiplier");
              if (const auto gap = school_calendar_gap(terms, c.scenario())) c.fail("holidays", *gap);
            }
          }};
}

}  // namespace caseflow::io
