#pragma once
// A dotted scenario key set in a YAML tree: `set_dotted(root, "referral.nfa_prob", v)` makes
// root's `referral` map (creating it, or replacing a value that is not a map) and sets its
// `nfa_prob`. For the trees caseflow builds itself from dotted keys: a dated change's `set:`,
// a parameter draw.
#include <string>

#include <yaml-cpp/yaml.h>

namespace caseflow::io {

void set_dotted(YAML::Node& root, const std::string& dotted, const YAML::Node& value);

}  // namespace caseflow::io
