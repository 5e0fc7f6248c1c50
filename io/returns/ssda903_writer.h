#pragma once
// One collection year of the SSDA903 (children looked after) return as the CSV tables the
// DfE's tool and councils' systems exchange: Header, Episodes, UASC, Reviews, Missing, OC3 and
// SWEpisodes, columns exactly as the DfE lists them (docs/returns.md; data-formats.md 9.1),
// dates dd/mm/yyyy. What a year holds, as the real return does:
// - Episodes: every care episode open at any time in the year (DECOM on or before 31 March,
//   DEC empty or on or after 1 April). An episode still open at 31 March is written open (DEC
//   and REC empty) and again in the next year; its end appears only in the year it falls in.
// - Missing and SWEpisodes: the same rule (a missing or social-worker episode running over
//   31 March is written open and again next year; SW_REASON, the reason the worker changed,
//   only with the end). SWEpisodes rows only from collection year 2024, the first to collect
//   them; earlier years' files have the header line only.
// - Reviews: the reviews dated in the year.
// - OC3: a care leaver's record for the year (History: ChildHistory::care_leaver with that
//   collection_year), only in the years of the young person's 17th to 21st birthdays, the
//   years the DfE collects OC3 for. Records for later years (a care leaver supported to 25)
//   are not part of the return and are not written; nor is the Header row of a child with
//   nothing else in that year.
// - UASC: children who were unaccompanied asylum seekers at some time in the year (no DUC, or
//   DUC on or after 1 April); DUC written once it has happened.
// - Header: one row per child with any row in the year's other tables. MOTHER and MC_DOB (a
//   looked-after young woman's own child) are not in the History and are written empty.
// SEX is written in the year's code list (writer_codes.h).
#include <filesystem>

#include "io/returns/history.h"

namespace caseflow::returns {

// Writes the year's seven tables into `folder` (which must exist). std::logic_error naming the
// child and field when the History lacks a field the return requires (writer_checks.h).
void write_ssda903_year(const History& history, int collection_year, const std::filesystem::path& folder);

}  // namespace caseflow::returns
