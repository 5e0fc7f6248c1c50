#include "io/scenario_assumptions.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "io/yaml_file.h"

namespace caseflow::io {

namespace {

struct Comment {
  std::string text, where;
};

// The comment of a YAML line (after a '#' outside quotes and preceded by a space), or "".
std::string comment_of(const std::string& line, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      std::size_t start = i + 1;
      while (start < line.size() && line[start] == ' ') ++start;
      return line.substr(start);
    }
  }
  return "";
}

// Dotted key -> comment of the line that sets it, by indentation (block style, as the bundled
// and calibrated scenarios are written); list items are indexed in order.
void read_comments(const std::filesystem::path& path, std::map<std::string, Comment>& comments) {
  std::ifstream in(path);
  std::string line;
  struct Level {
    int indent;
    std::string path;
    int items = 0;  // list items seen under this key
  };
  std::vector<Level> stack;  // open keys, outermost first
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::size_t i = line.find_first_not_of(' ');
    if (i == std::string::npos || line[i] == '#') continue;
    int indent = static_cast<int>(i);
    std::string item_prefix;
    if (line.compare(i, 2, "- ") == 0) {  // a list item: index it under the enclosing key
      while (!stack.empty() && stack.back().indent >= indent) stack.pop_back();
      if (stack.empty()) continue;
      item_prefix = stack.back().path + "[" + std::to_string(stack.back().items++) + "]";
      // A flow-style item ({from: 2020-04-01, set: {...}}  # source) cites for all of it.
      if (const std::string text = comment_of(line, i); !text.empty() && !comments.count(item_prefix))
        comments[item_prefix] = {text, path.filename().string() + ":" + std::to_string(number)};
      i += 2;
      i = line.find_first_not_of(' ', i);
      if (i == std::string::npos) continue;
      indent = static_cast<int>(i);
      stack.push_back({indent - 1, item_prefix});
    }
    const std::size_t colon = line.find(':', i);
    if (colon == std::string::npos || line.find_first_of(" {[\"'", i) < colon) continue;
    const std::string key = line.substr(i, colon - i);
    while (!stack.empty() && stack.back().indent >= indent) stack.pop_back();
    const std::string dotted = stack.empty() ? key : stack.back().path + "." + key;
    stack.push_back({indent, dotted});
    const std::string text = comment_of(line, colon + 1);
    if (!text.empty() && !comments.count(dotted))
      comments[dotted] = {text, path.filename().string() + ":" + std::to_string(number)};
  }
}

void flatten(const YAML::Node& node, const std::string& key, std::vector<Assumption>& out) {
  if (node.IsMap()) {
    for (const auto& kv : node) flatten(kv.second, key.empty() ? kv.first.as<std::string>() : key + "." + kv.first.as<std::string>(), out);
    return;
  }
  if (node.IsSequence()) {
    bool scalars = true;
    for (const auto& item : node) scalars = scalars && item.IsScalar();
    if (!scalars) {
      for (std::size_t i = 0; i < node.size(); ++i) flatten(node[i], key + "[" + std::to_string(i) + "]", out);
      return;
    }
    std::string text = "[";
    for (std::size_t i = 0; i < node.size(); ++i) text += (i ? ", " : "") + node[i].as<std::string>();
    out.push_back({key, text + "]", std::nullopt, "", ""});
    return;
  }
  if (!node.IsScalar()) return;
  Assumption a{key, node.as<std::string>(), std::nullopt, "", ""};
  if (is_decimal_number(a.value)) a.number = std::stod(a.value);
  out.push_back(std::move(a));
}

}  // namespace

std::vector<Assumption> scenario_assumptions(const sim::Scenario& scenario, const std::string& file) {
  return scenario_assumptions(scenario.resolved_yaml, file);
}

std::vector<Assumption> scenario_assumptions(const std::string& resolved_yaml, const std::string& file) {
  std::vector<Assumption> out;
  flatten(YAML::Load(resolved_yaml), "", out);

  // The files of the extends chain, topmost first: the first comment found for a key wins.
  std::map<std::string, Comment> comments;
  std::set<std::filesystem::path> seen;
  std::filesystem::path path = file;
  while (!path.empty() && std::filesystem::is_regular_file(path) && seen.insert(path).second) {
    read_comments(path, comments);
    std::filesystem::path next;
    try {
      const YAML::Node node = YAML::LoadFile(path.string());
      if (node["extends"]) next = path.parent_path() / node["extends"].as<std::string>();
    } catch (const YAML::Exception&) {
    }
    path = next;
  }
  for (auto& a : out) {
    // The key's own comment, else its nearest section's.
    for (std::string key = a.key; !key.empty();) {
      if (const auto it = comments.find(key); it != comments.end()) {
        a.source = it->second.text;
        a.where = it->second.where;
        break;
      }
      const std::size_t cut = key.find_last_of(".[");
      key = cut == std::string::npos ? "" : key.substr(0, cut);
    }
  }
  return out;
}

}  // namespace caseflow::io
