#pragma once
// Reads the declared keys (io/scenario_keys.h) from a stack of YAML layers into a Target:
// sections in declaration order, each key by its type and range, then its named checks;
// an optional key that no layer gives takes its declared default; keys nobody declared are
// errors with a "did you mean" suggestion (YamlReader::finish).
#include <span>
#include <string>
#include <variant>

#include "io/scenario_keys.h"
#include "io/yaml_reader.h"

namespace caseflow::io {

// What a Validator sees: the section its key sits in (to locate errors at FILE:LINE:COL),
// the Target, and the keys of that section through their bindings. For a section's own
// checks the section is the one checked and `key()` is empty.
class KeyCheck {
 public:
  KeyCheck(YamlReader& section, Target& target, std::string section_key, std::string key, std::size_t member);

  const std::string& key() const { return key_; }  // the key checked, inside section()
  YamlReader& section() const { return section_; }
  const sim::Scenario& scenario() const { return target_.scenario; }  // the keys read before this section

  // A key of this section (a sibling of the one checked), through its declared binding.
  template <typename T>
  T& value(const std::string& key) const {
    Target at{target_.scenario, target_.parameters, member_};
    return std::get<Field<T>>(declared(key).bind).get(at);
  }
  std::span<double> numbers(const std::string& key) const;
  // Sets a key of this section to its declared default.
  void reset_to_default(const std::string& key) const;
  [[noreturn]] void fail(const std::string& key, const std::string& message) const { section_.fail(key, message); }

 private:
  const KeyDeclaration& declared(const std::string& key) const;

  YamlReader& section_;
  Target& target_;
  std::string section_key_, key_;
  std::size_t member_;
};

// Every key of the scenario, top level first; then reports keys nobody declared.
void read_scenario_keys(YamlReader& root, Target& target);
// Only the sections that make up sim::Parameters: one dated period's values.
void read_parameter_keys(YamlReader& root, Target& target);

// Sets `key` to its declared default (an optional key that no layer gives).
void apply_default(const ConcreteKey& key, Target& target);

}  // namespace caseflow::io
