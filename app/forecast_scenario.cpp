#include "app/forecast_scenario.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "io/scenario_yaml.h"
#include "io/user_error.h"

namespace caseflow::app {

namespace fs = std::filesystem;
namespace mf = models::forecast;

namespace {

// A private folder for the pilot scenario, removed however the measurement ends.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "caseflow-forecast-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw io::UserError("cannot create a temporary folder in " + fs::temp_directory_path().string());
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

sim::DemandLevelPaths sample_level_paths(const std::vector<std::string>& sources, const std::vector<mf::SeriesForecast>& parts,
                                         mf::YearMonth first_month, int months, int paths, double returning_share) {
  sim::DemandLevelPaths out;
  out.first_year = first_month.year;
  out.first_month = first_month.month;
  out.months = months;
  out.paths = paths;
  out.contacts.assign(static_cast<std::size_t>(paths) * static_cast<std::size_t>(months) * sim::kSources, 0.0);
  const auto& names = sim::source_names();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto found = std::find(names.begin(), names.end(), sources[i]);
    if (found == names.end()) throw io::UserError("source " + sources[i] + " is not a scenario source");
    const auto s = static_cast<std::size_t>(found - names.begin());
    out.covers[s] = true;
    const Eigen::MatrixXd& draws = parts[i].level_draws;
    for (int m = 0; m < months; ++m) {
      const double returning = returning_share * draws.col(m).mean();
      for (int p = 0; p < paths; ++p)
        out.contacts[(static_cast<std::size_t>(p) * static_cast<std::size_t>(months) + static_cast<std::size_t>(m)) * sim::kSources + s] =
            std::max(0.0, draws(p, m) - returning);
    }
  }
  return out;
}

ForecastScenarioFiles make_forecast_scenario(const sim::Scenario& base, const std::string& base_path,
                                             const std::string& out_dir, const std::vector<std::string>& sources,
                                             const std::vector<mf::SeriesForecast>& parts, const mf::DemandSummary& demand,
                                             io::DemandProvenance provenance, int horizon_months, int paths,
                                             std::uint32_t share_replications) {
  ForecastScenarioFiles files;
  io::ForecastScenario& f = files.scenario;
  f.name = base.name + "-forecast";
  f.description = "Forecast demand from " + provenance.history_file + " (" + mf::to_string(provenance.first_month) + ".." +
                  mf::to_string(provenance.last_month) + ") on " + base.name;
  f.horizon_months = horizon_months;
  f.share_seed = base.seed;

  files.measurements.push_back(sim::measure_returning_share(base, horizon_months, share_replications, base.seed));
  {
    ScratchDir scratch;
    f.extends = fs::absolute(base_path).generic_string();
    for (int pilot = 0; pilot < 2; ++pilot) {
      provenance.returning_share = files.measurements.back().share;
      const fs::path file = scratch.path() / "pilot.yaml";
      {
        std::ofstream out(file);
        io::write_forecast_scenario_yaml(out, demand, provenance, f);
        if (!out) throw io::UserError(file.string(), 0, 0, "cannot write the pilot scenario");
      }
      files.measurements.push_back(
          sim::measure_returning_share(io::load_scenario_and_draws(file.string()).scenario, horizon_months,
                                       share_replications, base.seed));
    }
  }
  const sim::ReturningShare& last = files.measurements.back();
  files.returning_share = last.share;
  f.share_months = last.months;
  f.share_replications = static_cast<int>(last.replications);
  f.share_first_contacts = last.first_contacts;
  f.share_contacts = last.contacts;

  const fs::path dir = fs::weakly_canonical(fs::absolute(out_dir));
  f.extends = fs::proximate(fs::weakly_canonical(fs::absolute(base_path)), dir).generic_string();
  f.paths_file = "demand_paths.csv";
  f.paths = paths;
  files.paths = sample_level_paths(sources, parts, demand.start_month, horizon_months, paths, files.returning_share);
  return files;
}

}  // namespace caseflow::app
