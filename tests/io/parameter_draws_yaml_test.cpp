// A scenario's parameter draws (`parameter_draws:`, io/parameter_draws_file.h): each draw's
// parameters laid just above the file that names them, a what-if that extends that file still
// overriding them, and each mistake a user error naming the file and line.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/scenario_yaml.h"
#include "io/user_error.h"
#include "tests/scratch_dir.h"

namespace caseflow::io {
namespace {

const std::string kBaseline = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/baseline.yaml";

double nfa(const sim::Scenario& s) { return s.epochs.front().parameters.referral.nfa_prob; }
double s47(const sim::Scenario& s) { return s.epochs.front().parameters.referral.s47_prob; }

// council.yaml (the baseline naming draws.yaml) and draws.yaml holding `draws`.
std::string write_council(const test::ScratchDir& dir, const std::string& draws) {
  std::ofstream(dir.path() / "council.yaml") << "extends: " << kBaseline << "\nparameter_draws: draws.yaml\n";
  std::ofstream(dir.path() / "draws.yaml") << draws;
  return (dir.path() / "council.yaml").string();
}

std::string error_of(const std::string& path) {
  try {
    load_scenario_and_draws(path);
    return "";
  } catch (const UserError& e) {
    return e.what();
  }
}

TEST(ParameterDrawsYaml, EachDrawIsTheScenarioWithItsParametersLaidOver) {
  test::ScratchDir dir;
  const std::string council = write_council(dir,
                                            "# two draws\n"
                                            "draws:\n"
                                            "  - referral: {nfa_prob: 0.07, s47_prob: 0.8}\n"
                                            "  - referral:\n"
                                            "      nfa_prob: 0.05\n");
  const LoadedScenario loaded = load_scenario_and_draws(council);
  const sim::Scenario baseline = load_scenario(kBaseline);
  EXPECT_EQ(nfa(loaded.scenario), nfa(baseline)) << "the central scenario is the files' own";
  ASSERT_EQ(loaded.draws.size(), 2u);
  EXPECT_EQ(nfa(loaded.draws[0]), 0.07);
  EXPECT_EQ(s47(loaded.draws[0]), 0.8);
  EXPECT_EQ(nfa(loaded.draws[1]), 0.05);
  EXPECT_EQ(s47(loaded.draws[1]), s47(baseline)) << "a key the draw does not hold keeps the scenario's value";
  for (const auto& d : loaded.draws) {
    EXPECT_EQ(d.horizon_months, loaded.scenario.horizon_months);
    EXPECT_EQ(d.hash, loaded.scenario.hash);
  }

  // The draws are part of the run: other draws, another hash (shards of them must not merge).
  std::ofstream(dir.path() / "draws.yaml") << "draws:\n  - referral: {nfa_prob: 0.07, s47_prob: 0.8}\n  - referral: {nfa_prob: 0.06}\n";
  EXPECT_NE(load_scenario_and_draws(council).scenario.hash, loaded.scenario.hash);
}

TEST(ParameterDrawsYaml, AWhatIfThatExtendsTheCouncilOverridesEveryDraw) {
  test::ScratchDir dir;
  write_council(dir, "draws:\n  - referral: {nfa_prob: 0.07, s47_prob: 0.8}\n  - referral: {nfa_prob: 0.05, s47_prob: 0.7}\n");
  std::ofstream(dir.path() / "what-if.yaml") << "extends: council.yaml\nname: what-if\nreferral:\n  nfa_prob: 0.2\n";
  const LoadedScenario loaded = load_scenario_and_draws((dir.path() / "what-if.yaml").string());
  ASSERT_EQ(loaded.draws.size(), 2u);
  EXPECT_EQ(nfa(loaded.draws[0]), 0.2);
  EXPECT_EQ(nfa(loaded.draws[1]), 0.2);
  EXPECT_EQ(s47(loaded.draws[0]), 0.8) << "the draw's other keys still apply";
  EXPECT_EQ(s47(loaded.draws[1]), 0.7);

  // `parameter_draws: ""` in a file above: the central calibration alone, knowingly.
  std::ofstream(dir.path() / "central.yaml") << "extends: council.yaml\nparameter_draws: \"\"\n";
  const LoadedScenario central = load_scenario_and_draws((dir.path() / "central.yaml").string());
  EXPECT_TRUE(central.draws.empty());
  EXPECT_NO_THROW(load_scenario((dir.path() / "central.yaml").string()));
}

TEST(ParameterDrawsYaml, AnEditOfADrawnKeyInTheFileNamingTheDrawsIsRefused) {
  // `central:` holds the values the draws were drawn around. council.yaml still giving them
  // loads; council.yaml edited since would be hidden by every draw's own value, so it is an
  // error at the edited line; the same edit in a what-if that extends council.yaml applies.
  test::ScratchDir dir;
  const std::string draws = "central:\n  referral: {nfa_prob: 0.065, s47_prob: 0.867}\ndraws:\n  - referral: {nfa_prob: 0.07}\n";
  const std::string council = write_council(dir, draws);
  EXPECT_EQ(error_of(council), "") << "the baseline gives the central values";
  std::ofstream(dir.path() / "council.yaml") << "extends: " << kBaseline << "\nparameter_draws: draws.yaml\nreferral:\n  nfa_prob: 0.2\n";
  const std::string message = error_of(council);
  EXPECT_NE(message.find("council.yaml:4:"), std::string::npos) << message;
  EXPECT_NE(message.find("referral.nfa_prob"), std::string::npos) << message;
  EXPECT_NE(message.find("drawn around 0.065"), std::string::npos) << message;
  EXPECT_NE(message.find("extends"), std::string::npos) << message;

  std::ofstream(dir.path() / "council.yaml") << "extends: " << kBaseline << "\nparameter_draws: draws.yaml\n";
  std::ofstream(dir.path() / "what-if.yaml") << "extends: council.yaml\nreferral:\n  nfa_prob: 0.2\n";
  const LoadedScenario what_if = load_scenario_and_draws((dir.path() / "what-if.yaml").string());
  EXPECT_EQ(nfa(what_if.draws.front()), 0.2);
}

TEST(ParameterDrawsYaml, FewerReplicationsThanDrawsIsRefusedAtTheReplicationsLine) {
  test::ScratchDir dir;
  const std::string council = write_council(dir, "draws:\n  - referral: {nfa_prob: 0.07}\n  - referral: {nfa_prob: 0.05}\n  - referral: {nfa_prob: 0.06}\n");
  std::ofstream(dir.path() / "few.yaml") << "extends: council.yaml\nreplications: 2\n";
  const std::string message = error_of((dir.path() / "few.yaml").string());
  EXPECT_NE(message.find("few.yaml:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("3 parameter draws"), std::string::npos) << message;
}

TEST(ParameterDrawsYaml, ACommandThatWouldRunTheCentralCalibrationAloneRefuses) {
  test::ScratchDir dir;
  const std::string council = write_council(dir, "draws:\n  - referral: {nfa_prob: 0.07}\n");
  try {
    load_scenario(council);
    FAIL() << "load_scenario read a scenario with draws";
  } catch (const UserError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("council.yaml:2:"), std::string::npos) << m;
    EXPECT_NE(m.find("parameter_draws: \"\""), std::string::npos) << m;
  }
}

TEST(ParameterDrawsYaml, EachMistakeIsLocatedAndNamed) {
  test::ScratchDir dir;
  const struct {
    const char* draws;
    const char* where;
    const char* what;
  } cases[] = {
      {"draws: []\n", "draws.yaml:1:", "at least one draw"},
      {"- referral: {nfa_prob: 0.07}\n", "draws.yaml:1:", "must be a map"},
      {"drawz:\n  - referral: {nfa_prob: 0.07}\n", "draws.yaml:1:", "a list under `draws:`"},
      {"central: 3\ndraws:\n  - referral: {nfa_prob: 0.07}\n", "draws.yaml:1:", "central: expected a map"},
      {"central: {horizon_months: 12}\ndraws:\n  - referral: {nfa_prob: 0.07}\n", "draws.yaml:1:", "'horizon_months' is not a parameter"},
      {"draws:\n  - 3\n", "draws.yaml:2:", "draws[1]: expected a map"},
      {"draws:\n  - referral: {nfa_prob: 0.07}\nextra: 1\n", "draws.yaml:3:", "unknown key 'extra'"},
      {"draws:\n  - referral: {nfa_prob: 0.07}\n  - horizon_months: 12\n", "draws.yaml:3:", "'horizon_months' is not a parameter"},
      {"draws:\n  - initial_stock: {cla: 5}\n", "draws.yaml:2:", "'initial_stock' is not a parameter"},
      {"draws:\n  - changes: []\n", "draws.yaml:2:", "'changes' is not a parameter"},
      {"draws:\n  - referral: {nfa_prob: 1.5}\n", "draws.yaml:2:", "nfa_prob"},
      {"draws:\n  - referral: {nfa_porb: 0.07}\n", "draws.yaml:2:", "nfa_prob"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.draws);
    const std::string message = error_of(write_council(dir, c.draws));
    EXPECT_NE(message.find(c.where), std::string::npos) << message;
    EXPECT_NE(message.find(c.what), std::string::npos) << message;
  }
  // A draws file that is not there is reported at the line that names it.
  std::ofstream(dir.path() / "council.yaml") << "extends: " << kBaseline << "\nparameter_draws: missing.yaml\n";
  const std::string message = error_of((dir.path() / "council.yaml").string());
  EXPECT_NE(message.find("council.yaml:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("missing.yaml"), std::string::npos) << message;
}

}  // namespace
}  // namespace caseflow::io
