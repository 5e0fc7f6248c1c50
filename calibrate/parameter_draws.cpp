#include "calibrate/parameter_draws.h"

#include <sstream>
#include <vector>

#include "calibrate/children_resample.h"
#include "io/returns/dates.h"
#include "io/scenario_keys.h"
#include "io/user_error.h"
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

void set_dotted(YAML::Node& root, const std::string& dotted, const YAML::Node& value) {
  YAML::Node node;
  node.reset(root);
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      node[part] = value;
      return;
    }
    if (!node[part]) node[part] = YAML::Node(YAML::NodeType::Map);
    node.reset(node[part]);  // rebind: plain assignment would overwrite the parent's content
    start = dot + 1;
  }
}

}  // namespace

YAML::Node draw_parameters(const CouncilEstimates& estimates) {
  YAML::Node draw(YAML::NodeType::Map);
  for (const auto& [key, e] : estimates.keys) {
    const io::ConcreteKey* found = io::find_key(key);
    if (!found) throw std::logic_error("draw_parameters: '" + key + "' is not a scenario key");
    if (found->declaration->part != io::Part::kParameters) continue;  // the open caseload: the council's own
    set_dotted(draw, key, value_of(e));
  }
  return draw;
}

std::string parameter_draws_yaml(const returns::History& history, const sim::Scenario& defaults,
                                 const CalibrationRequest& request, const Calibration& central, const DrawsRequest& draws) {
  if (draws.draws < 1) throw std::invalid_argument("parameter_draws_yaml: at least one draw");
  CalibrationRequest of_draw = request;
  of_draw.known_pace = central.pace;
  std::vector<YAML::Node> parameters(static_cast<std::size_t>(draws.draws));
  engine::parallel_for(static_cast<std::uint32_t>(draws.draws), draws.threads, [&](std::uint32_t k) {
    try {
      parameters[k] = draw_parameters(calibrate_council(resample_children(history, draws.seed, k), defaults, of_draw).estimates);
    } catch (const io::UserError& e) {
      throw io::UserError("parameter draw " + std::to_string(k + 1) + " of " + std::to_string(draws.draws) +
                          " (a resample of the children) could not be calibrated: " + e.what());
    }
  });
  YAML::Node list(YAML::NodeType::Sequence);
  for (const YAML::Node& p : parameters) list.push_back(p);
  YAML::Node root(YAML::NodeType::Map);
  root["draws"] = list;
  YAML::Emitter emitter;
  emitter << root;
  std::ostringstream out;
  out << "# Parameter draws of the calibration of " << request.returns_dir << " as of " << returns::format_iso(request.as_of)
      << " (caseflow calibrate --parameter-draws " << draws.draws << ", seed " << draws.seed << ").\n"
      << "# Draw k holds the estimates of the same calibration run on bootstrap resample k of the council's children\n"
      << "# (whole histories drawn with replacement), with the central calibration's work at a normal pace. Each value's\n"
      << "# source, n and interval are council.yaml's comment on the same key; the spread across draws is what the returns\n"
      << "# leave uncertain. A run shares its replications among the draws (docs/calibration.md, \"Parameter draws\").\n"
      << emitter.c_str() << "\n";
  return out.str();
}

}  // namespace caseflow::calibrate
