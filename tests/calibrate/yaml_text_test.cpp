// Shares written by calibrate must read back as a share group (summing to 1 within the
// reader's 1e-6): rounding each to 4 decimals alone can add up to 1.0001 (found on the
// different round-trip scenario's placements by age, which the reader refused).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "calibrate/yaml_text.h"

namespace caseflow::calibrate {
namespace {

double sum_of(const std::vector<std::string>& texts) {
  double sum = 0;
  for (const auto& t : texts) sum += std::stod(t);
  return sum;
}

TEST(WholeSharesText, AddsUpToOneWhereRoundingEachWouldNot) {
  // Six shares of 1/6 each round to 0.1667: 1.0002 in all.
  const std::vector<double> sixths(6, 1.0 / 6.0);
  double each = 0;
  for (double x : sixths) each += std::stod(share_text(x));
  EXPECT_GT(each, 1.0001);
  const auto written = whole_shares_text(sixths);
  EXPECT_NEAR(sum_of(written), 1.0, 1e-12);
  for (const auto& t : written) EXPECT_TRUE(t == "0.1667" || t == "0.1666") << t;
}

TEST(WholeSharesText, KeepsExactSharesAndZeros) {
  const auto written = whole_shares_text({0.25, 0.0, 0.75, 0.0});
  EXPECT_EQ(written, (std::vector<std::string>{"0.25", "0", "0.75", "0"}));
}

TEST(WholeSharesText, MovesNoShareByMoreThanATenThousandth) {
  const std::vector<double> shares = {0.35922, 0.36408, 0.13107, 0.05825, 0.08738, 0.0};
  const auto written = whole_shares_text(shares);
  EXPECT_NEAR(sum_of(written), 1.0, 1e-12);
  for (std::size_t i = 0; i < shares.size(); ++i) EXPECT_LE(std::abs(std::stod(written[i]) - shares[i]), 1e-4 + 1e-12) << i;
}

}  // namespace
}  // namespace caseflow::calibrate
