// Fingerprint regression: for every bundled scenario, at the seed, replications and horizon
// stored in tests/regression/fingerprints.tsv, the combined event fingerprint and the
// checksums of the monthly.csv and annual.csv that `caseflow run` writes must equal the
// stored values. Any change to the simulated event sequence or to the outputs shows here.
//
// Combined fingerprint: FNV-1a (64-bit) over the replications' fingerprints
// (sim::ReplicationResult::fingerprint) for replications 0..N-1 in id order, each fed as its
// eight bytes from least to most significant. File checksum: FNV-1a (64-bit) over the
// file's bytes. FNV-1a: h = 0xcbf29ce484222325; for each byte b: h ^= b; h *= 0x100000001b3.
//
// To regenerate the stored file deliberately: scripts/update-fingerprints.sh (which runs
// this program with CASEFLOW_UPDATE_FINGERPRINTS=1). See docs/regression.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

#include "io/run_outputs.h"
#include "io/scenario_yaml.h"
#include "sim/engine/calendar.h"
#include "sim/model.h"
#include "sim/runner.h"

namespace caseflow {
namespace {

namespace fs = std::filesystem;

// Settings for a scenario that has no row yet (a row's own settings win when it has one).
constexpr std::uint64_t kDefaultSeed = 20190401;  // the baseline's own seed
constexpr std::uint32_t kDefaultReplications = 4;
constexpr int kDefaultHorizonMonths = 60;  // the bundled scenarios' full horizon
constexpr unsigned kThreads = 2;           // the outputs are identical for any thread count

const char* const kBundled[] = {"baseline", "agency-reduction", "vacancies", "asye-academy",
                                "post-covid-surge", "england", "large-council", "care-entries-rise",
                                "teen-care-entries-rise"};

const char* const kColumns =
    "scenario\tseed\treplications\thorizon_months\tevents\tfingerprint\tmonthly_csv_fnv1a\tannual_csv_fnv1a";

const char* const kFileComment =
    "# Fingerprint regression values, checked by tests/regression/fingerprint_test.cpp.\n"
    "# One row per bundled scenario (scenarios/NAME.yaml) at the stored seed, replications and\n"
    "# horizon: the replications' total events, the combined event fingerprint (FNV-1a over the\n"
    "# replications' fingerprints in id order) and FNV-1a checksums of the monthly.csv and\n"
    "# annual.csv that `caseflow run` writes. Hashes are 64-bit, in hexadecimal.\n"
    "# Do not edit the values by hand. Regenerate with scripts/update-fingerprints.sh, and commit\n"
    "# the change on its own, saying why the results changed (docs/regression.md).\n";

std::string source(const std::string& rel) { return std::string(CASEFLOW_SOURCE_DIR) + "/" + rel; }
std::string stored_file() { return source("tests/regression/fingerprints.tsv"); }

bool updating() {
  const char* v = std::getenv("CASEFLOW_UPDATE_FINGERPRINTS");
  return v && std::string(v) == "1";
}

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a_byte(std::uint64_t h, unsigned char b) { return (h ^ b) * kFnvPrime; }

std::uint64_t fnv1a_u64(std::uint64_t h, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) h = fnv1a_byte(h, static_cast<unsigned char>(v >> (8 * i)));
  return h;
}

std::uint64_t fnv1a_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::uint64_t h = kFnvOffset;
  for (std::istreambuf_iterator<char> it(in), end; it != end; ++it)
    h = fnv1a_byte(h, static_cast<unsigned char>(*it));
  return h;
}

std::string hex(std::uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016" PRIx64, v);
  return buffer;
}

struct Row {
  std::string scenario;
  std::uint64_t seed = kDefaultSeed;
  std::uint32_t replications = kDefaultReplications;
  int horizon_months = kDefaultHorizonMonths;
  std::uint64_t events = 0;
  std::string fingerprint, monthly_csv, annual_csv;  // hexadecimal

  std::string line() const {
    std::ostringstream os;
    os << scenario << '\t' << seed << '\t' << replications << '\t' << horizon_months << '\t' << events << '\t'
       << fingerprint << '\t' << monthly_csv << '\t' << annual_csv;
    return os.str();
  }
};

// The stored rows by scenario name; throws on a malformed file.
std::map<std::string, Row> read_stored() {
  std::map<std::string, Row> rows;
  std::ifstream in(stored_file());
  if (!in) return rows;
  std::string line;
  bool header = false;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::string where = stored_file() + ":" + std::to_string(number) + ": ";
    if (!header) {
      if (line != kColumns) throw std::runtime_error(where + "expected the header line '" + kColumns + "'");
      header = true;
      continue;
    }
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string s; std::getline(fields, s, '\t');) f.push_back(s);
    if (f.size() != 8) throw std::runtime_error(where + "expected 8 tab-separated fields");
    Row r;
    r.scenario = f[0];
    r.seed = std::stoull(f[1]);
    r.replications = static_cast<std::uint32_t>(std::stoul(f[2]));
    r.horizon_months = std::stoi(f[3]);
    r.events = std::stoull(f[4]);
    r.fingerprint = f[5];
    r.monthly_csv = f[6];
    r.annual_csv = f[7];
    if (!rows.emplace(r.scenario, r).second) throw std::runtime_error(where + "second row for " + r.scenario);
  }
  return rows;
}

// Recomputes a row at `settings`' seed, replications and horizon.
Row compute(const std::string& scenario_name, const Row& settings) {
  Row row = settings;
  row.scenario = scenario_name;
  const std::string path = source("scenarios/" + scenario_name + ".yaml");
  sim::Scenario scenario = io::load_scenario(path);
  scenario.horizon_months = settings.horizon_months;

  // The replications one by one, on a calendar and demand model prepared as
  // sim::run_scenario prepares them, for their fingerprints.
  const engine::Calendar calendar(scenario.start_date, 5, scenario.horizon_months / 12 + 30);
  const sim::DemandModel demand = sim::prepared_demand(scenario, calendar);
  std::uint64_t fingerprint = kFnvOffset;
  std::uint64_t events = 0;
  for (std::uint32_t r = 0; r < settings.replications; ++r) {
    const sim::ReplicationResult result = sim::run_replication(scenario, calendar, demand, settings.seed, r);
    fingerprint = fnv1a_u64(fingerprint, result.fingerprint);
    events += result.events;
  }

  // The outputs, exactly as `caseflow run` makes and writes them.
  const sim::RunOptions options{settings.replications, settings.seed, kThreads};
  const sim::RunSummary summary = sim::run_scenario(scenario, options);
  if (summary.events != events)
    throw std::runtime_error(scenario_name + ": sim::run_scenario ran " + std::to_string(summary.events) +
                             " events where its replications run one by one ran " + std::to_string(events) +
                             "; the fingerprint would not describe the outputs");
  const fs::path out = fs::path(CASEFLOW_BINARY_DIR) / "regression-outputs" / scenario_name;
  fs::remove_all(out);
  io::write_run_outputs(out.string(), scenario, options, summary, {path, 0.0, kThreads});

  row.events = events;
  row.fingerprint = hex(fingerprint);
  row.monthly_csv = hex(fnv1a_file(out / "monthly.csv"));
  row.annual_csv = hex(fnv1a_file(out / "annual.csv"));
  return row;
}

// Rows computed in update mode, written out when the program ends.
std::mutex computed_mutex;
std::map<std::string, Row> computed;

class UpdateOnExit : public ::testing::Environment {
 public:
  void TearDown() override {
    if (!updating() || computed.empty()) return;
    if (::testing::UnitTest::GetInstance()->failed_test_count() > 0) {
      std::fprintf(stderr, "fingerprints: a test failed, so %s was left unchanged\n", stored_file().c_str());
      return;
    }
    std::map<std::string, Row> rows = read_stored();  // rows not recomputed are kept
    for (const auto& [name, row] : computed) rows[name] = row;
    std::ostringstream os;
    os << kFileComment << kColumns << '\n';
    for (const char* name : kBundled)
      if (rows.count(name)) os << rows[name].line() << '\n';
    for (const auto& [name, row] : rows)
      if (std::find_if(std::begin(kBundled), std::end(kBundled), [&](const char* b) { return name == b; }) ==
          std::end(kBundled))
        os << row.line() << '\n';
    std::ofstream(stored_file(), std::ios::binary | std::ios::trunc) << os.str();
    std::fprintf(stderr, "fingerprints: wrote %zu row(s) (%zu recomputed) to %s\n", rows.size(),
                 computed.size(), stored_file().c_str());
  }
};
[[maybe_unused]] const auto* const kUpdateOnExit = ::testing::AddGlobalTestEnvironment(new UpdateOnExit);

class Fingerprint : public ::testing::TestWithParam<const char*> {};

TEST_P(Fingerprint, MatchesStoredValues) {
  const std::string name = GetParam();
  const auto stored = read_stored();
  const auto it = stored.find(name);
  if (updating()) {
    const Row row = compute(name, it != stored.end() ? it->second : Row{});
    std::printf("%s\n", row.line().c_str());
    const std::lock_guard lock(computed_mutex);
    computed[name] = row;
    return;
  }
  ASSERT_NE(it, stored.end()) << name << ": no row in " << stored_file()
                              << "; run scripts/update-fingerprints.sh to add one, and commit it";
  const Row& want = it->second;
  const Row got = compute(name, want);
  const std::string settings = " (seed " + std::to_string(want.seed) + ", " +
                               std::to_string(want.replications) + " replications, " +
                               std::to_string(want.horizon_months) + " months)";
  std::string changed;
  auto check = [&](const char* what, const std::string& before, const std::string& now) {
    if (before != now) changed += std::string("\n  ") + what + ": stored " + before + ", now " + now;
  };
  check("total events", std::to_string(want.events), std::to_string(got.events));
  check("event fingerprint", want.fingerprint, got.fingerprint);
  check("monthly.csv checksum", want.monthly_csv, got.monthly_csv);
  check("annual.csv checksum", want.annual_csv, got.annual_csv);
  if (!changed.empty())
    ADD_FAILURE()
        << "scenario '" << name << "'" << settings << " no longer reproduces its stored results:" << changed
        << "\nThe new outputs are in "
        << (fs::path(CASEFLOW_BINARY_DIR) / "regression-outputs" / name).string()
        << ".\nIf the change is intended, regenerate with scripts/update-fingerprints.sh and commit "
        << "tests/regression/fingerprints.tsv on its own, saying why the results changed "
           "(docs/regression.md).";
}

INSTANTIATE_TEST_SUITE_P(Bundled, Fingerprint, ::testing::ValuesIn(kBundled),
                         [](const ::testing::TestParamInfo<const char*>& p) {
                           std::string n = p.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

// A new bundled scenario needs a row, and a removed one must lose its row.
TEST(Fingerprints, EveryBundledScenarioHasARow) {
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(source("scenarios")))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.insert(e.path().stem().string());
  const std::set<std::string> checked(std::begin(kBundled), std::end(kBundled));
  EXPECT_EQ(files, checked)
      << "scenarios/*.yaml and the list in tests/regression/fingerprint_test.cpp differ";
  if (updating()) return;
  std::set<std::string> rows;
  for (const auto& [name, row] : read_stored()) rows.insert(name);
  EXPECT_EQ(rows, checked) << stored_file() << " and the bundled scenarios differ";
}

TEST(Fingerprints, Fnv1aMatchesItsReferenceValues) {
  // Published FNV-1a 64-bit test vectors: "" and "a".
  EXPECT_EQ(kFnvOffset, 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_byte(kFnvOffset, 'a'), 0xaf63dc4c8601ec8cULL);
  // A 64-bit value is fed least significant byte first.
  std::uint64_t bytes = kFnvOffset;
  for (unsigned b = 1; b <= 8; ++b) bytes = fnv1a_byte(bytes, static_cast<unsigned char>(b));
  EXPECT_EQ(fnv1a_u64(kFnvOffset, 0x0807060504030201ULL), bytes);
}

}  // namespace
}  // namespace caseflow
