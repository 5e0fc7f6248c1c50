#pragma once
// The readers of one file each, behind read_returns (io/returns/returns_reader.h), which finds
// the files, works out what each is, and merges the years.
#include <cstdint>
#include <string>
#include <string_view>

#include "io/returns/reader_merge.h"
#include "io/returns/xml_reader.h"

namespace caseflow::returns {

// The SSDA903 tables this reader knows, by their lower-case names without separators.
bool is_ssda903_table(std::string_view table);
// One SSDA903 CSV table of collection year `year`.
void read_ssda903_csv(const std::string& path, std::string_view table, int year, HistoryBuilder& builder);
// The SSDA903 XML form (reader on <EXPSSDA903>), for collection year `year`.
void read_ssda903_xml(XmlReader& reader, std::uint32_t file, int year, HistoryBuilder& builder);
// One <Child> of a CIN census of collection year `year`.
void read_cin_child(XmlReader& reader, std::uint32_t file, int year, HistoryBuilder& builder);
// One <CSWWWorker> / the <LALevelVacancies> of the workforce census at 30 September `year`.
void read_csww_worker(XmlReader& reader, std::uint32_t file, int year, HistoryBuilder& builder);
void read_csww_vacancies(XmlReader& reader, int year, HistoryBuilder& builder);

// Values of the XML returns: yes/no (true/false/1/0), numbers.
bool xml_yes_no(XmlReader& reader);
double xml_number(XmlReader& reader);
// A whole, non-negative number (Cases30, NumberOfPreviousCPP).
int xml_count(XmlReader& reader);

}  // namespace caseflow::returns
