#include "io/returns/codes.h"

#include <gtest/gtest.h>

namespace caseflow::returns {
namespace {

TEST(CodeLists, CarryTheYearsOfThe2024To27Changes) {
  // H5 and P2 go after 2024-25 (collection year 2025); K3 arrives in 2023-24; Z1 splits into
  // Z11-Z14 from 2025-26 (data-formats.md 9.1).
  EXPECT_TRUE(code_valid("ssda903_placement", "H5", 2025));
  EXPECT_FALSE(code_valid("ssda903_placement", "H5", 2026));
  EXPECT_FALSE(code_valid("ssda903_placement", "K3", 2023));
  EXPECT_TRUE(code_valid("ssda903_placement", "K3", 2024));
  EXPECT_TRUE(code_valid("ssda903_placement", "Z1", 2025));
  EXPECT_FALSE(code_valid("ssda903_placement", "Z11", 2025));
  EXPECT_TRUE(code_valid("ssda903_placement", "Z11", 2026));
  EXPECT_FALSE(code_valid("ssda903_placement", "Q9", 2020));
  // SEX 1/2 to 2023-24, M/F/U from 2024-25.
  EXPECT_TRUE(code_valid("ssda903_sex", "1", 2024));
  EXPECT_FALSE(code_valid("ssda903_sex", "1", 2025));
  EXPECT_TRUE(code_valid("ssda903_sex", "M", 2025));
  // The CIN census's own changes, from the 2017-2024 schemas.
  EXPECT_FALSE(code_valid("cin_referral_source", "5D", 2022));
  EXPECT_TRUE(code_valid("cin_referral_source", "5D", 2023));
  EXPECT_TRUE(code_valid("cin_assessment_factors", "18A", 2020));
  EXPECT_FALSE(code_valid("cin_assessment_factors", "18A", 2021));
  EXPECT_TRUE(code_valid("csww_org_role", "5", 2022));
}

TEST(CodeLists, EveryListTheReadersUseIsEmbedded) {
  for (const char* list : {"ssda903_sex", "ssda903_rne", "ssda903_legal_status", "ssda903_category_of_need", "ssda903_placement",
                           "ssda903_place_provider", "ssda903_reason_ceased", "ssda903_reason_place_change", "ssda903_missing",
                           "ssda903_sw_reason", "ssda903_review_code", "cin_referral_source", "cin_reason_for_closure",
                           "cin_category_of_abuse", "cin_primary_need", "cin_assessment_factors", "cin_disability", "cin_gender",
                           "csww_org_role", "csww_start_origin", "csww_leaver_destination", "csww_reason_leave",
                           "csww_reason_absence", "csww_cfkss_status"})
    EXPECT_FALSE(code_list(list).empty()) << list;
  EXPECT_EQ(code_list("ssda903_rne").size(), 6u);
  EXPECT_THROW(code_valid("no_such_list", "X", 2020), std::logic_error);
}

}  // namespace
}  // namespace caseflow::returns
