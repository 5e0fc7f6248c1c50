// The children's social work workforce census (one XML file per census at 30 September,
// schema social_work_workforce_2022.xsd): one WorkerRecord per <CSWWWorker>, and the
// council's <LALevelVacancies>.
#include "io/returns/returns_file_readers.h"

namespace caseflow::returns {

void read_csww_worker(XmlReader& r, std::uint32_t file, int year, HistoryBuilder& b) {
  WorkerRecord w;
  w.census_year = year;
  w.origin = {file, r.line()};
  const int d = r.depth();
  std::string role;
  auto code = [&](std::string_view list, const std::string& value) {
    b.check_code(list, value, year, w.origin, [&] { return "SWENo " + w.swe_no + " census " + std::to_string(year); });
  };
  while (r.next_child(d)) {
    const auto n = r.name();
    if (n == "AgencyWorker") w.agency = xml_yes_no(r);
    else if (n == "SWENo") w.swe_no = r.text();
    else if (n == "FTE") w.fte = xml_number(r);
    else if (n == "FTE30") w.fte_at_30_sept = xml_number(r);
    else if (n == "PersonBirthDate") w.birth = r.date();
    else if (n == "GenderCurrent") w.gender = r.text();
    else if (n == "Ethnicity") w.ethnicity = r.text();
    else if (n == "QualInst") {
      if (w.qual_inst.empty()) w.qual_inst = r.text();  // the first of possibly several
      else r.skip();
    }
    else if (n == "OrgRole") {
      role = r.text();
      code("csww_org_role", role);
      w.org_role = role.size() == 1 && role[0] >= '1' && role[0] <= '6' ? role[0] - '0' : 0;
    } else if (n == "RoleStartDate") w.role_start = r.date();
    else if (n == "RoleEndDate") w.role_end = r.date();
    else if (n == "StartOrigin") {
      w.start_origin = r.text();
      code("csww_start_origin", w.start_origin);
    } else if (n == "LeaverDestination") {
      w.leaver_destination = r.text();
      code("csww_leaver_destination", w.leaver_destination);
    } else if (n == "ReasonLeave") {
      w.reason_leave = r.text();
      code("csww_reason_leave", w.reason_leave);
    } else if (n == "Cases30") w.cases_at_30_sept = xml_count(r);
    else if (n == "WorkingDaysLost") w.working_days_lost = xml_number(r);
    else if (n == "Absat30Sept") w.absent_at_30_sept = xml_yes_no(r);
    else if (n == "ReasonAbsence") {
      w.reason_absence = r.text();
      code("csww_reason_absence", w.reason_absence);
    } else if (n == "CFKSSstatus") {
      w.cfkss_status = r.text();
      code("csww_cfkss_status", w.cfkss_status);
    } else r.skip();
  }
  if (w.swe_no.empty()) r.fail("SWENo is missing or empty (a required element)");
  b.add_worker(std::move(w));
}

void read_csww_vacancies(XmlReader& r, int year, HistoryBuilder& b) {
  Vacancies v;
  v.census_year = year;
  const int d = r.depth();
  while (r.next_child(d)) {
    const auto n = r.name();
    if (n == "NumberOfVacancies") v.vacancies_fte = xml_number(r);
    else if (n == "NoAgencyFTE") v.agency_fte = xml_number(r);
    else if (n == "NoAgencyHeadcount") v.agency_headcount = xml_number(r);
    else r.skip();
  }
  b.add_vacancies(v);
}

}  // namespace caseflow::returns
