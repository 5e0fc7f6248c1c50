#pragma once
// One collection year of the CIN census as the DfE's XML (CIN_schema_2024.xsd, copied in
// io/returns/schemas/): Message/Header{CollectionDetails{CIN, Year, ReferenceDate = 31 March},
// Source{L, LEA, SoftwareCode}}, then Children/Child with ChildIdentifiers,
// ChildCharacteristics and one CINdetails per referral open at any time in the year (referral
// on or before 31 March, closure absent or on or after 1 April). A child with no such
// referral is not in that year's census. The census is a picture at 31 March, so nothing
// after it is written: assessments, plans and s47 enquiries starting later are left out (they
// appear next year), and a closure, plan end, assessment authorisation, ICPC or review after
// 31 March is left out, which writes the referral, plan or assessment as still open. Factors
// identified at assessment are written with the authorisation that completes the assessment.
// A child born after 31 March (an unborn referral) is written with ExpectedPersonBirthDate
// and GenderCurrent 0 ("not recorded or unborn"). A UPN that is one of the unknown-UPN codes
// UN1..UN7 (as the SSDA903 carries it) is written as UPNunknown; any other UPN must be one
// (a letter, eleven digits, a digit or check letter).
#include <filesystem>

#include "io/returns/history.h"

namespace caseflow::returns {

// Writes the census for `collection_year` (1 April collection_year - 1 .. 31 March
// collection_year) to `path`. std::logic_error naming the child and field when the History
// lacks a field the schema requires (writer_checks.h).
void write_cin_census(const History& history, int collection_year, const std::filesystem::path& path);

}  // namespace caseflow::returns
