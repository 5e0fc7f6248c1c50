#include "io/region_yaml.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/demand_paths_csv.h"
#include "io/scenario_yaml.h"
#include "io/school_calendar_check.h"
#include "io/user_error.h"
#include "io/yaml_file.h"
#include "io/yaml_reader.h"
#include "sim/stage_table.h"

namespace caseflow::io {

namespace fs = std::filesystem;

namespace {

bool is_folder_name(const std::string& name) {
  if (name.empty() || name == "." || name == "..") return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

bool has_region_key(const YAML::Node& node) { return node.IsMap() && static_cast<const YAML::Node&>(node)["region"]; }

std::string where(const std::string& file, int line, int column) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

bool is_region_file(const std::string& path) {
  try {
    return has_region_key(load_yaml_file(path));
  } catch (const UserError&) {
    return false;  // the scenario reader reports it
  }
}

Region load_region(const std::string& path, int horizon_months) {
  const YAML::Node node = load_yaml_file(path);
  if (!has_region_key(node)) throw UserError(path, 1, 1, "not a region file: it has no top-level `region:` key");
  YamlReader root({{node, path}}, "");
  Region region;
  region.file = path;
  root.read("region", region.name);
  if (region.name.empty()) root.fail("region", "give the region a name");
  root.read("description", region.description, false);
  if (root.has("shared")) {
    YamlReader shared = root.section("shared");
    std::uint32_t replications = 0;
    if (shared.has("replications")) {
      shared.read("replications", replications);
      if (replications < 1 || replications > 100000) shared.fail("replications", "expected 1 to 100000");
      region.replications = replications;
      const YAML::Mark at = node["shared"]["replications"].Mark();
      region.replications_line = at.line + 1;
      region.replications_column = at.column + 1;
    }
    if (shared.has("seed")) {
      std::uint64_t seed = 0;
      shared.read("seed", seed);
      region.seed = seed;
    }
    if (shared.has("horizon_months")) {
      shared.read("horizon_months", region.horizon_months);
      if (region.horizon_months < 1 || region.horizon_months > 600) shared.fail("horizon_months", "expected 1 to 600");
    }
    shared.finish();
  }
  if (horizon_months > 0) region.horizon_months = horizon_months;

  std::vector<YamlReader> items = root.items("councils");
  root.finish();
  if (items.empty()) root.fail("councils", "a region needs at least one council (name and scenario file)");
  const YAML::Node list = static_cast<const YAML::Node&>(node)["councils"];
  for (std::size_t i = 0; i < items.size(); ++i) {
    YamlReader& item = items[i];
    const YAML::Node entry = list[i];
    if (!entry.IsMap())
      throw UserError(path, entry.Mark().line + 1, entry.Mark().column + 1,
                      item.dotted("") + ": expected a council as {name: ..., scenario: file.yaml}");
    RegionCouncil council;
    item.read("name", council.name);
    if (!is_folder_name(council.name))
      item.fail("name", "'" + council.name + "' is not a council name: use letters, digits, '.', '_' and '-' (it names the council's output folder)");
    for (const auto& earlier : region.councils)
      if (earlier.name == council.name)
        item.fail("name", "council '" + council.name + "' is named twice (its scenario also at " +
                              where(path, earlier.line, earlier.column) + "): give each council its own name");
    std::string scenario_file;
    item.read("scenario", scenario_file);
    item.finish();
    const YAML::Node scenario_node = entry["scenario"];
    council.line = scenario_node.Mark().line + 1;
    council.column = scenario_node.Mark().column + 1;
    if (scenario_file.empty()) item.fail("scenario", "expected a scenario file name");
    council.file = (fs::path(path).parent_path() / scenario_file).string();
    // A missing or unreadable file is reported at the line that names it.
    const YAML::Node council_node = load_yaml_file(council.file, {path, council.line, council.column});
    if (has_region_key(council_node))
      item.fail("scenario", council.file + " is a region file: a region's councils must be scenario files, not regions");
    LoadedScenario loaded = load_scenario_and_draws(council.file);
    council.scenario = std::move(loaded.scenario);
    council.draws = std::move(loaded.draws);
    if (region.horizon_months > 0) {
      const std::string why = (horizon_months > 0 ? "--horizon-months" : "shared.horizon_months (" + path + ")") +
                              std::string(" for council '") + council.name + "' (" + council.file + ")";
      const auto over_the_region = [&](sim::Scenario& s) {
        s.horizon_months = region.horizon_months;
        check_school_calendars(s, why);
        check_demand_paths_cover(s, why);
      };
      over_the_region(council.scenario);
      for (sim::Scenario& draw : council.draws) over_the_region(draw);
    }
    region.councils.push_back(std::move(council));
  }

  // What replication r of the region sums must line up: the same months, from the same start.
  const RegionCouncil& first = region.councils.front();
  for (std::size_t i = 1; i < region.councils.size(); ++i) {
    const RegionCouncil& c = region.councils[i];
    auto differs = [&](const std::string& what, const std::string& mine, const std::string& theirs,
                       const std::string& fix) {
      throw UserError(path, c.line, c.column,
                      "council '" + c.name + "' (" + c.file + ") has " + what + " " + mine + ", council '" +
                          first.name + "' (" + first.file + ") has " + theirs + ": " + fix);
    };
    if (c.scenario.start_date != first.scenario.start_date)
      differs("start_date", engine::to_iso(c.scenario.start_date), engine::to_iso(first.scenario.start_date),
              "a region's councils must start on the same date (the region's months are one calendar)");
    if (c.scenario.horizon_months != first.scenario.horizon_months)
      differs("horizon_months", std::to_string(c.scenario.horizon_months),
              std::to_string(first.scenario.horizon_months),
              "set shared.horizon_months in the region file (or --horizon-months) to run them over the same months");
    if (!region.replications && c.scenario.replications != first.scenario.replications)
      differs("replications", std::to_string(c.scenario.replications), std::to_string(first.scenario.replications),
              "set shared.replications in the region file (or --reps): replication r of the region sums "
              "replication r of every council");
    if (c.scenario.stages->group_labels() != first.scenario.stages->group_labels())
      differs("stage groups", "other", "the standard ones", "a region's councils must have the same stages");
  }
  // Every draw of a council needs a replication of its own (its scenario's own `replications:`
  // was checked when it was loaded; --reps is checked where the command line is known).
  if (region.replications)
    for (const RegionCouncil& c : region.councils)
      if (c.draws.size() > *region.replications)
        throw UserError(path, region.replications_line, region.replications_column,
                        "shared.replications: " + std::to_string(*region.replications) + ", but council '" +
                            c.name + "' (" + c.file + ") has " + std::to_string(c.draws.size()) +
                            " parameter draws: each draw needs a replication of its own, so give at least " +
                            std::to_string(c.draws.size()));

  YAML::Emitter emitter;
  emitter << node;
  region.resolved_yaml = std::string(emitter.c_str()) + "\n";
  std::string hashed = region.resolved_yaml;
  for (const auto& c : region.councils) hashed += c.name + " " + c.scenario.hash + "\n";
  region.hash = text_hash(hashed);
  return region;
}

}  // namespace caseflow::io
