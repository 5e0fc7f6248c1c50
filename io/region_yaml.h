#pragma once
// A region file: several councils, each a normal scenario file, run as one (issue 15 point 1;
// docs/scale.md, "Regions"). Read with the scenario files' strict reader, so every error names
// FILE:LINE:COL (exit status 2) before anything runs.
//
//   region: example-region        # the region's name; this top-level key is what makes a region file
//   description: ...              # optional
//   shared:                       # optional; each key overrides every council's scenario
//     replications: 100
//     seed: 20190401              # each council then runs with sim::council_seed(seed, name)
//     horizon_months: 36
//   councils:                     # at least one
//     - name: north               # letters, digits, '.', '_', '-': its output folder's name
//       scenario: north.yaml      # relative to the region file
//
// Councils must start on the same date and, unless `shared:` (or the command line) sets them,
// cover the same months with the same replications; they must have the same stage groups. A
// council's scenario may not itself be a region. A council's scenario may name parameter draws
// (a calibrated council's): each council's replications are then shared among its draws.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario.h"

namespace caseflow::io {

struct RegionCouncil {
  std::string name;
  std::string file;        // the scenario file: the region file's folder / `scenario:`
  sim::Scenario scenario;  // loaded and checked, shared.horizon_months applied
  // Its parameter draws, if it names some (io::LoadedScenario's; the horizon applied to each):
  // the council's replications are then shared among them, as `caseflow run` shares them.
  std::vector<sim::Scenario> draws;
  int line = 0, column = 0;  // where the region file names it
};

struct Region {
  std::string name;
  std::string file;
  std::string description;
  std::optional<std::uint32_t> replications;  // shared.replications
  int replications_line = 0, replications_column = 0;  // where the region file sets it
  std::optional<std::uint64_t> seed;          // shared.seed
  int horizon_months = 0;                     // shared.horizon_months; 0: the councils'
  std::vector<RegionCouncil> councils;
  std::string resolved_yaml;  // the region file as read (comments dropped)
  std::string hash;           // of resolved_yaml and every council's scenario hash
};

// Whether a YAML file is a region file: a map with a top-level `region:` key. Any file that
// cannot be read that way is left to the scenario reader to report.
bool is_region_file(const std::string& path);

// Reads and checks a region file and every council's scenario. `horizon_months` > 0 (the
// command line's --horizon-months) overrides shared.horizon_months and the councils'; the
// councils must then agree only on their start date.
Region load_region(const std::string& path, int horizon_months = 0);

}  // namespace caseflow::io
