// The XML the returns writers produce validates against the DfE schemas the project carries
// (io/returns/schemas/), checked with libxml2's validator; and the check can fail: the same
// documents with one field broken do not validate.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "io/returns/returns_writer.h"
#include "writer_fixture.h"

namespace caseflow::returns {
namespace {

using testing::slurp;
using testing::small_council;
using testing::TempDir;

const std::string kSchemas = std::string(CASEFLOW_SOURCE_DIR) + "/io/returns/schemas/";

void collect(void* sink, const char* format, ...) {
  char text[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  *static_cast<std::string*>(sink) += text;
}

// The schema's complaints about `xml` (a document's text), or "" when it is valid.
std::string schema_errors(const std::string& xsd, const std::string& xml) {
  std::string errors;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt((kSchemas + xsd).c_str());
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  if (!schema) {
    xmlSchemaFreeParserCtxt(parser);
    return "cannot load the schema " + xsd;
  }
  xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidErrors(validator, collect, collect, &errors);
  xmlSetGenericErrorFunc(&errors, collect);  // a well-formedness error too, not to stderr
  xmlDocPtr doc =
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "written.xml", nullptr, XML_PARSE_NONET);
  xmlSetGenericErrorFunc(nullptr, nullptr);
  if (!doc) {
    errors = "not well-formed XML: " + errors;
  } else if (xmlSchemaValidateDoc(validator, doc) != 0 && errors.empty()) {
    errors = "invalid (no message)";
  }
  xmlFreeDoc(doc);
  xmlSchemaFreeValidCtxt(validator);
  xmlSchemaFree(schema);
  xmlSchemaFreeParserCtxt(parser);
  return errors;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class WriterSchema : public ::testing::Test {
 protected:
  void SetUp() override { write_returns(small_council(), dir.path().string()); }
  std::string cin(int year) const {
    return slurp(dir.path() / "cin" / ("CIN_census_" + std::to_string(year) + ".xml"));
  }
  std::string csww(int year) const {
    return slurp(dir.path() / "csww" / ("CSWW_" + std::to_string(year) + ".xml"));
  }
  TempDir dir{"caseflow-writer-schema"};
};

TEST_F(WriterSchema, CinCensusValidatesAgainstThe2024Schema) {
  for (int year : {2020, 2021}) {
    const std::string xml = cin(year);
    ASSERT_NE(xml.find("<CINdetails>"), std::string::npos) << year;
    EXPECT_EQ(schema_errors("CIN_schema_2024.xsd", xml), "") << year;
  }
}

TEST_F(WriterSchema, WorkforceCensusValidatesAgainstThe2022Schema) {
  for (int year : {2019, 2020}) {
    const std::string xml = csww(year);
    ASSERT_NE(xml.find("<CSWWWorker>"), std::string::npos) << year;
    EXPECT_EQ(schema_errors("social_work_workforce_2022.xsd", xml), "") << year;
  }
}

// Each breakage is one the schema forbids and a careless writer could make.
TEST_F(WriterSchema, ValidationCatchesABrokenCinCensus) {
  const std::string xml = cin(2020);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"<ReferralSource>1A</ReferralSource>", "<ReferralSource>1Z</ReferralSource>"},  // not a code
           {"<GenderCurrent>1</GenderCurrent>", ""},                        // required element
           {"<CINreferralDate>2019-06-10", "<CINreferralDate>10/06/2019"},  // not xs:date
           {"<ReferralNFA>true</ReferralNFA>", "<ReferralNFA>yes</ReferralNFA>"},
           {"<LEA>999</LEA>", "<LEA>99</LEA>"},
           {"</CINdetails>", "</CINdetail>"}}) {  // not well-formed
    EXPECT_NE(schema_errors("CIN_schema_2024.xsd", replaced(xml, from, to)), "") << from << " -> " << to;
  }
}

TEST_F(WriterSchema, ValidationCatchesABrokenWorkforceCensus) {
  const std::string xml = csww(2019);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"<FTE>1.000000</FTE>", "<FTE>1.500000</FTE>"},             // above 1
           {"<SWENo>AB1234567890</SWENo>", "<SWENo>AB12345</SWENo>"},  // pattern
           {"<QualInst>Example University</QualInst>", ""},            // required
           {"<NumberOfVacancies>4.50</NumberOfVacancies>", "<NumberOfVacancies>4.505</NumberOfVacancies>"}}) {
    EXPECT_NE(schema_errors("social_work_workforce_2022.xsd", replaced(xml, from, to)), "")
        << from << " -> " << to;
  }
}

// The one line changed in the copied CIN schema (io/returns/schemas/README.md): a first plan's
// NumberOfPreviousCPP of 0 is accepted, and a negative count still is not.
TEST_F(WriterSchema, FirstChildProtectionPlanHasZeroPreviousPlans) {
  const std::string xml = cin(2020);
  ASSERT_NE(xml.find("<NumberOfPreviousCPP>0</NumberOfPreviousCPP>"), std::string::npos);
  EXPECT_EQ(schema_errors("CIN_schema_2024.xsd", xml), "");
  EXPECT_NE(schema_errors("CIN_schema_2024.xsd",
                          replaced(xml, "<NumberOfPreviousCPP>0<", "<NumberOfPreviousCPP>-1<")),
            "");
}

}  // namespace
}  // namespace caseflow::returns
