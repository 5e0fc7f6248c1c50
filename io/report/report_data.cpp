#include "io/report/report_data.h"

#include <sstream>

#include <yaml-cpp/yaml.h>

namespace caseflow::io::report {

namespace {

// The node at a dotted key ("workforce.teams.assessment.pace_cases"), or an undefined node.
YAML::Node at_key(YAML::Node node, const std::string& dotted) {
  std::stringstream parts(dotted);
  for (std::string part; std::getline(parts, part, '.');) {
    if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    node = node[part];
  }
  return node;
}

double as_number(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return kNoValue;
  try {
    return node.as<double>();
  } catch (const YAML::Exception&) {
    return kNoValue;
  }
}

}  // namespace

std::vector<double> scenario_path(const ReportRun& run, const std::vector<std::string>& months,
                                  const std::string& dotted_key) {
  YAML::Node root;
  try {
    root = YAML::Load(run.resolved_yaml);
  } catch (const YAML::Exception&) {
    return std::vector<double>(months.size(), kNoValue);  // the assumptions table reports the bad file
  }
  std::vector<double> path(months.size(), as_number(at_key(root, dotted_key)));
  // Each change (in date order, as the resolved scenario lists them) holds from the month of
  // its date on.
  if (const YAML::Node changes = root["changes"]; changes && changes.IsSequence())
    for (const auto& change : changes) {
      if (!change["from"] || !change["set"] || !change["set"].IsMap()) continue;
      const std::string from = change["from"].as<std::string>().substr(0, 7);
      for (const auto& kv : change["set"])
        if (kv.first.as<std::string>() == dotted_key)
          for (std::size_t m = 0; m < months.size(); ++m)
            if (months[m] >= from) path[m] = as_number(kv.second);
    }
  return path;
}

}  // namespace caseflow::io::report
