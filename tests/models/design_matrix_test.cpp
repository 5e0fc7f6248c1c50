#include "models/forecast/design_matrix.h"

#include <cmath>

#include <gtest/gtest.h>

namespace caseflow::models::forecast {
namespace {

TEST(DesignMatrix, SixFourierPairsSpanMonthOfYearDummies) {
  const Design design({6, {}}, {2019, 1}, 36);
  const Eigen::MatrixXd x = design.rows({2019, 1}, 36);
  // intercept + trend + 11 seasonal columns (the sixth sine is zero at whole months).
  ASSERT_EQ(design.columns(), 13);
  EXPECT_EQ(Eigen::ColPivHouseholderQR<Eigen::MatrixXd>(x).rank(), 13);
  // Same column space as intercept + trend + 11 month dummies: projecting the dummies onto
  // the Fourier design leaves no residual.
  Eigen::MatrixXd dummies = Eigen::MatrixXd::Zero(36, 11);
  for (int t = 0; t < 36; ++t) {
    if (t % 12 > 0) dummies(t, t % 12 - 1) = 1.0;
  }
  const Eigen::MatrixXd residual = dummies - x * x.colPivHouseholderQr().solve(dummies);
  EXPECT_LT(residual.cwiseAbs().maxCoeff(), 1e-9);
}

TEST(DesignMatrix, TrendIsYearsSinceFitStartAndContinuesIntoTheFuture) {
  const Design design({2, {}}, {2020, 3}, 24);
  const Eigen::MatrixXd future = design.rows({2022, 3}, 2);
  EXPECT_DOUBLE_EQ(future(0, Design::trend_column), 2.0);
  EXPECT_DOUBLE_EQ(future(1, Design::trend_column), 2.0 + 1.0 / 12.0);
}

TEST(DesignMatrix, InterventionsWithoutDataInTheFitAreLeftOut) {
  ModelSpec spec{2, covid_interventions()};
  const Design early(spec, {2015, 4}, 48);  // ends 2019-03: no Covid months
  EXPECT_EQ(early.intervention_column(0), -1);
  EXPECT_EQ(early.columns(), 6);
  const Design late(spec, {2015, 4}, 72);  // ends 2021-03: all three windows inside
  EXPECT_EQ(late.columns(), 9);
  const Eigen::MatrixXd x = late.rows({2020, 3}, 5);  // Mar..Jul 2020
  const int c = late.intervention_column(0);
  EXPECT_EQ(x(0, c), 0.0);
  EXPECT_EQ(x(1, c), 1.0);
  EXPECT_EQ(x(3, c), 1.0);
  EXPECT_EQ(x(4, c), 0.0);
}

}  // namespace
}  // namespace caseflow::models::forecast
