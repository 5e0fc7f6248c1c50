#include "calibrate/council_writer.h"

#include <yaml-cpp/yaml.h>

#include <memory>
#include <sstream>
#include <vector>

#include "io/scenario_keys.h"

namespace caseflow::calibrate {
namespace {

std::vector<std::string> split(const std::string& dotted) {
  std::vector<std::string> parts;
  std::stringstream in(dotted);
  for (std::string p; std::getline(in, p, '.');) parts.push_back(p);
  return parts;
}

std::string flow(const YAML::Node& node) {
  YAML::Emitter e;
  e.SetSeqFormat(YAML::Flow);  // every level on one line, not only the outermost
  e.SetMapFormat(YAML::Flow);
  e << node;
  return e.c_str();
}

// The file as a tree of sections, each child in the order it first appears: the scenario
// format declares a family key for every member in turn (establishment_fte of every team,
// then initial_vacancy_share of every team), and a file must hold each team's keys together.
struct Line {
  std::string text, comment;
  std::size_t extra_depth = 0;  // entries of a block map sit one level below their key
};
struct Section {
  std::string name;
  std::vector<Line> lines;  // a leaf key's own lines
  std::vector<std::unique_ptr<Section>> children;

  Section& child(const std::string& n) {
    for (auto& c : children)
      if (c->name == n) return *c;
    children.push_back(std::make_unique<Section>());
    children.back()->name = n;
    return *children.back();
  }
};

void print_line(std::ostream& out, std::size_t depth, const std::string& text, const std::string& comment) {
  std::string l(2 * depth, ' ');
  l += text;
  if (!comment.empty()) {
    if (l.size() < 38) l.resize(38, ' ');
    l += "  # " + comment;
  }
  out << l << "\n";
}

void print(std::ostream& out, const Section& s, std::size_t depth) {
  for (const auto& c : s.children) {
    if (c->children.empty()) {
      for (const Line& l : c->lines) print_line(out, depth + l.extra_depth, l.text, l.comment);
      continue;
    }
    print_line(out, depth, c->name + ":", "");
    print(out, *c, depth + 1);
  }
}

}  // namespace

void write_council_yaml(std::ostream& out, const CouncilFile& file, const CouncilEstimates& estimates,
                        const sim::Scenario& defaults, const std::string& defaults_path) {
  for (const auto& h : estimates.header) out << "# " << h << "\n";
  const YAML::Node resolved = YAML::Load(defaults.resolved_yaml);
  const std::string by_default = "default, not estimated (" + defaults_path + ")";
  // Keys whose default value is a dated event of the defaults' own history, not the council's.
  const std::map<std::string, std::string> cleared = {
      {"demand.shocks", "none: a shock is a dated event in the defaults' history; add the council's own"},
      {"demand.school_terms.holidays", "none: the defaults' term dates are not the council's and need not cover its horizon; add its own"},
      {"workforce.sickness_shocks", "none: dated events of the defaults' history are not carried over"},
      {"workforce.workload_shocks", "none: dated events of the defaults' history are not carried over"},
  };
  Section root;
  auto leaf = [&](const std::vector<std::string>& parts) -> Section& {
    Section* s = &root;
    for (const auto& p : parts) s = &s->child(p);
    return *s;
  };
  for (const io::ConcreteKey& key : io::concrete_keys()) {
    const io::KeyDeclaration& d = *key.declaration;
    if (d.type == io::KeyType::kSection || key.key == "extends" || key.key == "changes" ||
        key.key == "parameter_draws")  // the defaults' own draws are not this council's
      continue;
    const auto parts = split(key.key);
    if (key.key == "name" || key.key == "description" || key.key == "start_date") {
      const std::string value = key.key == "name" ? file.name : key.key == "description" ? file.description : file.start_date;
      YAML::Node n(value);
      leaf(parts).lines.push_back({key.name() + ": " + flow(n), key.key == "start_date" ? "the day after the as-of date" : ""});
      continue;
    }
    if (const auto it = estimates.keys.find(key.key); it != estimates.keys.end()) {
      const KeyEstimate& e = it->second;
      Section& s = leaf(parts);
      if (e.entries.empty()) {
        s.lines.push_back({key.name() + ": " + e.yaml, e.comment});
      } else {
        s.lines.push_back({key.name() + ":", e.comment});
        // An entry without a name is an item of a list (care.by_age_at_entry's bands).
        for (const auto& entry : e.entries)
          s.lines.push_back({(entry.name.empty() ? "- " : entry.name + ": ") + entry.yaml, entry.comment, 1});
      }
      continue;
    }
    if (const auto it = cleared.find(key.key); it != cleared.end()) {
      leaf(parts).lines.push_back({key.name() + ": []", it->second});
      continue;
    }
    YAML::Node node = resolved;  // a handle: reset() below moves it down the tree without changing it
    bool found = true;
    for (const auto& p : parts) {
      const YAML::Node& here = node;  // const: looking a key up must not add it
      if (!here.IsMap() || !here[p]) {
        found = false;
        break;
      }
      node.reset(here[p]);
    }
    if (!found) continue;  // an optional key the defaults leave to its own default
    leaf(parts).lines.push_back({key.name() + ": " + flow(node), by_default});
  }
  print(out, root, 0);
  if (!defaults.resolved_yaml.empty() && resolved["changes"])
    out << "# The defaults' dated changes are not carried over: they belong to its own history.\n";
}

}  // namespace caseflow::calibrate
