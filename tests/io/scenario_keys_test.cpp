// The key declarations (io/scenario_keys.cpp) against the structs they fill and the files
// they read: every optional key's declared default is the struct's default, every required
// key's field starts neutral (zero or empty) and loading fails without it, and `changes:`
// accepts a key exactly when it is declared changeable.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/key_reader.h"
#include "io/scenario_keys.h"
#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "scenario_error_helpers.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

namespace fs = std::filesystem;
using testing::error_of;
using testing::expect_located;
using testing::fixture;

std::string baseline_path() { return std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml"; }

// The node at a dotted key, or an undefined node; never inserts (const access).
YAML::Node find_node(const YAML::Node& node, const std::string& dotted) {
  const std::size_t dot = dotted.find('.');
  const YAML::Node child = node[dotted.substr(0, dot)];
  if (!child || dot == std::string::npos) return child;
  return find_node(child, dotted.substr(dot + 1));
}

// One folder per test, in this process's own scratch folder (removed when it ends).
fs::path scratch_dir() {
  static const test::ScratchDir scratch;
  const fs::path dir = scratch / ::testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::create_directories(dir);
  return dir;
}

bool same(const sim::Distribution& a, const sim::Distribution& b) {
  return a.kind == b.kind && a.unit == b.unit && a.value == b.value && a.p90 == b.p90 && a.sigma == b.sigma &&
         a.upper == b.upper && a.probs == b.probs && a.tail_mean == b.tail_mean;
}
bool same(const std::vector<sim::DemandShock>& a, const std::vector<sim::DemandShock>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].from != b[i].from || a[i].to != b[i].to || a[i].multiplier != b[i].multiplier)
      return false;
  return true;
}
bool same(const std::vector<sim::SchoolHoliday>& a, const std::vector<sim::SchoolHoliday>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].from != b[i].from || a[i].to != b[i].to) return false;
  return true;
}
bool same(const std::vector<sim::CareAgeBand>& a, const std::vector<sim::CareAgeBand>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].from_age_years != b[i].from_age_years || a[i].to_age_years != b[i].to_age_years ||
        a[i].exits.has_value() != b[i].exits.has_value() || a[i].placement_shares != b[i].placement_shares ||
        a[i].placement_moves_per_year != b[i].placement_moves_per_year)
      return false;
    if (!a[i].exits) continue;
    const sim::CareExits &x = *a[i].exits, &y = *b[i].exits;
    if (x.exit_home != y.exit_home || x.exit_sgo != y.exit_sgo || x.exit_adoption != y.exit_adoption || x.exit_other != y.exit_other)
      return false;
  }
  return true;
}
template <typename T>
bool same(const T& a, const T& b) {
  return a == b;
}

// Whether the field `binding` reaches holds the same value in two targets.
bool same_value(const Binding& binding, Target& a, Target& b) {
  return std::visit(
      [&](const auto& field) -> bool {
        using F = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<F, std::monostate>) {
          return true;
        } else if constexpr (std::is_same_v<F, Numbers>) {
          const auto x = field.get(a), y = field.get(b);
          return std::equal(x.begin(), x.end(), y.begin(), y.end());
        } else if constexpr (std::is_same_v<F, ShareFields>) {
          const auto x = field.get(a), y = field.get(b);
          for (std::size_t i = 0; i < x.size(); ++i)
            if (*x[i] != *y[i]) return false;
          return true;
        } else {
          return same(field.get(a), field.get(b));
        }
      },
      binding);
}

// Whether the field holds zero or nothing: the neutral start of a required key's field.
bool neutral(const Binding& binding, Target& t) {
  return std::visit(
      [&](const auto& field) -> bool {
        using F = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<F, std::monostate>) {
          return true;
        } else if constexpr (std::is_same_v<F, Numbers>) {
          for (double v : field.get(t))
            if (v != 0) return false;
          return true;
        } else if constexpr (std::is_same_v<F, ShareFields>) {
          for (double* v : field.get(t))
            if (*v != 0) return false;
          return true;
        } else {
          using T = std::decay_t<decltype(field.get(t))>;
          return same(field.get(t), T{});
        }
      },
      binding);
}

TEST(ScenarioKeys, EveryKeySitsInADeclaredSectionAndSaysWhatItIs) {
  for (const auto& k : concrete_keys()) {
    SCOPED_TRACE(k.key);
    const KeyDeclaration& d = *k.declaration;
    EXPECT_FALSE(d.meaning.empty());
    if (!k.parent().empty()) {
      const ConcreteKey* parent = find_key(k.parent());
      ASSERT_NE(parent, nullptr) << "undeclared section";
      EXPECT_EQ(parent->declaration->type, KeyType::kSection);
      EXPECT_LT(parent, &k) << "a section is declared before its keys";
      EXPECT_EQ(parent->declaration->part, d.part);
    }
    if (d.type == KeyType::kNamedMap || d.type == KeyType::kShares) {
      EXPECT_FALSE(d.names.empty());
    }
    if (d.type == KeyType::kProbability) {
      EXPECT_TRUE(d.range.min >= 0 && d.range.max <= 1);
    }
    if (d.type == KeyType::kNumber || d.type == KeyType::kInteger || d.type == KeyType::kProbability) {
      EXPECT_FALSE(std::holds_alternative<std::monostate>(d.bind)) << "a number binds to a field";
    }
    if (d.changeable) {
      EXPECT_EQ(d.part, Part::kParameters);
    }
    if (!d.required && d.type != KeyType::kSection && k.key != "extends") {
      EXPECT_FALSE(d.default_yaml.empty()) << "an optional key documents its default";
    }
  }
  EXPECT_EQ(find_key("workforce.teams.front_door.cap_cases"), nullptr) << "the front door holds no cases";
  EXPECT_NE(find_key("workforce.teams.care_leavers.cap_cases"), nullptr);
}

TEST(ScenarioKeys, OptionalKeysDefaultToTheStructDefaults) {
  int checked = 0;
  for (const auto& k : concrete_keys()) {
    const KeyDeclaration& d = *k.declaration;
    if (d.required || d.type == KeyType::kSection || std::holds_alternative<std::monostate>(d.bind)) continue;
    SCOPED_TRACE(k.key + ", declared default " + d.default_yaml);
    sim::Scenario plain_scenario, declared_scenario;
    sim::Parameters plain, declared;
    Target a{plain_scenario, plain, k.member}, b{declared_scenario, declared, k.member};
    apply_default(k, b);
    EXPECT_TRUE(same_value(d.bind, a, b)) << "sim/scenario.h's default differs from the declared default";
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST(ScenarioKeys, RequiredKeysStartNeutral) {
  for (const auto& k : concrete_keys()) {
    const KeyDeclaration& d = *k.declaration;
    if (!d.required || d.type == KeyType::kSection) continue;
    SCOPED_TRACE(k.key);
    sim::Scenario s;
    sim::Parameters p;
    Target t{s, p, k.member};
    EXPECT_TRUE(neutral(d.bind, t)) << "a required key's field should start at zero or empty, not at a value "
                                       "that could be mistaken for a default";
  }
}

// Removing any one required key from the baseline is an error naming it: no required key
// ever falls back to a value silently.
TEST(ScenarioKeys, BaselineWithoutARequiredKeyDoesNotLoad) {
  const fs::path dir = scratch_dir();
  int checked = 0;
  for (const auto& k : concrete_keys()) {
    if (!k.declaration->required) continue;
    SCOPED_TRACE(k.key);
    YAML::Node root = YAML::LoadFile(baseline_path());
    ASSERT_TRUE(find_node(root, k.key)) << "the baseline lacks a required key";
    const std::size_t dot = k.key.rfind('.');
    YAML::Node parent = dot == std::string::npos ? root : find_node(root, k.key.substr(0, dot));
    parent.remove(k.key.substr(dot == std::string::npos ? 0 : dot + 1));
    const fs::path path = dir / "without_key.yaml";
    YAML::Emitter emitter;
    emitter << root;
    std::ofstream(path) << emitter.c_str() << "\n";
    const std::string message = error_of(path.string());
    EXPECT_NE(message.find("missing required key '" + k.key + "'"), std::string::npos) << message;
    ++checked;
  }
  EXPECT_GE(checked, 100);
  fs::remove_all(dir);
}

// A dated change may set a key exactly when the key is declared changeable. Each key is set
// to the baseline's own value (or its default), so only the changeable flag decides.
TEST(ScenarioKeys, ChangesAcceptExactlyTheChangeableKeys) {
  const YAML::Node baseline = YAML::LoadFile(baseline_path());
  const fs::path dir = scratch_dir();
  for (const auto& k : concrete_keys()) {
    SCOPED_TRACE(k.key);
    const YAML::Node found = find_node(baseline, k.key);
    const YAML::Node value =
        found ? found : YAML::Load(k.declaration->default_yaml.empty() ? "0" : k.declaration->default_yaml);
    YAML::Node root;
    root["extends"] = baseline_path();
    YAML::Node change;
    change["from"] = "2020-01-01";
    change["set"][k.key] = YAML::Clone(value);
    root["changes"].push_back(change);
    const fs::path path = dir / "change_one_key.yaml";
    YAML::Emitter emitter;
    emitter << root;
    std::ofstream(path) << emitter.c_str() << "\n";
    std::string message;
    try {
      (void)load_scenario(path.string());
    } catch (const UserError& e) {
      message = e.what();
    }
    const bool refused = message.find("changes[].set:") != std::string::npos;
    EXPECT_EQ(refused, !k.declaration->changeable) << message;
  }
  fs::remove_all(dir);
}

TEST(ScenarioKeys, UnknownKeyInsideATeamSuggestsTheNearest) {
  expect_located("scenario_unknown_key_in_team.yaml", "workforce.teams.assessment.cap_case", "did you mean 'cap_cases'");
}

TEST(ScenarioKeys, FrontDoorHasNoCaseloadCap) {
  expect_located("scenario_front_door_cap.yaml", "unknown key 'workforce.teams.front_door.cap_cases'", "unknown key");
}

TEST(ScenarioKeys, UnknownKeyInAChangeSuggestsTheFullKey) {
  expect_located("scenario_change_unknown_key.yaml", "workforce.agency_target_shar",
                 "did you mean 'workforce.agency_target_share'");
}

TEST(ScenarioKeys, ChangeToAStartOnlyKeyListsTheKeysThatCanChange) {
  expect_located("scenario_change_fixed_key.yaml", "workforce.initial_agency_share",
                 "not a parameter that can change over time");
  const std::string message = error_of(fixture("scenario_change_fixed_key.yaml"));
  const std::string listed = message.substr(message.find("may set"));
  for (const auto& d : scenario_keys()) {
    if (d.key.rfind("workforce.", 0) != 0 || d.type == KeyType::kSection) continue;
    EXPECT_EQ(listed.find(d.key) != std::string::npos, d.changeable) << d.key << " in: " << message;
  }
}

TEST(ScenarioKeys, ChangeToAScenarioKeyNamesTheSectionsThatCanChange) {
  expect_located("scenario_change_scenario_key.yaml", "initial_stock.cla", "not a parameter that can change over time");
  const std::string message = error_of(fixture("scenario_change_scenario_key.yaml"));
  for (const auto& d : scenario_keys()) {
    if (d.type == KeyType::kSection && d.key.find('.') == std::string::npos) {
      EXPECT_EQ(message.find(" " + d.key) != std::string::npos, d.part == Part::kParameters) << d.key << ": " << message;
    }
  }
}

TEST(ScenarioKeys, ChangeToAWholeSectionIsRefused) {
  expect_located("scenario_change_section.yaml", "workforce.teams.assessment", "is a section");
}

TEST(ScenarioKeys, ChangeToOneShareAsksForTheWholeGroup) {
  expect_located("scenario_change_one_share.yaml", "cin_plan.outcomes.step_up_cp",
                 "part of 'cin_plan.outcomes', a share group set whole");
}

TEST(ScenarioKeys, OutOfRangeStatesTheRangeAndUnit) {
  expect_located("scenario_month_out_of_range.yaml", "workforce.asye_intake_month", "must be between 1 and 12 (got 13)");
  expect_located("scenario_month_out_of_range.yaml", "workforce.asye_intake_month", "unit: month (1 = January)");
  expect_located("scenario_sickness_out_of_range.yaml", "workforce.sickness_share_by_month",
                 "must be at least 0 and below 1 (got 1); unit: share of staff");
}

TEST(ScenarioKeys, RangeText) {
  EXPECT_EQ((Range{0, 1}).text(), "0 to 1");
  EXPECT_EQ((Range{0, 1}).rule(), "must be between 0 and 1");
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ((Range{0, inf}).rule(), "must not be negative");
  EXPECT_EQ((Range{0, inf, true}).rule(), "must be greater than zero");
  EXPECT_EQ((Range{0, inf, true}).text(), "> 0");
  EXPECT_EQ((Range{0, 1, true}).rule(), "must be greater than 0 and at most 1");
  EXPECT_EQ((Range{1, inf}).rule(), "must be at least 1");
  EXPECT_EQ(Range{}.text(), "any");
  EXPECT_TRUE(Range{}.contains(-1e300));
  EXPECT_FALSE((Range{0, 1, false, true}).contains(1));
}

}  // namespace
}  // namespace caseflow::io
