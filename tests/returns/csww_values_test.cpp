// Workforce census values and years the review of the readers found unguarded: a number that
// is not finite, a count that is not whole, and a census with no Collection or Year whose
// ReferenceDate (30 September) must name the census year itself, not the April-March year.
#include <gtest/gtest.h>

#include <string>

#include "io/returns/returns_error.h"
#include "io/returns/returns_reader.h"
#include "tests/returns/reader_test_files.h"

namespace caseflow::returns {
namespace {

std::string census(const std::string& header, const std::string& body) {
  return "<Message><Header><CollectionDetails>" + header + "</CollectionDetails></Header>" + body + "</Message>";
}

const char* kVacancies = "<LALevelVacancies><NumberOfVacancies>3.5</NumberOfVacancies></LALevelVacancies>";

TEST(CswwValues, ReferenceDateAloneNamesTheSeptemberCensusYear) {
  test::ScratchReturns files;
  files.write("csww/a.xml", census("<ReferenceDate>2019-09-30</ReferenceDate>", kVacancies));
  const History h = read_returns(files.dir());
  ASSERT_EQ(h.csww_years.size(), 1u);
  EXPECT_EQ(h.csww_years[0], 2019);
}

TEST(CswwValues, NonFiniteNegativeAndFractionalCountsAreErrors) {
  for (const std::string bad : {"<NumberOfVacancies>nan</NumberOfVacancies>", "<NumberOfVacancies>inf</NumberOfVacancies>",
                                "<NumberOfVacancies>-2</NumberOfVacancies>"}) {
    test::ScratchReturns files;
    files.write("csww/a.xml", census("<Year>2019</Year>", "<LALevelVacancies>" + bad + "</LALevelVacancies>"));
    EXPECT_THROW(read_returns(files.dir()), ReturnsError) << bad;
  }
  test::ScratchReturns files;
  files.write("csww/a.xml", census("<Year>2019</Year>", "<CSWWWorker><SWENo>SW1234567890</SWENo><Cases30>2.7</Cases30></CSWWWorker>"));
  try {
    read_returns(files.dir());
    FAIL() << "Cases30 2.7 was read";
  } catch (const ReturnsError& e) {
    EXPECT_NE(std::string(e.what()).find("Cases30"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("whole number"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace caseflow::returns
