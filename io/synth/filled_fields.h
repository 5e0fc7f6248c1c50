#pragma once
// The fields of the returns the model has no value for (a child's sex, ethnicity, UPN,
// disability, need code, category of abuse, the referral source within the model's source
// group, a placement change's reason; a worker's birth date, gender, ethnicity, origin and
// reason for leaving), drawn from the distributions docs/synthetic-returns.md lists with
// their sources. Every draw is keyed by (seed, record, field) on a stream of its own, so a
// synth run is a pure function of its seed, and no field's draw moves another's.
#include <cstdint>
#include <string>

#include "sim/engine/random.h"
#include "sim/scenario.h"

namespace caseflow::synth {

class FilledFields {
 public:
  explicit FilledFields(std::uint64_t seed);

  // A child's (by the model's never-reused serial).
  std::string sex(std::uint64_t child) const;        // 1 male, 2 female (SSDA903 to 2023-24, CIN GenderCurrent)
  std::string ethnicity(std::uint64_t child) const;  // SSDA903 ETHNIC / CIN Ethnicity
  std::string upn(std::uint64_t child) const;        // of valid form and check letter: LA 999 (none) and the serial
  std::string disability(std::uint64_t child) const;  // NONE or one CIN census code
  // The k-th referral's or care episode's: the CIN census ReferralSource within the model's
  // source; the primary need (N1..N9, CIN census) and the category of need (N1..N8, SSDA903 CIN).
  // LA services' early help (5D) is a code from collection year 2023; before it, 5A-5C.
  std::string referral_source(std::uint64_t child, int k, sim::Source source, int collection_year) const;
  std::string primary_need(std::uint64_t child, int k) const;
  std::string episode_need(std::uint64_t child, int k) const;
  std::string category_of_abuse(std::uint64_t child, int k) const;  // NEG PHY SAB EMO MUL
  std::string reason_place_change(std::uint64_t child, int k) const;
  std::string source_code(std::uint64_t child, int k) const;
  std::string reason_ceased_at_18(std::uint64_t child, int k) const;  // REC of a young person leaving care at 18
  std::string leaver_activity(std::uint64_t child, int year) const;       // OC3 ACTIV
  std::string leaver_accommodation(std::uint64_t child, int year) const;  // OC3 ACCOM  // any source: the warm start's referrals
  double uniform(std::uint64_t entity, std::uint64_t field) const { return stream_.uniform(entity, field); }

  // The model source a CIN census ReferralSource code was drawn within (the inverse of
  // referral_source: every code belongs to one source).
  static sim::Source model_source_of(const std::string& code);

  // A worker's (by the workforce's serial; a separate key range from children's).
  std::string worker_gender(std::uint64_t worker) const;  // CSWW GenderCurrent 1 male, 2 female
  std::string worker_ethnicity(std::uint64_t worker) const;
  int worker_age_years(std::uint64_t worker) const;  // at the role's start
  std::string reason_leave(std::uint64_t worker) const;  // CSWW reasontype

 private:
  engine::RandomStream stream_;
};

}  // namespace caseflow::synth
