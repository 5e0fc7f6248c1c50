#pragma once
// One children's social work workforce census (CSWW) as the DfE's XML
// (social_work_workforce_2022.xsd, copied in io/returns/schemas/): the Header
// (CollectionDetails{CSWW, Year, ReferenceDate = 30 September}), the council's
// LALevelVacancies, and one CSWWWorker per WorkerRecord of that census year, in History order.
// The snapshot fields (FTE30, Absat30Sept) are written for the workers in post on 30
// September (no RoleEndDate, or one after it); a leaver's record carries RoleEndDate and the
// reasons instead. Optional fields the History leaves empty (GenderCurrent, Ethnicity,
// StartOrigin, ReasonLeave, LeaverDestination, ReasonAbsence, CFKSSstatus; Cases30 when not
// known) are left out; fixed-point fields are written to the places the schema allows (FTE
// six, vacancies and working days lost two).
#include <filesystem>

#include "io/returns/history.h"

namespace caseflow::returns {

// Writes the census of 30 September `census_year` to `path`. std::logic_error naming the
// worker and field when the History lacks a field the schema requires, holds a number it
// cannot (not finite, an FTE outside 0..1, a fractional agency headcount), or has no
// Vacancies record for the year (writer_checks.h).
void write_csww(const History& history, int census_year, const std::filesystem::path& path);

}  // namespace caseflow::returns
