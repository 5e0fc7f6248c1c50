#pragma once
// The opening both XML returns share: the declaration, <Message>, and the Header naming the
// collection (CollectionDetails: Collection, Year, ReferenceDate) and the council that sends
// it (Source: SourceLevel L for a local authority, LEA, SoftwareCode). Release, SerialNo and
// DateTime are left out: they describe one submission, and a written return must be the same
// bytes every time it is written from the same History.
#include <string_view>

#include "io/returns/buffered_writer.h"
#include "io/returns/history.h"

namespace caseflow::returns {

// Writes up to and including </Header>, leaving <Message> open. `la_code` must be the
// council's three-digit code (std::logic_error otherwise: History::la_code is required).
void write_xml_header(BufferedWriter& out, std::string_view collection, int year, Day reference_date,
                      std::string_view la_code);

}  // namespace caseflow::returns
