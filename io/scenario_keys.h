#pragma once
// Every key a scenario file may hold, declared once: its type, unit, allowed range, whether
// it is required or else its default, whether dated `changes:` may set it, its one-line
// meaning, and how it binds to the sim::Scenario or sim::Parameters field it fills. The
// parser (io/key_reader, io/scenario_yaml), the `changes:` check, the error messages and the
// reference page docs/scenario-format.md (io/scenario_format) all come from this table.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::io {

class KeyCheck;

// What a binding reaches: the scenario being read, the dated parameters being read, and for
// a key of a family (`workforce.teams.<team>.cap_cases`) which member it is (the index into
// the family's names, e.g. sim::team_names()).
struct Target {
  sim::Scenario& scenario;
  sim::Parameters& parameters;
  std::size_t member = 0;
};

// A binding: small accessors from a Target to the field a key fills. When the structs in
// sim/scenario.h change shape, only these accessor bodies (in io/scenario_keys.cpp) change.
template <typename T>
struct Field {
  std::function<T&(Target&)> get;
};
struct Numbers {  // a fixed-length list, or a map over fixed names (one number per name)
  std::function<std::span<double>(Target&)> get;
};
struct ShareFields {  // shares of one whole: one field per name, in the declaration's order
  std::function<std::vector<double*>(Target&)> get;
};
using Binding = std::variant<std::monostate, Field<double>, Field<int>, Field<std::uint64_t>, Field<std::uint32_t>,
                             Field<std::string>, Field<engine::CivilDate>, Field<sim::Distribution>,
                             Field<std::vector<double>>, Numbers, ShareFields, Field<std::vector<sim::DemandShock>>,
                             Field<std::vector<sim::SchoolHoliday>>, Field<std::vector<sim::CareAgeBand>>>;

enum class KeyType {
  kSection,       // a map of keys; merges key by key across files
  kText,
  kDate,          // YYYY-MM-DD
  kNumber,
  kInteger,       // a whole number
  kProbability,   // a number from 0 to 1
  kNumberList,    // [a, b, ...]: a fixed count, or any count when `names` is empty and length is 0
  kNamedMap,      // {name: number, ...} over fixed names (sources, placements)
  kShares,        // {name: share, ...}: every name, each 0 to 1, summing to 1
  kDistribution,  // {dist: lognormal, median_days: 30, p90_days: 90}, ...
  kShockList,     // [{name, from, to, multipliers: {all, <source>...}}, ...]
  kHolidayList,   // [{from, to}, ...]
  kCareBandList,  // [{from_age, to_age, exits_before_18: {...}, duration_by_exit: {...}}, ...]
  kChangeList,    // [{from: DATE, set: {dotted.key: value}}, ...]
};

// Allowed values of a number, or of each number of a list or map. Unbounded by default.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false, max_open = false;

  bool contains(double value) const;
  bool unbounded() const;
  // "0 to 1", ">= 0", "> 0", ">= 0 and < 1"... for the reference page.
  std::string text() const;
  // "must be between 0 and 1", "must not be negative"... for error messages.
  std::string rule() const;
};

// A named check beyond a key's type and range (shares summing to 1, a pace under the cap,
// the school calendar). A key's checks run after it is read; a section's after all its keys.
struct Validator {
  std::string name;  // short, for the reference page
  std::string rule;  // one line, for the reference page
  std::function<void(KeyCheck&)> run;
};

enum class Part { kScenario, kParameters };  // fixed for the run, or part of each dated period

struct KeyDeclaration {
  std::string key;  // dotted; a family's member is written <team> or <type>
  KeyType type = KeyType::kNumber;
  std::string unit;
  Range range;
  bool required = true;
  std::string default_yaml;  // optional keys: the value that applies when no file gives one, as YAML
  bool changeable = false;   // whether `changes:` may set it
  std::string meaning;       // one line
  Binding bind;
  std::vector<std::string> names;   // kNamedMap, kShares: the keys inside, in order
  std::size_t length = 0;           // kNumberList bound to a fixed-length array
  std::vector<std::size_t> members;  // a family key held by only some members (empty: all)
  std::vector<Validator> validators;
  Part part = Part::kScenario;
  std::string note;  // shown on the page after the meaning
};

// The declarations in the order the parser reads them: each section before its keys.
const std::vector<KeyDeclaration>& scenario_keys();

// A family placeholder and the names it stands for.
struct KeyFamily {
  std::string placeholder;  // "<team>"
  std::vector<std::string> names;
};
const std::vector<KeyFamily>& key_families();

// A key as a file writes it: families expanded (workforce.teams.assessment.cap_cases).
struct ConcreteKey {
  std::string key;
  const KeyDeclaration* declaration = nullptr;
  std::size_t member = 0;

  std::string name() const;    // the last part: cap_cases
  std::string parent() const;  // the section it sits in: workforce.teams.assessment ("" at the top)
};

// Every key in declaration order, families expanded member by member.
const std::vector<ConcreteKey>& concrete_keys();
// The key spelled `dotted`, or nullptr.
const ConcreteKey* find_key(const std::string& dotted);
// The nearest declared key to a misspelt one (edit distance under 4), or "".
std::string nearest_key(const std::string& dotted);

std::string type_name(KeyType type);

}  // namespace caseflow::io
