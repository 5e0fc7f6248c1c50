#include "io/returns/csww_writer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "io/returns/buffered_writer.h"
#include "io/returns/writer_checks.h"
#include "io/returns/xml_header_writer.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace {

// The schema's SWENo: two letters then ten digits (Social Work England's registration number).
bool is_swe_number(const std::string& s) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return s.size() == 12 && letter(s[0]) && letter(s[1]) && std::all_of(s.begin() + 2, s.end(), digit);
}

void fte_element(BufferedWriter& out, const std::string& record, std::string_view field, double fte) {
  require_finite(fte, record, field);
  if (fte < 0 || fte > 1) invalid_field(record, field, number_text(fte), "an FTE is between 0 and 1");
  out.fixed_element(2, field, fte, 6);
}

void write_vacancies(BufferedWriter& out, const History& history, int census_year) {
  const auto v = std::find_if(history.vacancies.begin(), history.vacancies.end(),
                              [&](const Vacancies& x) { return x.census_year == census_year; });
  const std::string record = "LALevelVacancies " + std::to_string(census_year);
  if (v == history.vacancies.end()) missing_field(record, "the Vacancies record (History::vacancies)");
  require_finite(v->vacancies_fte, record, "NumberOfVacancies");
  require_finite(v->agency_fte, record, "NoAgencyFTE");
  require_finite(v->agency_headcount, record, "NoAgencyHeadcount");
  if (v->agency_headcount != std::round(v->agency_headcount))
    invalid_field(record, "NoAgencyHeadcount", number_text(v->agency_headcount), "a headcount is whole");
  out.open(1, "LALevelVacancies");
  out.fixed_element(2, "NumberOfVacancies", v->vacancies_fte, 2);
  out.fixed_element(2, "NoAgencyFTE", v->agency_fte, 2);
  out.element(2, "NoAgencyHeadcount", std::to_string(static_cast<long long>(v->agency_headcount)));
  out.close(1, "LALevelVacancies");
}

void write_worker(BufferedWriter& out, const WorkerRecord& w, Day census_day) {
  const std::string record = "SWENo " + w.swe_no + " (census " + std::to_string(w.census_year) + ")";
  if (w.swe_no.empty()) missing_field("a worker in census " + std::to_string(w.census_year), "SWENo");
  if (!is_swe_number(w.swe_no))
    invalid_field(record, "SWENo", "'" + w.swe_no + "'", "two letters then ten digits");
  if (w.qual_inst.empty()) missing_field(record, "QualInst");
  if (w.org_role < 1 || w.org_role > 6)
    invalid_field(record, "OrgRole", std::to_string(w.org_role), "codes 1..6");
  require_finite(w.working_days_lost, record, "WorkingDaysLost");
  if (w.working_days_lost < 0)
    invalid_field(record, "WorkingDaysLost", number_text(w.working_days_lost), "negative");
  const bool in_post = !w.role_end || *w.role_end > census_day;

  out.open(1, "CSWWWorker");
  out.element(2, "AgencyWorker", w.agency ? "1" : "0");
  out.element(2, "SWENo", w.swe_no);
  fte_element(out, record, "FTE", w.fte);
  if (w.birth) out.date_element(2, "PersonBirthDate", *w.birth);
  if (!w.gender.empty()) out.element(2, "GenderCurrent", w.gender);
  if (!w.ethnicity.empty()) out.element(2, "Ethnicity", w.ethnicity);
  out.element(2, "QualInst", w.qual_inst);
  out.element(2, "OrgRole", std::to_string(w.org_role));
  if (w.role_start) out.date_element(2, "RoleStartDate", *w.role_start);
  if (!w.start_origin.empty()) out.element(2, "StartOrigin", w.start_origin);
  if (w.role_end) out.date_element(2, "RoleEndDate", *w.role_end);
  if (!w.leaver_destination.empty()) out.element(2, "LeaverDestination", w.leaver_destination);
  if (!w.reason_leave.empty()) out.element(2, "ReasonLeave", w.reason_leave);
  if (in_post) fte_element(out, record, "FTE30", w.fte_at_30_sept);
  if (w.cases_at_30_sept) out.element(2, "Cases30", std::to_string(*w.cases_at_30_sept));
  out.fixed_element(2, "WorkingDaysLost", w.working_days_lost, 2);
  if (in_post) out.element(2, "Absat30Sept", w.absent_at_30_sept ? "1" : "0");
  if (!w.reason_absence.empty()) out.element(2, "ReasonAbsence", w.reason_absence);
  if (!w.cfkss_status.empty()) out.element(2, "CFKSSstatus", w.cfkss_status);
  out.close(1, "CSWWWorker");
}

}  // namespace

void write_csww(const History& history, int census_year, const std::filesystem::path& path) {
  const Day census_day = engine::days_from_civil({census_year, 9, 30});
  BufferedWriter out(path);
  write_xml_header(out, "CSWW", census_year, census_day, history.la_code);
  write_vacancies(out, history, census_year);
  for (const auto& w : history.workers) {
    if (w.census_year == census_year) write_worker(out, w, census_day);
  }
  out.close(0, "Message");
  out.finish();
}

}  // namespace caseflow::returns
