// Issue 16: inputs that validated and then failed in `run` with bad_alloc after 11-28 s
// (4 billion replications, 1e12 contacts a month, a profile entry of 1e15, two billion
// children at the start, a shock of x1,000,000) are now errors when the scenario is read,
// naming file, line and key. The limits are documented in docs/reliability.md.
#include <gtest/gtest.h>

#include "scenario_error_helpers.h"

namespace caseflow::io {
namespace {

using testing::expect_located;

TEST(ResourceLimits, Replications) { expect_located("limits_replications.yaml", "replications", "between 1 and 100000"); }
TEST(ResourceLimits, ContactsPerMonth) {
  expect_located("limits_contacts.yaml", "demand.contacts_per_month", "between 0 and 1000000");
}
TEST(ResourceLimits, ProfileMultiplier) { expect_located("limits_profile.yaml", "demand.monthly_profile", "between 0 and 100"); }
TEST(ResourceLimits, InitialStock) { expect_located("limits_initial_stock.yaml", "initial_stock.cla", "between 0 and 2000000"); }
TEST(ResourceLimits, ShockMultiplier) {
  expect_located("limits_shock.yaml", "demand.shocks[0].multipliers.police", "at most 100");
}

}  // namespace
}  // namespace caseflow::io
