#include "io/key_reader.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "io/output_text.h"
#include "sim/stage_table.h"

namespace caseflow::io {

namespace {

// The keys declared directly inside each section, in declaration order ("" = the top level).
const std::vector<const ConcreteKey*>& children_of(const std::string& section) {
  static const std::map<std::string, std::vector<const ConcreteKey*>> kChildren = [] {
    std::map<std::string, std::vector<const ConcreteKey*>> out;
    for (const auto& k : concrete_keys()) out[k.parent()].push_back(&k);
    return out;
  }();
  static const std::vector<const ConcreteKey*> kNone;
  const auto it = kChildren.find(section);
  return it == kChildren.end() ? kNone : it->second;
}

// The id of a stage of the standard table, by its name.
std::size_t standard_stage(const std::string& name) {
  for (const sim::StageSpec& spec : sim::StageTable::standard()->specs())
    if (spec.name == name) return sim::stage_index(spec.id);
  throw std::logic_error("no stage '" + name + "' in the standard stage table");
}

// A list of shocks: each {name, from, to, multipliers: {all, <source>...}}; a source not
// named takes `all`, and `all` defaults to 1. Demand shocks (their declaration names the
// stages in `entry_stages`) may also give `uasc` (a multiplier, default 1) and
// `entries: {<stage>: share let through, ...}`, each 0 to 1 (a shock holds entries back; it
// cannot add children); for other shocks both are unknown keys.
constexpr double kMaxShockMultiplier = 100;

std::vector<sim::DemandShock> read_shocks(YamlReader& r, const std::string& key, bool required,
                                          const std::vector<std::string>& entry_stages) {
  std::vector<sim::DemandShock> shocks;
  for (YamlReader item : r.items(key, required)) {
    sim::DemandShock shock;
    item.read("name", shock.name);
    item.read("from", shock.from);
    item.read("to", shock.to);
    if (shock.to < shock.from) item.fail("to", "ends before it starts");
    YamlReader m = item.section("multipliers");
    double all = 1.0;
    m.read("all", all, false);
    // A shock may close a source or multiply it up to 100 times (docs/reliability.md, Resource limits).
    const auto check_multiplier = [&m](const std::string& name, double value) {
      m.require_non_negative(name, value);
      if (value > kMaxShockMultiplier) m.fail(name, "must be at most 100");
    };
    check_multiplier("all", all);
    for (std::size_t s = 0; s < sim::kSources; ++s) {
      shock.multiplier[s] = all;
      m.read(sim::source_names()[s], shock.multiplier[s], false);
      check_multiplier(sim::source_names()[s], shock.multiplier[s]);
    }
    m.finish();
    if (!entry_stages.empty()) {
      item.read("uasc", shock.uasc, false);
      item.require_non_negative("uasc", shock.uasc);
    }
    if (!entry_stages.empty() && item.has("entries")) {
      YamlReader e = item.section("entries");
      for (const std::string& stage : entry_stages) {
        double& share = shock.entries[standard_stage(stage)];
        e.read(stage, share, false);
        e.require_probability(stage, share);
      }
      e.finish();
    }
    item.finish();
    shocks.push_back(std::move(shock));
  }
  return shocks;
}

// A list of holidays: each {from, to}, inclusive, in date order without overlaps.
std::vector<sim::SchoolHoliday> read_holidays(YamlReader& r, const std::string& key, bool required) {
  std::vector<sim::SchoolHoliday> holidays;
  for (YamlReader item : r.items(key, required)) {
    sim::SchoolHoliday h;
    item.read("from", h.from);
    item.read("to", h.to);
    if (h.to < h.from) item.fail("to", "ends before it starts");
    if (!holidays.empty() && !(holidays.back().to < h.from))
      item.fail("from", "starts before the previous holiday ends: list holidays in date order, without overlaps");
    item.finish();
    holidays.push_back(h);
  }
  return holidays;
}

// A list of care bands by age at entry (sim::CareAgeBand): contiguous, youngest first, from
// 0 to 18, each setting at least one of its exits (shares and durations together), its
// placement shares and its placement moves a year; what a band leaves out is the care-wide value.
std::vector<sim::CareAgeBand> read_care_bands(YamlReader& r, const std::string& key, bool required) {
  constexpr std::size_t kMostBands = 18;  // a band a year at most; the journey keeps a band's index in a byte
  std::vector<sim::CareAgeBand> bands;
  for (YamlReader item : r.items(key, required)) {
    if (bands.size() == kMostBands) r.fail(key, "more than " + std::to_string(kMostBands) + " bands");
    sim::CareAgeBand band;
    item.read("from_age", band.from_age_years);
    item.read("to_age", band.to_age_years);
    const double from = bands.empty() ? 0.0 : bands.back().to_age_years;
    if (band.from_age_years != from)
      item.fail("from_age", bands.empty() ? "the first band must start at 0 (got " + message_number(band.from_age_years) + ")"
                                          : "must be the previous band's to_age, " + message_number(from) + " (got " +
                                                message_number(band.from_age_years) + "): bands are contiguous, youngest first");
    if (!(band.to_age_years > band.from_age_years) || band.to_age_years > 18.0)
      item.fail("to_age", "must be above from_age and at most 18 (got " + message_number(band.to_age_years) + ")");
    if (item.has("exits_before_18") || item.has("duration_by_exit")) {
      sim::CareExits& e = band.exits.emplace();
      item.read_shares("exits_before_18",
                       {{"home", &e.exit_home}, {"sgo", &e.exit_sgo}, {"adoption", &e.exit_adoption}, {"other", &e.exit_other}});
      YamlReader durations = item.section("duration_by_exit");
      durations.read("home", e.duration_home);
      durations.read("sgo", e.duration_sgo);
      durations.read("adoption", e.duration_adoption);
      durations.read("other", e.duration_other);
      durations.finish();
    }
    if (item.has("placement_shares")) {
      const auto& names = sim::placement_names();
      sim::PerPlacement& shares = band.placement_shares.emplace();
      item.read_named("placement_shares", {names.begin(), names.end()}, shares);
      double sum = 0;
      for (double x : shares) {
        item.require_probability("placement_shares", x);
        sum += x;
      }
      if (std::fabs(sum - 1) > 1e-6) item.fail("placement_shares", "shares sum to " + message_number(sum) + ", not 1");
    }
    if (item.has("placement_moves_per_year")) {
      double& moves = band.placement_moves_per_year.emplace();
      item.read("placement_moves_per_year", moves);
      if (!(moves >= 0 && moves <= 365))
        item.fail("placement_moves_per_year", "must be between 0 and 365 (got " + message_number(moves) + "); unit: moves/child/year");
    }
    if (!band.exits && !band.placement_shares && !band.placement_moves_per_year)
      item.fail("to_age", "the band sets nothing: give it exits_before_18 and duration_by_exit, placement_shares or "
                          "placement_moves_per_year");
    item.finish();
    bands.push_back(std::move(band));
  }
  if (!bands.empty() && bands.back().to_age_years != 18.0)
    r.fail(key, "the last band must end at to_age 18 (got " + message_number(bands.back().to_age_years) + "): the bands cover every age at entry");
  return bands;
}

// Reads one key's value through its binding and, unless it is a declared default, checks
// each number against the declared range.
class ValueReader {
 public:
  ValueReader(YamlReader& r, const ConcreteKey& key, Target& at, bool check)
      : r_(r), d_(*key.declaration), name_(key.name()), at_(at), check_(check) {}

  void operator()(std::monostate) const {
    if (d_.type == KeyType::kChangeList) {
      (void)r_.items(name_, d_.required);  // the changes themselves are read per file (io/scenario_yaml)
    } else {
      std::string ignored;  // `extends:` is followed while loading the files
      r_.read(name_, ignored, d_.required);
    }
  }
  void operator()(const Field<double>& f) const { number(f); }
  void operator()(const Field<int>& f) const { number(f); }
  void operator()(const Field<std::uint64_t>& f) const { number(f); }
  void operator()(const Field<std::uint32_t>& f) const { number(f); }
  void operator()(const Field<std::string>& f) const { r_.read(name_, f.get(at_), d_.required); }
  void operator()(const Field<engine::CivilDate>& f) const { r_.read(name_, f.get(at_), d_.required); }
  void operator()(const Field<sim::Distribution>& f) const { r_.read(name_, f.get(at_), d_.required); }
  void operator()(const Field<std::vector<double>>& f) const {
    std::vector<double>& values = f.get(at_);
    r_.read(name_, values, d_.required);
    for (double v : values) in_range(v);
  }
  void operator()(const Numbers& f) const {
    const std::span<double> values = f.get(at_);
    if (d_.type == KeyType::kNamedMap)
      r_.read_named(name_, d_.names, values, d_.required);
    else
      r_.read(name_, values, d_.required);
    for (double v : values) in_range(v);
  }
  void operator()(const ShareFields& f) const {
    const std::vector<double*> fields = f.get(at_);
    std::vector<std::pair<std::string, double*>> named;
    for (std::size_t i = 0; i < fields.size() && i < d_.names.size(); ++i) named.emplace_back(d_.names[i], fields[i]);
    r_.read_shares(name_, named);
  }
  void operator()(const Field<std::vector<sim::DemandShock>>& f) const {
    f.get(at_) = read_shocks(r_, name_, d_.required, d_.names);
  }
  void operator()(const Field<std::vector<sim::SchoolHoliday>>& f) const {
    f.get(at_) = read_holidays(r_, name_, d_.required);
  }
  void operator()(const Field<std::vector<sim::CareAgeBand>>& f) const {
    f.get(at_) = read_care_bands(r_, name_, d_.required);
  }

 private:
  template <typename T>
  void number(const Field<T>& f) const {
    T& value = f.get(at_);
    r_.read(name_, value, d_.required);
    in_range(static_cast<double>(value));
  }
  void in_range(double value) const {
    if (!check_ || d_.range.contains(value)) return;
    r_.fail(name_, d_.range.rule() + " (got " + message_number(value) + ")" + (d_.unit.empty() ? "" : "; unit: " + d_.unit));
  }

  YamlReader& r_;
  const KeyDeclaration& d_;
  std::string name_;
  Target& at_;
  bool check_;
};

void read_key(YamlReader& r, const ConcreteKey& key, Target& target) {
  const KeyDeclaration& d = *key.declaration;
  const std::string name = key.name();
  if (!d.required && !r.has(name)) {
    r.allow(name);
    apply_default(key, target);
    return;
  }
  if (d.type == KeyType::kSection) {
    YamlReader inner = r.section(name);
    for (const ConcreteKey* child : children_of(key.key)) read_key(inner, *child, target);
    KeyCheck check(inner, target, key.key, "", key.member);
    for (const auto& v : d.validators) v.run(check);
    inner.finish();
    return;
  }
  Target at{target.scenario, target.parameters, key.member};
  std::visit(ValueReader(r, key, at, true), d.bind);
  KeyCheck check(r, target, key.parent(), name, key.member);
  for (const auto& v : d.validators) v.run(check);
}

}  // namespace

KeyCheck::KeyCheck(YamlReader& section, Target& target, std::string section_key, std::string key, std::size_t member)
    : section_(section), target_(target), section_key_(std::move(section_key)), key_(std::move(key)), member_(member) {}

const KeyDeclaration& KeyCheck::declared(const std::string& key) const {
  const ConcreteKey* k = find_key(section_key_.empty() ? key : section_key_ + "." + key);
  if (!k) throw std::logic_error("a check names an undeclared key: " + section_key_ + "." + key);
  return *k->declaration;
}

std::span<double> KeyCheck::numbers(const std::string& key) const {
  Target at{target_.scenario, target_.parameters, member_};
  return std::get<Numbers>(declared(key).bind).get(at);
}

void KeyCheck::reset_to_default(const std::string& key) const {
  apply_default(*find_key(section_key_.empty() ? key : section_key_ + "." + key), target_);
}

void apply_default(const ConcreteKey& key, Target& target) {
  const KeyDeclaration& d = *key.declaration;
  if (d.required || d.type == KeyType::kSection || std::holds_alternative<std::monostate>(d.bind)) return;
  YAML::Node map(YAML::NodeType::Map);
  map[key.name()] = YAML::Load(d.default_yaml);
  YamlReader r({{map, "the declared default of " + key.key}}, key.parent());
  Target at{target.scenario, target.parameters, key.member};
  std::visit(ValueReader(r, key, at, false), d.bind);
}

void read_scenario_keys(YamlReader& root, Target& target) {
  for (const ConcreteKey* key : children_of("")) read_key(root, *key, target);
  root.finish();
}

void read_parameter_keys(YamlReader& root, Target& target) {
  for (const ConcreteKey* key : children_of(""))
    if (key->declaration->part == Part::kParameters) read_key(root, *key, target);
}

}  // namespace caseflow::io
