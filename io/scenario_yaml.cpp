#include "io/scenario_yaml.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/demand_paths_csv.h"
#include "io/initial_children.h"
#include "io/key_reader.h"
#include "io/parameter_draws_file.h"
#include "io/scenario_keys.h"
#include "io/user_error.h"
#include "io/yaml_dotted.h"
#include "io/yaml_file.h"
#include "sim/stage_table.h"
#include "io/yaml_reader.h"

namespace caseflow::io {

namespace fs = std::filesystem;

namespace {

// Files from the root of the `extends:` chain down to the named file. Vectors of YAML nodes
// are only ever appended to: assigning a YAML::Node overwrites the node it refers to, so
// inserting, sorting or swapping would corrupt the files' trees.
std::vector<YamlLayer> load_chain(const fs::path& path) {
  std::vector<YamlLayer> child_first;
  std::vector<fs::path> seen;
  fs::path current = path;
  FileReference referrer;  // the `extends:` line that named `current`
  for (;;) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(current, ec);
    if (!ec && std::find(seen.begin(), seen.end(), canonical) != seen.end())
      throw UserError(referrer.file, referrer.line, referrer.column,
                      "extends: " + current.string() + " forms a cycle (it is already in the chain)");
    seen.push_back(canonical);
    YAML::Node node = load_yaml_file(current, referrer);
    child_first.push_back({node, current.string()});
    const YAML::Node parent = static_cast<const YAML::Node&>(node)["extends"];
    if (!parent) break;
    const int line = parent.Mark().line + 1, column = parent.Mark().column + 1;
    if (!parent.IsScalar() || parent.Scalar().empty())
      throw UserError(current.string(), line, column, "extends: expected a file name");
    referrer = {current.string(), line, column};
    current = current.parent_path() / parent.Scalar();
  }
  std::vector<YamlLayer> chain;
  for (auto it = child_first.rbegin(); it != child_first.rend(); ++it) chain.push_back(*it);
  return chain;
}

// The folder of the file that names `section.key`, the topmost layer (`layers` topmost first)
// that does: a file a scenario names is relative to the file that names it, as `extends:` is,
// so a what-if in another folder can extend a calibrated or forecast scenario and keep its CSV.
fs::path folder_naming(const std::vector<YamlLayer>& layers, const char* section, const char* key) {
  for (const YamlLayer& layer : layers) {
    const YAML::Node s = static_cast<const YAML::Node&>(layer.node)[section];
    if (s && s.IsMap() && static_cast<const YAML::Node&>(s)[key]) return fs::path(layer.file).parent_path();
  }
  return {};
}

// Deep merge for the resolved file: maps merge, everything else is replaced.
YAML::Node merged(const YAML::Node& base, const YAML::Node& over) {
  if (!base || !base.IsMap() || !over.IsMap()) return YAML::Clone(over);
  YAML::Node out = YAML::Clone(base);
  for (const auto& item : over) {
    const std::string key = item.first.as<std::string>();
    out[key] = merged(out[key], item.second);
  }
  return out;
}

struct Change {
  engine::CivilDate from;
  YAML::Node set;  // nested map built from dotted keys
  std::string file;
};

// `changes:` may set a key iff its declaration says so; the error names the keys that can.
std::string changeable_keys_text(const std::string& key) {
  const std::string section = key.substr(0, key.find('.'));
  std::vector<std::string> in_section, sections;
  for (const auto& d : scenario_keys()) {
    if (!d.changeable) continue;
    const std::string head = d.key.substr(0, d.key.find('.'));
    if (head == section) in_section.push_back(d.key);
    if (sections.empty() || sections.back() != head) sections.push_back(head);
  }
  auto join = [](const std::vector<std::string>& items, const std::string& last) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
      text += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
    return text;
  };
  if (!in_section.empty()) return "in " + section + ", `changes:` may set " + join(in_section, " and ");
  return "`changes:` may set keys inside " + join(sections, " or ") +
         " (docs/scenario-format.md marks each one that can change)";
}

void check_changeable(const std::string& key, const std::string& file, const YAML::Mark& mark) {
  auto fail = [&](const std::string& message) {
    throw UserError(file, mark.line + 1, mark.column + 1, "changes[].set: " + message);
  };
  const ConcreteKey* found = find_key(key);
  if (!found) {
    // A name inside a value that is set whole (a share group, a named map, a distribution).
    for (std::size_t dot = key.rfind('.'); dot != std::string::npos && dot > 0; dot = key.rfind('.', dot - 1)) {
      const ConcreteKey* whole = find_key(key.substr(0, dot));
      if (whole && whole->declaration->type != KeyType::kSection)
        fail("'" + key + "' is part of '" + whole->key + "', a " + type_name(whole->declaration->type) +
             " set whole: give '" + whole->key + "' its full value");
    }
    const std::string nearest = nearest_key(key);
    fail("unknown key '" + key + "'" + (nearest.empty() ? "" : "; did you mean '" + nearest + "'?"));
  }
  if (found->declaration->type == KeyType::kSection)
    fail("'" + key + "' is a section: set the keys inside it one by one; " + changeable_keys_text(key));
  if (!found->declaration->changeable)
    fail("'" + key + "' is not a parameter that can change over time; " + changeable_keys_text(key));
}

std::vector<Change> read_changes(const std::vector<YamlLayer>& chain) {
  std::vector<Change> changes;
  for (const auto& layer : chain) {
    const YAML::Node list = static_cast<const YAML::Node&>(layer.node)["changes"];
    if (!list) continue;
    if (!list.IsSequence())
      throw UserError(layer.file, list.Mark().line + 1, list.Mark().column + 1, "changes: expected a list");
    for (const auto& item : list) {
      YamlReader reader({{item, layer.file}}, "changes[]");
      Change change;
      change.file = layer.file;
      reader.read("from", change.from);
      const YAML::Node set = static_cast<const YAML::Node&>(item)["set"];
      if (!set || !set.IsMap())
        throw UserError(layer.file, item.Mark().line + 1, item.Mark().column + 1,
                        "changes[]: needs `set:` with a map of dotted keys, e.g. {workforce.agency_target_share: 0.25}");
      reader.section("set");
      reader.finish();
      change.set = YAML::Node(YAML::NodeType::Map);
      for (const auto& kv : set) {
        const std::string key = kv.first.as<std::string>();
        check_changeable(key, layer.file, kv.first.Mark());
        set_dotted(change.set, key, kv.second);
      }
      changes.push_back(std::move(change));
    }
  }
  std::vector<std::size_t> order(changes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return changes[a].from < changes[b].from; });
  std::vector<Change> sorted;
  for (std::size_t i : order) sorted.push_back(changes[i]);
  return sorted;
}

}  // namespace

std::string text_hash(const std::string& text) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

namespace {

// The scenario the chain of files (root first) makes. `read_children`: read the open children's
// file (a parameter draw takes its scenario's instead of reading the same file again).
sim::Scenario resolve(const std::vector<YamlLayer>& chain, const std::string& path, bool read_children) {
  std::vector<YamlLayer> layers;  // topmost first
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) layers.push_back(*it);
  YamlReader root(layers, "");
  sim::Scenario s;
  s.stages = sim::StageTable::standard();
  sim::Parameters first;
  Target target{s, first};
  read_scenario_keys(root, target);
  s.epochs.push_back({s.start_date, std::move(first)});
  if (read_children && !s.initial.children_file.empty()) {
    // Relative to the file that names it (calibrate writes both side by side).
    std::filesystem::path file(s.initial.children_file);
    if (file.is_relative()) file = folder_naming(layers, "initial_stock", "children") / file;
    s.initial.children = read_initial_children(file.string());
    check_initial_counts(s.initial, path);
  }
  load_demand_paths(s, path, folder_naming(layers, "demand", "level_paths"));

  // Each change stacks on everything before it: epoch k sees changes 1..k.
  std::vector<Change> changes = read_changes(chain);
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const Change& change = changes[k];
    std::vector<YamlLayer> stacked;
    for (std::size_t j = k + 1; j-- > 0;) stacked.push_back({changes[j].set, changes[j].file});
    for (const auto& layer : layers) stacked.push_back(layer);
    YamlReader view(stacked, "");
    sim::Parameters p;
    Target dated{s, p};
    read_parameter_keys(view, dated);
    if (change.from <= s.start_date)
      s.epochs.front().parameters = p;  // a change at or before the start applies from the start
    else if (s.epochs.back().from == change.from)
      s.epochs.back().parameters = p;
    else
      s.epochs.push_back({change.from, std::move(p)});
  }

  // The resolved scenario: every layer merged, `extends` dropped, all changes listed.
  YAML::Node resolved;
  for (const auto& layer : chain) resolved = merged(resolved, layer.node);
  resolved.remove("extends");
  resolved.remove("changes");
  if (!changes.empty()) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& change : changes) {
      YAML::Node item;
      item["from"] = engine::to_iso(change.from);
      item["set"] = change.set;
      list.push_back(item);
    }
    resolved["changes"] = list;
  }
  YAML::Emitter emitter;
  emitter << resolved;
  s.resolved_yaml = std::string(emitter.c_str()) + "\n";
  s.hash = text_hash(s.resolved_yaml);
  return s;
}

// The layer (index in the chain, root first) whose `parameter_draws:` applies: the topmost
// that names the key. Only called when the key is set.
std::size_t layer_naming_draws(const std::vector<YamlLayer>& chain) {
  for (std::size_t i = chain.size(); i-- > 0;)
    if (static_cast<const YAML::Node&>(chain[i].node)["parameter_draws"]) return i;
  throw std::logic_error("layer_naming_draws: no layer names parameter_draws");
}

std::string flow_text(const YAML::Node& node) {
  YAML::Emitter e;
  e.SetMapFormat(YAML::Flow);
  e.SetSeqFormat(YAML::Flow);
  e << node;
  return e.c_str();
}

// Where `layer` sets the dotted key (its line and column), or where it names the draws.
FileReference line_setting(const YamlLayer& layer, const std::string& dotted) {
  YAML::Node node;
  node.reset(layer.node);
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = dotted.find('.', start);
    const YAML::Node& here = node;  // const: looking a key up must not add it
    const YAML::Node next = here.IsMap() ? here[dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start)] : YAML::Node();
    if (!next) {
      const YAML::Mark m = static_cast<const YAML::Node&>(layer.node)["parameter_draws"].Mark();
      return {layer.file, m.line + 1, m.column + 1};
    }
    if (dot == std::string::npos) return {layer.file, next.Mark().line + 1, next.Mark().column + 1};
    node.reset(next);
    start = dot + 1;
  }
}

// Each value of `central` (the draws file's: what the draws were drawn around) against what the
// files up to the one naming the draws give: a draw's value lies above them and would hide an
// edit made there since the draws were written.
void check_drawn_around(const YAML::Node& central, const YAML::Node& given, const std::string& prefix,
                        const YamlLayer& naming, const std::string& draws_file) {
  for (const auto& item : central) {
    const std::string key = prefix + item.first.as<std::string>();
    const YAML::Node there = given.IsMap() ? static_cast<const YAML::Node&>(given)[item.first.as<std::string>()] : YAML::Node();
    if (item.second.IsMap() && there && there.IsMap()) {
      check_drawn_around(item.second, there, key + ".", naming, draws_file);
      continue;
    }
    if (there && flow_text(there) == flow_text(item.second)) continue;
    const FileReference at = line_setting(naming, key);
    throw UserError(at.file, at.line, at.column,
                    key + ": " + naming.file + " gives " + (there ? flow_text(there) : std::string("none")) +
                        ", but its parameter draws (" + draws_file + ") were drawn around " + flow_text(item.second) +
                        ", and each draw's own value would hide the edit: make the change in a file that extends " +
                        naming.file + " (it then applies in every draw), or calibrate again");
  }
}

FileReference draws_line(const YamlLayer& layer) {
  const YAML::Mark mark = static_cast<const YAML::Node&>(layer.node)["parameter_draws"].Mark();
  return {layer.file, mark.line + 1, mark.column + 1};
}

}  // namespace

sim::Scenario load_scenario(const std::string& path) {
  const std::vector<YamlLayer> chain = load_chain(path);
  sim::Scenario s = resolve(chain, path, true);
  if (!s.parameter_draws_file.empty()) {
    const FileReference at = draws_line(chain[layer_naming_draws(chain)]);
    throw UserError(at.file, at.line, at.column,
                    "parameter_draws: this command does not read parameter draws (`synth` writes one scenario's truth; "
                    "`caseflow run` of a scenario or a region, `compare`, `plan`, `validate`, `project`, `forecast --base` and "
                    "caseflow-mpi do), and would take the central calibration alone: give it a file that extends " +
                        path + " with `parameter_draws: \"\"` to do that knowingly");
  }
  return s;
}

LoadedScenario load_scenario_and_draws(const std::string& path) {
  const std::vector<YamlLayer> chain = load_chain(path);
  LoadedScenario loaded{resolve(chain, path, true), {}};
  sim::Scenario& central = loaded.scenario;
  if (central.parameter_draws_file.empty()) return loaded;
  const std::size_t naming = layer_naming_draws(chain);
  std::filesystem::path file(central.parameter_draws_file);
  if (file.is_relative()) file = fs::path(chain[naming].file).parent_path() / file;
  const ParameterDrawsFile drawn = read_parameter_draws(file, draws_line(chain[naming]));
  const std::vector<YAML::Node>& draws = drawn.draws;
  if (drawn.central) {
    YAML::Node below;  // what the files up to the one naming the draws give
    for (std::size_t i = 0; i <= naming; ++i) below = merged(below, chain[i].node);
    check_drawn_around(drawn.central, below, "", chain[naming], file.string());
  }
  if (draws.size() > central.replications) {
    std::size_t giving = chain.size();  // the topmost file that sets `replications:`, if one does
    for (std::size_t i = chain.size(); i-- > 0 && giving == chain.size();)
      if (static_cast<const YAML::Node&>(chain[i].node)["replications"]) giving = i;
    const FileReference at = giving < chain.size() ? FileReference{chain[giving].file,
                                                                   static_cast<const YAML::Node&>(chain[giving].node)["replications"].Mark().line + 1, 1}
                                                   : draws_line(chain[naming]);
    throw UserError(at.file, at.line, at.column,
                    "replications: " + std::to_string(central.replications) + ", but " + std::to_string(draws.size()) +
                        " parameter draws (" + file.string() + "): each draw needs a replication of its own, so give at least " +
                        std::to_string(draws.size()));
  }
  central.parameter_draws = static_cast<std::uint32_t>(draws.size());
  // The draws are part of what the run is: shards of different draws must not merge.
  std::string draws_text;
  for (const YAML::Node& draw : draws) {
    YAML::Emitter e;
    e << draw;
    draws_text += std::string(e.c_str()) + "\n";
  }
  central.hash = text_hash(central.resolved_yaml + draws_text);
  for (const YAML::Node& draw : draws) {
    // The draw lies just above the file that names it: that file's values give way to the
    // draw's, and a file that extends it (a what-if) still overrides both.
    std::vector<YamlLayer> with_draw;  // built by appending, never by inserting (see load_chain)
    for (std::size_t i = 0; i < chain.size(); ++i) {
      with_draw.push_back(chain[i]);
      if (i == naming) with_draw.push_back({draw, file.string()});
    }
    sim::Scenario version = resolve(with_draw, path, false);
    version.initial.children = central.initial.children;
    version.hash = central.hash;
    loaded.draws.push_back(std::move(version));
  }
  return loaded;
}

}  // namespace caseflow::io
