#include "io/synth/filled_fields.h"

#include <array>
#include <span>

namespace caseflow::synth {

namespace {

// The purpose of synth's own stream: outside the simulation's purposes (sim/keys.h), so no
// filled field shares a number with a model decision.
constexpr std::uint32_t kFilledFieldsPurpose = 0x53594e54;  // "SYNT"
// Workers' entities sit above every child serial.
constexpr std::uint64_t kWorkerEntity = std::uint64_t{1} << 48;

// Fields, as the draw's slot within a record's entity; the k-th referral or episode's draws
// are at slot field + 16 k.
enum class Field : std::uint64_t {
  kSex, kEthnicity, kDisability, kSourceWithin, kPrimaryNeed, kEpisodeNeed, kAbuse, kPlaceChange, kAnySource, kCeasedAt18, kActivity, kAccommodation
};
constexpr std::uint64_t kFields = 16;

struct Weighted {
  const char* code;
  double weight;
};

std::string pick(std::span<const Weighted> table, double u) {
  double total = 0;
  for (const Weighted& w : table) total += w.weight;
  double x = u * total;
  for (const Weighted& w : table) {
    if (x < w.weight) return w.code;
    x -= w.weight;
  }
  return table.back().code;
}

std::uint64_t slot(Field field, int k = 0) { return static_cast<std::uint64_t>(field) + kFields * static_cast<std::uint64_t>(k); }

// Assumption (docs/synthetic-returns.md): boys are a little over half of children in need
// and looked after.
constexpr std::array<Weighted, 2> kSexCodes = {{{"1", 0.54}, {"2", 0.46}}};
// Assumption: England's children in need by ethnicity, rounded (the DfE's CIN census
// characteristics; no line in public-figures.md).
constexpr std::array<Weighted, 18> kEthnicityCodes = {{{"WBRI", 63}, {"WIRI", 0.3}, {"WOTH", 5}, {"WIRT", 0.2}, {"WROM", 0.8},
                                                   {"MWBC", 2.5}, {"MWBA", 1}, {"MWAS", 1}, {"MOTH", 3}, {"AIND", 1.2},
                                                   {"APKN", 3}, {"ABAN", 1.2}, {"AOTH", 1.5}, {"BCRB", 1.3}, {"BAFR", 3.5},
                                                   {"BOTH", 1.5}, {"OOTH", 3}, {"NOBT", 7}}};
// Assumption: most children in need have no recorded disability.
constexpr std::array<Weighted, 8> kDisabilityCodes = {
    {{"NONE", 86}, {"LD", 3}, {"AUT", 4}, {"BEH", 2}, {"COMM", 2}, {"MOB", 1}, {"CON", 1}, {"HAND", 1}}};
// Assumption: children in need by primary need (the DfE's CIN census shares, rounded).
constexpr std::array<Weighted, 9> kPrimaryNeedCodes = {
    {{"N1", 57}, {"N2", 10}, {"N3", 4}, {"N4", 8}, {"N5", 14}, {"N6", 2}, {"N7", 0.5}, {"N8", 3}, {"N9", 1.5}}};
// Assumption: children starting care by category of need (the DfE's SSDA903 shares, rounded).
constexpr std::array<Weighted, 8> kEpisodeNeedCodes = {
    {{"N1", 65}, {"N2", 3}, {"N3", 3}, {"N4", 8}, {"N5", 13}, {"N6", 1}, {"N7", 0.2}, {"N8", 6.8}}};
// Assumption: CP plans by initial category (the DfE's shares, rounded).
constexpr std::array<Weighted, 5> kAbuseCodes = {{{"NEG", 50}, {"EMO", 38}, {"PHY", 7}, {"SAB", 4}, {"MUL", 1}}};
// Assumption: reasons for a change of placement.
constexpr std::array<Weighted, 8> kPlaceChangeCodes = {{{"CARPL", 40}, {"CREQB", 15}, {"CREQO", 10}, {"LAREQ", 10},
                                                    {"CHILD", 5}, {"STAND", 3}, {"CLOSE", 3}, {"OTHER", 14}}};
// The CIN census codes within each model source (sim::Source order). Police, schools: one
// code each. Health, LA services, individuals: assumption, the sub-codes' split is not in
// the figures. Other: PF L51 (2020's breakdown: other legal agency 25,180, other 31,630,
// education services 13,630, anonymous 13,770, unknown 9,300, housing 8,300).
constexpr std::array<Weighted, 1> kPolice = {{{"6", 1}}};
constexpr std::array<Weighted, 1> kSchools = {{{"2A", 1}}};
constexpr std::array<Weighted, 6> kHealth = {{{"3A", 30}, {"3B", 15}, {"3C", 5}, {"3D", 15}, {"3E", 25}, {"3F", 10}}};
constexpr std::array<Weighted, 4> kLaServices = {{{"5A", 40}, {"5B", 25}, {"5C", 15}, {"5D", 20}}};
constexpr int kFirstEarlyHelpSourceYear = 2023;  // 5D's first collection year
// Individuals: 1A family, 1B acquaintance, 1C self, 1D other.
constexpr std::array<Weighted, 4> kIndividuals = {{{"1A", 55}, {"1B", 20}, {"1C", 10}, {"1D", 15}}};
constexpr std::array<Weighted, 6> kOther = {
    {{"7", 25180}, {"8", 31630}, {"2B", 13630}, {"9", 13770}, {"10", 9300}, {"4", 8300}}};
// Any source, for a warm-start referral whose source the model does not know: PF L51's
// 2020 breakdown of 642,980 referrals.
constexpr std::array<Weighted, 11> kAnySourceCodes = {{{"6", 184760}, {"2A", 117010}, {"5A", 90810}, {"3A", 96300},
                                                  {"1A", 52290}, {"8", 31630}, {"7", 25180}, {"2B", 13630},
                                                  {"9", 13770}, {"10", 9300}, {"4", 8300}}};
// Assumption: how young people leave care at 18 (REC): independent living with support,
// staying put with their carers, independent living without support.
constexpr std::array<Weighted, 3> kCeasedAt18Codes = {{{"E5", 55}, {"E17", 30}, {"E6", 15}}};
// Assumption: care leavers' activity (OC3 ACTIV: F1 higher education, F2 other education,
// F4 training or employment, G4 NEET illness, G5 NEET other, G6 NEET pregnancy or parenting)
// and accommodation (OC3 ACCOM, suitable: U independent, Z with former foster carers, D
// semi-independent, E supported lodgings, B with parents or relatives, K ordinary lodgings;
// S2 no fixed abode, unsuitable).
constexpr std::array<Weighted, 6> kActivityCodes = {{{"F2", 30}, {"F4", 25}, {"G5", 25}, {"F1", 7}, {"G4", 8}, {"G6", 5}}};
constexpr std::array<Weighted, 7> kAccommodationCodes = {
    {{"U1", 35}, {"Z1", 20}, {"D1", 15}, {"E1", 10}, {"B1", 10}, {"K1", 5}, {"S2", 5}}};
// Assumption: children's social workers are mostly women (the DfE's workforce figures give
// about 85%; no line in public-figures.md).
constexpr std::array<Weighted, 2> kWorkerGender = {{{"2", 0.85}, {"1", 0.15}}};
constexpr std::array<Weighted, 10> kWorkerEthnicity = {{{"WBRI", 68}, {"WOTH", 5}, {"WIRI", 1}, {"MOTH", 3}, {"AIND", 2},
                                                        {"APKN", 2}, {"AOTH", 1}, {"BAFR", 9}, {"BCRB", 4}, {"REFU", 5}}};
// Assumption: leavers by reason (CSWW reasontype): mostly resignations.
constexpr std::array<Weighted, 5> kReasonLeave = {{{"1", 75}, {"5", 8}, {"4", 3}, {"7", 6}, {"8", 8}}};

// The UPN check letter (DfE, "Unique pupil numbers"): the sum of the 12 digits weighted 2..13
// by position, modulo 23, indexes this alphabet.
constexpr const char* kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

}  // namespace

FilledFields::FilledFields(std::uint64_t seed) : stream_({seed, 0, kFilledFieldsPurpose}) {}

std::string FilledFields::sex(std::uint64_t child) const { return pick(kSexCodes, stream_.uniform(child, slot(Field::kSex))); }
std::string FilledFields::ethnicity(std::uint64_t child) const { return pick(kEthnicityCodes, stream_.uniform(child, slot(Field::kEthnicity))); }
std::string FilledFields::disability(std::uint64_t child) const {
  return pick(kDisabilityCodes, stream_.uniform(child, slot(Field::kDisability)));
}

std::string FilledFields::upn(std::uint64_t child) const {
  // LA code 999 (no real authority) and the child's serial in the other nine digits: of valid
  // form and check letter, unique within the run, belonging to nobody.
  std::string digits = std::to_string(child % 1'000'000'000);
  digits = "999" + std::string(9 - digits.size(), '0') + digits;
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) sum += (digits[i] - '0') * static_cast<int>(i + 2);
  return std::string(1, kUpnLetters[sum % 23]) + digits;
}

std::string FilledFields::referral_source(std::uint64_t child, int k, sim::Source source, int collection_year) const {
  const double u = stream_.uniform(child, slot(Field::kSourceWithin, k));
  switch (source) {
    case sim::Source::kPolice: return pick(kPolice, u);
    case sim::Source::kSchools: return pick(kSchools, u);
    case sim::Source::kHealth: return pick(kHealth, u);
    case sim::Source::kLaServices:
      return pick(collection_year >= kFirstEarlyHelpSourceYear ? std::span<const Weighted>(kLaServices)
                                                               : std::span<const Weighted>(kLaServices).first(3),
                  u);
    case sim::Source::kIndividuals: return pick(kIndividuals, u);
    default: return pick(kOther, u);
  }
}

sim::Source FilledFields::model_source_of(const std::string& code) {
  if (code == "6") return sim::Source::kPolice;
  if (code == "2A") return sim::Source::kSchools;
  // Sub-coded groups are a digit and a letter (3A .. 3F); "10" (unknown) is not one.
  const bool sub_coded = code.size() == 2 && code[1] >= 'A' && code[1] <= 'Z';
  if (sub_coded && code[0] == '3') return sim::Source::kHealth;
  if (sub_coded && code[0] == '5') return sim::Source::kLaServices;
  if (sub_coded && code[0] == '1') return sim::Source::kIndividuals;
  return sim::Source::kOther;  // 2B, 4, 7, 8, 9, 10
}

std::string FilledFields::source_code(std::uint64_t child, int k) const {
  return pick(kAnySourceCodes, stream_.uniform(child, slot(Field::kAnySource, k)));
}
std::string FilledFields::primary_need(std::uint64_t child, int k) const {
  return pick(kPrimaryNeedCodes, stream_.uniform(child, slot(Field::kPrimaryNeed, k)));
}
std::string FilledFields::episode_need(std::uint64_t child, int k) const {
  return pick(kEpisodeNeedCodes, stream_.uniform(child, slot(Field::kEpisodeNeed, k)));
}
std::string FilledFields::category_of_abuse(std::uint64_t child, int k) const {
  return pick(kAbuseCodes, stream_.uniform(child, slot(Field::kAbuse, k)));
}
std::string FilledFields::reason_place_change(std::uint64_t child, int k) const {
  return pick(kPlaceChangeCodes, stream_.uniform(child, slot(Field::kPlaceChange, k)));
}

std::string FilledFields::reason_ceased_at_18(std::uint64_t child, int k) const {
  return pick(kCeasedAt18Codes, stream_.uniform(child, slot(Field::kCeasedAt18, k)));
}
std::string FilledFields::leaver_activity(std::uint64_t child, int year) const {
  return pick(kActivityCodes, stream_.uniform(child, slot(Field::kActivity, year)));
}
std::string FilledFields::leaver_accommodation(std::uint64_t child, int year) const {
  return pick(kAccommodationCodes, stream_.uniform(child, slot(Field::kAccommodation, year)));
}

std::string FilledFields::worker_gender(std::uint64_t worker) const {
  return pick(kWorkerGender, stream_.uniform(kWorkerEntity + worker, 0));
}
std::string FilledFields::worker_ethnicity(std::uint64_t worker) const {
  return pick(kWorkerEthnicity, stream_.uniform(kWorkerEntity + worker, 1));
}
int FilledFields::worker_age_years(std::uint64_t worker) const {
  // Assumption: ages at the role's start spread evenly from 23 to 58.
  return 23 + static_cast<int>(stream_.uniform(kWorkerEntity + worker, 2) * 36.0);
}
std::string FilledFields::reason_leave(std::uint64_t worker) const {
  return pick(kReasonLeave, stream_.uniform(kWorkerEntity + worker, 3));
}

}  // namespace caseflow::synth
