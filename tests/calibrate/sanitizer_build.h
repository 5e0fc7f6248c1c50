#pragma once
// Whether this test binary is the sanitizer build (scripts/test.sh builds with ASan and
// UBSan), which runs 10-20 times slower: the tests that run many replications skip there.

namespace caseflow::testing {

constexpr bool sanitizer_build() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#else
  return false;
#endif
}

}  // namespace caseflow::testing
