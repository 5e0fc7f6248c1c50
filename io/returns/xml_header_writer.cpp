#include "io/returns/xml_header_writer.h"

#include <algorithm>
#include <string>

#include "io/returns/writer_checks.h"

namespace caseflow::returns {

void write_xml_header(BufferedWriter& out, std::string_view collection, int year, Day reference_date,
                      std::string_view la_code) {
  if (la_code.empty()) missing_field("History", "la_code (Source/LEA, the council's three-digit code)");
  if (la_code.size() != 3 ||
      !std::all_of(la_code.begin(), la_code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    invalid_field("History", "la_code (Source/LEA)", "'" + std::string(la_code) + "'", "not three digits");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out.open(0, "Message");
  out.open(1, "Header");
  out.open(2, "CollectionDetails");
  out.element(3, "Collection", collection);
  out.element(3, "Year", std::to_string(year));
  out.date_element(3, "ReferenceDate", reference_date);
  out.close(2, "CollectionDetails");
  out.open(2, "Source");
  out.element(3, "SourceLevel", "L");
  out.element(3, "LEA", la_code);
  out.element(3, "SoftwareCode", "caseflow");
  out.close(2, "Source");
  out.close(1, "Header");
}

}  // namespace caseflow::returns
