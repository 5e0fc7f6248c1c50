#include "io/returns/dates.h"

#include <gtest/gtest.h>

#include "sim/engine/civil_date.h"

namespace caseflow::returns {
namespace {

Day day(int y, int m, int d) { return engine::days_from_civil({y, m, d}); }

TEST(ReturnDates, ReadsTheThreeFormsCouncilExportsMix) {
  EXPECT_EQ(parse_return_date("04/05/2019"), day(2019, 5, 4));
  EXPECT_EQ(parse_return_date("4/5/2019"), day(2019, 5, 4));
  EXPECT_EQ(parse_return_date("04/05/19"), day(2019, 5, 4));
  EXPECT_EQ(parse_return_date("2019-05-04"), day(2019, 5, 4));
  EXPECT_EQ(parse_return_date(" 2019-05-04 "), day(2019, 5, 4));
}

TEST(ReturnDates, TwoDigitYearsPivotAtSeventy) {
  EXPECT_EQ(parse_return_date("31/12/69"), day(2069, 12, 31));
  EXPECT_EQ(parse_return_date("01/01/70"), day(1970, 1, 1));
  EXPECT_EQ(parse_return_date("15/06/99"), day(1999, 6, 15));
}

TEST(ReturnDates, RejectsWhatIsNotARealDate) {
  for (const char* bad : {"", "31/02/2020", "2020-13-01", "12/2020", "1/1/1/2020", "aa/bb/cccc", "01/01/201", "2020-1-01",
                          "01-01-2020", "29/02/2019", "001/01/2020"})
    EXPECT_FALSE(parse_return_date(bad).has_value()) << bad;
  EXPECT_TRUE(parse_return_date("29/02/2020").has_value());
}

TEST(ReturnDates, FormatsAndCollectionYears) {
  EXPECT_EQ(format_dmy(day(2019, 5, 4)), "04/05/2019");
  EXPECT_EQ(format_iso(day(2019, 5, 4)), "2019-05-04");
  EXPECT_EQ(collection_year_of(day(2019, 4, 1)), 2020);
  EXPECT_EQ(collection_year_of(day(2020, 3, 31)), 2020);
  EXPECT_EQ(collection_year_of(day(2020, 4, 1)), 2021);
  EXPECT_EQ(collection_year_start(2020), day(2019, 4, 1));
  EXPECT_EQ(collection_year_end(2020), day(2020, 3, 31));
}

}  // namespace
}  // namespace caseflow::returns
