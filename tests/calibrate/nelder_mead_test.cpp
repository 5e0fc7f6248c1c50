#include "calibrate/nelder_mead.h"

#include <gtest/gtest.h>

#include <cmath>

namespace caseflow::calibrate {
namespace {

TEST(NelderMead, FindsTheRosenbrockMinimum) {
  // The classic curved valley, minimum 0 at (1, 1), from the textbook start (-1.2, 1).
  const auto r = minimise([](const std::vector<double>& x) { return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2); },
                          {-1.2, 1.0}, {0.5, 0.5}, 1e-14);
  EXPECT_NEAR(r.x[0], 1.0, 1e-3);
  EXPECT_NEAR(r.x[1], 1.0, 1e-3);
  EXPECT_TRUE(r.converged);
}

TEST(NelderMead, HandlesAQuadraticInSixDimensions) {
  const auto r = minimise(
      [](const std::vector<double>& x) {
        double s = 0;
        for (std::size_t i = 0; i < x.size(); ++i) s += static_cast<double>(i + 1) * std::pow(x[i] - static_cast<double>(i), 2);
        return s;
      },
      std::vector<double>(6, 3.0), std::vector<double>(6, 1.0), 1e-14);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(r.x[i], static_cast<double>(i), 1e-3);
}

}  // namespace
}  // namespace caseflow::calibrate
