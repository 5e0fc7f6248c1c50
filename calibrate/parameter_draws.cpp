#include "calibrate/parameter_draws.h"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "calibrate/children_resample.h"
#include "io/returns/dates.h"
#include "io/scenario_keys.h"
#include "io/user_error.h"
#include "io/yaml_dotted.h"
#include "sim/engine/runner.h"

namespace caseflow::calibrate {

namespace {

// A value as written in council.yaml, emitted on one line (flow style) inside the draw's
// block map, as council.yaml writes it.
YAML::Node flow_value(const std::string& yaml) {
  YAML::Node node = YAML::Load(yaml);
  node.SetStyle(YAML::EmitterStyle::Flow);
  return node;
}

YAML::Node value_of(const KeyEstimate& e) {
  if (e.entries.empty()) return flow_value(e.yaml);
  // A map written one entry a line, or a list when the entries have no names (care bands).
  YAML::Node node(e.entries.front().name.empty() ? YAML::NodeType::Sequence : YAML::NodeType::Map);
  for (const auto& entry : e.entries) {
    if (entry.name.empty())
      node.push_back(flow_value(entry.yaml));
    else
      node[entry.name] = flow_value(entry.yaml);
  }
  return node;
}

// The value's text as council.yaml writes it, entries and all: two estimates are the same value
// when their texts are.
std::string text_of(const KeyEstimate& e) {
  std::string text = e.yaml;
  for (const auto& entry : e.entries) text += "\n" + entry.name + ": " + entry.yaml;
  return text;
}

using Parameters = std::map<std::string, KeyEstimate>;  // the estimated parameters, by dotted key

Parameters parameters_of(const CouncilEstimates& estimates) {
  Parameters p;
  for (const auto& [key, e] : estimates.keys) {
    const io::ConcreteKey* found = io::find_key(key);
    if (!found) throw std::logic_error("parameter draws: '" + key + "' is not a scenario key");
    if (found->declaration->part == io::Part::kParameters) p.emplace(key, e);  // not the open caseload: the council's own
  }
  return p;
}

YAML::Node tree_of(const Parameters& parameters, const std::set<std::string>& keys) {
  YAML::Node tree(YAML::NodeType::Map);
  for (const auto& key : keys)
    if (const auto it = parameters.find(key); it != parameters.end()) io::set_dotted(tree, key, value_of(it->second));
  return tree;
}

}  // namespace

std::set<std::string> drawn_keys(const CouncilEstimates& central, const std::vector<CouncilEstimates>& draws) {
  const Parameters at_centre = parameters_of(central);
  std::set<std::string> keys;
  for (const CouncilEstimates& draw : draws)
    for (const auto& [key, e] : parameters_of(draw)) {
      const auto it = at_centre.find(key);
      if (it != at_centre.end() && text_of(it->second) != text_of(e)) keys.insert(key);
    }
  return keys;
}

YAML::Node draw_parameters(const CouncilEstimates& estimates, const std::set<std::string>& keys) {
  return tree_of(parameters_of(estimates), keys);
}

std::string parameter_draws_yaml(const returns::History& history, const sim::Scenario& defaults,
                                 const CalibrationRequest& request, const Calibration& central, const DrawsRequest& draws) {
  if (draws.draws < 1) throw std::invalid_argument("parameter_draws_yaml: at least one draw");
  CalibrationRequest of_draw = request;
  of_draw.known_pace = central.pace;
  std::vector<CouncilEstimates> estimates(static_cast<std::size_t>(draws.draws));
  engine::parallel_for(static_cast<std::uint32_t>(draws.draws), draws.threads, [&](std::uint32_t k) {
    try {
      CouncilEstimates e = calibrate_council(resample_children(history, draws.seed, k), defaults, of_draw).estimates;
      e.open_children.clear();  // the council's own children start every draw
      estimates[k] = std::move(e);
    } catch (const io::UserError& e) {
      throw io::UserError("parameter draw " + std::to_string(k + 1) + " of " + std::to_string(draws.draws) +
                          " (a resample of the children) could not be calibrated: " + e.what());
    }
  });
  const std::set<std::string> keys = drawn_keys(central.estimates, estimates);
  YAML::Node list(YAML::NodeType::Sequence);
  for (const CouncilEstimates& e : estimates) list.push_back(draw_parameters(e, keys));
  YAML::Node root(YAML::NodeType::Map);
  root["central"] = draw_parameters(central.estimates, keys);
  root["draws"] = list;
  YAML::Emitter emitter;
  emitter << root;
  std::ostringstream out;
  out << "# Parameter draws of the calibration of " << request.returns_dir << " as of " << returns::format_iso(request.as_of)
      << " (caseflow calibrate --parameter-draws " << draws.draws << ", seed " << draws.seed << ").\n"
      << "# Draw k holds the estimates of the same calibration run on bootstrap resample k of the council's children\n"
      << "# (whole histories drawn with replacement), with the central calibration's work at a normal pace, for every key\n"
      << "# some draw estimates otherwise than council.yaml does; the rest (the staff, and keys no resample moves) are\n"
      << "# council.yaml's. Each value's source, n and interval are council.yaml's comment on the same key. `central:`\n"
      << "# holds council.yaml's values of the drawn keys: a run refuses a council.yaml edited since, whose edit the draws\n"
      << "# would hide. A run shares its replications among the draws (docs/calibration.md, \"Parameter draws\").\n"
      << emitter.c_str() << "\n";
  return out.str();
}

}  // namespace caseflow::calibrate
