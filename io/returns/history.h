#pragma once
// One council's history as its three statutory returns describe it, merged across collection
// years: per child the referrals (CIN census CINdetails, with their assessments, s47
// enquiries, ICPCs, CIN and CP plans) and the care episodes (SSDA903); per worker the
// workforce census records (CSWW). Readers fill it, writers write it, `synth` builds it from
// a replication. Dates are serial days (days since 1970-01-01, engine::days_from_civil);
// an end that has not happened yet (open at the last return) is std::nullopt. Codes are
// kept as the return spells them (validated against the code lists in io/returns/codes).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/returns/data_quality.h"

namespace caseflow::returns {

using Day = int;  // serial day
using MaybeDay = std::optional<Day>;

// Where a record came from, for error messages and the data-quality examples.
struct Origin {
  std::uint32_t file = 0;  // index into History::files
  int line = 0;            // 1-based line of the record (CSV row, XML element start)
};

// ---- CIN census ----

struct Assessment {
  MaybeDay start;           // AssessmentActualStartDate
  MaybeDay authorised;      // AssessmentAuthorisationDate: the assessment is completed
  std::vector<std::string> factors;  // FactorsIdentifiedAtAssessment codes
};

struct CinPlan {
  Day start = 0;  // CINPlanStartDate
  MaybeDay end;   // CINPlanEndDate
};

struct Section47 {
  Day start = 0;             // S47ActualStartDate
  MaybeDay icpc_target;      // InitialCPCtarget
  MaybeDay icpc;             // DateOfInitialCPC
  bool icpc_not_required = false;
};

struct CpPlan {
  Day start = 0;  // CPPstartDate
  MaybeDay end;   // CPPendDate
  std::string initial_category;  // NEG PHY SAB EMO MUL
  std::string latest_category;
  int previous_plans = 0;  // NumberOfPreviousCPP
  std::vector<Day> reviews;
};

// One CINdetails block: a referral and what followed it, to its closure.
struct Referral {
  Day date = 0;                 // CINreferralDate
  std::string source;           // ReferralSource (1A .. 10)
  std::string primary_need;     // PrimaryNeedCode N0 .. N9
  bool nfa = false;             // ReferralNFA
  MaybeDay closure;             // CINclosureDate
  std::string closure_reason;   // RC1 .. RC9
  std::vector<Assessment> assessments;
  std::vector<CinPlan> cin_plans;
  std::vector<Section47> section47s;
  std::vector<CpPlan> cp_plans;
  Origin origin;
  // CINdetails-level DateOfInitialCPC: the older schemas record the ICPC only here; the 2024
  // schema repeats it in Section47. Readers keep it as returned (added by the readers).
  MaybeDay initial_cpc;
};

// ---- SSDA903 ----

struct CareEpisode {
  Day start = 0;                  // DECOM
  MaybeDay end;                   // DEC
  std::string reason_new;         // RNE: S L P T B U
  std::string legal_status;       // LS
  std::string need;               // CIN: N1 .. N8
  std::string placement;          // PLACE
  std::string provider;           // PLACE_PROVIDER
  std::string reason_ceased;      // REC (empty while open)
  std::string reason_place_change;  // REASON_PLACE_CHANGE
  std::string home_postcode, placement_postcode, urn;
  Origin origin;
};

struct CareLeaverRecord {  // OC3, one per collection year
  int collection_year = 0;  // the year ending 31 March
  std::string in_touch, activity, accommodation;
};

struct MissingEpisode {
  std::string kind;  // M missing, A away without authorisation
  Day start = 0;
  MaybeDay end;
};

struct SocialWorkerEpisode {  // SWEpisodes (from 2023-24)
  std::string worker_id;
  Day start = 0;
  MaybeDay end;
  std::string reason;
};

struct ChildHistory {
  std::string id;  // CHILD (SSDA903) = LAchildID (CIN census)
  std::string sex;  // as returned: 1/2 (to 2023-24), M/F/U; CIN GenderCurrent 0/1/2/9
  MaybeDay birth;
  MaybeDay death;
  std::string ethnicity, upn;
  MaybeDay uasc_ceased;  // DUC: the date the child ceased to be an unaccompanied asylum seeker
  bool uasc = false;
  std::vector<std::string> disabilities;
  std::vector<Referral> referrals;     // by referral date
  std::vector<CareEpisode> episodes;   // by start date, merged across years
  std::vector<Day> reviews;            // Reviews (REVIEW dates)
  std::vector<std::string> review_codes;  // REVIEW_CODE (PN0 .. PN7, how the child took part), one per review
  std::vector<MissingEpisode> missing;
  std::vector<CareLeaverRecord> care_leaver;
  std::vector<SocialWorkerEpisode> social_workers;
};

// ---- CSWW ----

// One worker's record in one census (30 September of the year).
struct WorkerRecord {
  int census_year = 0;       // the September of the snapshot
  std::string swe_no;        // SWENo: the Social Work England registration, links years
  bool agency = false;       // AgencyWorker
  double fte = 0;            // FTE
  double fte_at_30_sept = 0; // FTE30
  int org_role = 0;          // OrgRole 1..6 (5 = case holder)
  MaybeDay role_start, role_end;
  std::string start_origin, reason_leave, leaver_destination;
  std::optional<int> cases_at_30_sept;  // Cases30
  double working_days_lost = 0;
  bool absent_at_30_sept = false;
  std::string reason_absence, cfkss_status;
  MaybeDay birth;
  std::string gender, ethnicity;
  std::string qual_inst;  // QualInst: where the worker qualified (the schema requires it of every worker)
  Origin origin;
};

struct Vacancies {  // LALevelVacancies, one per census
  int census_year = 0;
  double vacancies_fte = 0;
  double agency_fte = 0;
  double agency_headcount = 0;
};

struct History {
  std::string la_code;  // the council's three-digit DfE (LEA) code, as the CIN and CSWW headers' Source/LEA give it
  std::vector<ChildHistory> children;  // sorted by id
  std::vector<WorkerRecord> workers;   // by census year, then SWENo
  std::vector<Vacancies> vacancies;    // by census year
  std::vector<std::string> files;      // every file read, in reading order (Origin::file)
  std::vector<std::string> skipped;    // folders not read: a caseflow run's outputs (they hold summary.json)
  std::vector<int> ssda903_years, cin_years, csww_years;  // collection years read (year ending 31 March; CSWW: September)
  DataQuality quality;
};

}  // namespace caseflow::returns
