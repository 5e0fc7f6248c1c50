// `caseflow synth SCENARIO --years N --out DIR`: one replication's children and staff as a
// council's statutory returns (SSDA903 CSV tables and CIN census XML for each collection
// year, CSWW XML at each 30 September), with the replication's own outputs beside them in
// DIR/simulation/ so anyone can check the round trip (docs/synthetic-returns.md).
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include "app/commands.h"
#include "app/seed_option.h"
#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "io/synth/synth.h"
#include "io/user_error.h"
#include "sim/runner.h"

// TEMPORARY, until the writers branch lands io/returns/returns_writer.h: without it, the
// same declaration, weak, so this branch links and says so when run. (A weak reference
// does not pull the writer out of the static library: with the header, the declaration
// must be the header's own, and is.)
#if __has_include("io/returns/returns_writer.h")
#include "io/returns/returns_writer.h"
namespace caseflow::app {
constexpr bool have_returns_writer() { return true; }
}  // namespace caseflow::app
#else
namespace caseflow::returns {
[[gnu::weak]] void write_returns(const History& history, const std::string& dir);
}  // namespace caseflow::returns
namespace caseflow::app {
inline bool have_returns_writer() { return returns::write_returns != nullptr; }
}  // namespace caseflow::app
#endif

namespace caseflow::app {

namespace {

namespace fs = std::filesystem;

// The folder is replaced whole, and only when it is empty or an earlier synth's output: a
// mistyped --out must not delete someone's files.
void check_replaceable(const fs::path& out) {
  if (!fs::exists(out)) return;
  if (!fs::is_directory(out)) throw io::UserError(out.string() + ": --out exists and is not a folder");
  if (fs::is_empty(out) || fs::exists(out / "simulation" / "summary.json")) return;
  throw io::UserError(out.string() + ": --out is a folder that synth did not write; not replacing it (give a new or empty folder)");
}

}  // namespace

void add_synth_command(CLI::App& app) {
  struct Options {
    std::string scenario, out;
    int years = 0;
    std::optional<std::uint64_t> seed;  // absent: the scenario's
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("synth", "Write one replication's children and staff as SSDA903, CIN census and CSWW returns");
  cmd->add_option("scenario", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--years", o->years, "Years from the scenario's start (at most its horizon)")->required();
  cmd->add_option("--out", o->out, "Output folder (replaced whole if an earlier synth wrote it)")->required();
  add_seed_option(*cmd, o->seed, "Random seed (default: the scenario's)");
  cmd->callback([o] {
    const fs::path out = fs::absolute(o->out).lexically_normal();
    check_replaceable(out);
    const sim::Scenario loaded = io::load_scenario(o->scenario);
    synth::SynthRun run = synth::synthesize(loaded, o->years, o->seed);
    // The replication's outputs as `caseflow run --reps 1` writes them: the same replication 0.
    const sim::RunOptions options{1, run.seed, 1};
    const sim::RunSummary summary = sim::run_scenario(run.scenario, options);

    // Everything into a staging folder beside the target, then one rename: on any error
    // nothing is written (the io/output_dir.h pattern, for a tree of folders).
    if (!have_returns_writer()) throw std::runtime_error("this build has no returns writer (io/returns/returns_writer.cpp)");
    const fs::path staging = out.parent_path() / ("." + out.filename().string() + ".synth-" + std::to_string(::getpid()));
    fs::remove_all(staging);
    try {
      fs::create_directories(staging);
      returns::write_returns(run.history, staging.string());
      io::write_run_outputs((staging / "simulation").string(), run.scenario, options, summary, {o->scenario, 0.0, 1});
      // The earlier output moves aside first and goes only once the new one is in place, so a
      // failed rename leaves the earlier output as it was.
      const fs::path earlier = out.parent_path() / ("." + out.filename().string() + ".earlier-" + std::to_string(::getpid()));
      const bool had_earlier = fs::exists(out);
      if (had_earlier) fs::rename(out, earlier);
      try {
        fs::rename(staging, out);
      } catch (...) {
        if (had_earlier) fs::rename(earlier, out);
        throw;
      }
      if (had_earlier) fs::remove_all(earlier);
    } catch (...) {
      std::error_code ignored;
      fs::remove_all(staging, ignored);
      throw;
    }
    std::size_t referrals = 0, episodes = 0;
    for (const auto& c : run.history.children) {
      referrals += c.referrals.size();
      episodes += c.episodes.size();
    }
    std::cout << "caseflow: synth '" << run.scenario.name << "' seed " << run.seed << ", " << o->years << " years: "
              << run.history.children.size() << " children, " << referrals << " referrals, " << episodes
              << " care episodes, " << run.history.workers.size() << " worker records; returns in " << out.string()
              << ", the replication's outputs in " << (out / "simulation").string() << "\n";
  });
}

}  // namespace caseflow::app
