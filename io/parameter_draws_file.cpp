#include "io/parameter_draws_file.h"

#include <string>

#include "io/scenario_keys.h"
#include "io/user_error.h"

namespace caseflow::io {

namespace {

// Every key a draw holds is a parameter: a section is walked into, a value key must be one the
// dated periods carry. An unknown key is left to the scenario reader, which names the nearest.
void check_parameters_only(const YAML::Node& map, const std::string& prefix, const std::string& file) {
  for (const auto& item : map) {
    const std::string key = prefix + item.first.as<std::string>();
    const ConcreteKey* found = find_key(key);
    if (!found) continue;
    const KeyDeclaration& d = *found->declaration;
    if (d.part != Part::kParameters)
      throw UserError(file, item.first.Mark().line + 1, item.first.Mark().column + 1,
                      "parameter draw: '" + key +
                          "' is not a parameter: a draw sets only the estimated parameters, and the start date, "
                          "horizon, seed, replications and open caseload are the scenario's own, shared by every draw");
    if (d.type == KeyType::kSection && item.second.IsMap()) check_parameters_only(item.second, key + ".", file);
  }
}

}  // namespace

ParameterDrawsFile read_parameter_draws(const std::filesystem::path& path, const FileReference& referrer) {
  const YAML::Node root = load_yaml_file(path, referrer);
  const std::string file = path.string();
  auto fail = [&](const YAML::Node& at, const std::string& message) {
    throw UserError(file, at.Mark().line + 1, at.Mark().column + 1, message);
  };
  if (!root.IsMap() || !root["draws"])
    throw UserError(file, 1, 1, "parameter draws: expected a map with a list under `draws:` (caseflow calibrate --parameter-draws writes it)");
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>();
    if (key != "draws" && key != "central")
      fail(item.first, "parameter draws: unknown key '" + key + "' (the file holds `central:` and `draws:`)");
  }
  ParameterDrawsFile out;
  if (root["central"]) {
    out.central = root["central"];
    if (!out.central.IsMap()) fail(out.central, "central: expected a map of parameters, laid out as in a scenario file");
    check_parameters_only(out.central, "", file);
  }
  const YAML::Node list = root["draws"];
  if (!list.IsSequence() || list.size() == 0) fail(list, "draws: expected a list of at least one draw, each a map of parameters");
  for (const auto& draw : list) {
    if (!draw.IsMap() || draw.size() == 0) fail(draw, "draws[" + std::to_string(out.draws.size() + 1) + "]: expected a map of parameters");
    check_parameters_only(draw, "", file);
    out.draws.push_back(draw);
  }
  return out;
}

}  // namespace caseflow::io
