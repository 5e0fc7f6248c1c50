#pragma once
// Shared by the scenario-error tests: fixtures in tests/data/, and the check that a bad
// scenario is a UserError of the form "FILE:LINE[:COL]: key: what is wrong".
#include <gtest/gtest.h>

#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"

namespace caseflow::io::testing {

inline std::string fixture(const std::string& name) {
  return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/" + name;
}

// Loads `file`, expecting a UserError; returns its message.
inline std::string error_of(const std::string& file) {
  try {
    (void)load_scenario(file);
  } catch (const UserError& e) {
    return e.what();
  }
  ADD_FAILURE() << file << " loaded without error";
  return {};
}

// The fixture's own name, then a positive line number and ':', and the key and the reason.
inline void expect_located(const std::string& name, const std::string& key, const std::string& what) {
  const std::string message = error_of(fixture(name));
  SCOPED_TRACE(message);
  const std::size_t at = message.find(name + ":");
  ASSERT_NE(at, std::string::npos) << "no FILE: prefix";
  const std::size_t line = at + name.size() + 1;
  ASSERT_LT(line, message.size());
  EXPECT_TRUE(message[line] >= '1' && message[line] <= '9') << "no positive LINE after FILE:";
  const std::size_t after = message.find_first_not_of("0123456789", line);
  EXPECT_TRUE(after != std::string::npos && message[after] == ':') << "LINE not followed by ':'";
  EXPECT_NE(message.find(key), std::string::npos) << "key '" << key << "' missing";
  EXPECT_NE(message.find(what), std::string::npos) << "'" << what << "' missing";
}

}  // namespace caseflow::io::testing
