// Returns-writing throughput: a made-up council History of 100,000 children over five
// collection years (about 1.3 referrals a child with assessments, plans and s47s; one child
// in nine in care, with placement changes), written as SSDA903 CSV and CIN census XML, plus
// 600 workers' CSWW. Reports MB/s of files written.
// Run: build/bench/returns_writer_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "io/returns/returns_writer.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {
namespace {

struct XorShift {
  std::uint64_t x = 88172645463325252ULL;
  std::uint64_t next() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

History large_history(int children) {
  XorShift rng;
  const Day first = engine::days_from_civil({2018, 4, 1});
  const int span = 5 * 365;
  History h;
  h.la_code = "999";
  h.ssda903_years = h.cin_years = {2019, 2020, 2021, 2022, 2023};
  h.csww_years = {2018, 2019, 2020, 2021, 2022};
  h.children.reserve(static_cast<std::size_t>(children));
  for (int i = 0; i < children; ++i) {
    ChildHistory c;
    c.id = "C" + std::to_string(1000000 + i);
    c.sex = rng.chance(50) ? "1" : "2";
    c.birth = first - 365 * 2 - rng.below(365 * 15);
    c.ethnicity = "WBRI";
    c.upn = "A" + std::to_string(100000000000LL + i);
    const int referrals = 1 + (rng.chance(30) ? 1 : 0);
    Day at = first + rng.below(span - 200);
    for (int k = 0; k < referrals && at < first + span; ++k) {
      Referral r;
      r.date = at;
      r.source = "2A";
      r.primary_need = "N1";
      r.nfa = rng.chance(8);
      if (!r.nfa) {
        r.assessments.push_back({at + 1, at + 30, {"3A", "4B"}});
        if (rng.chance(25)) r.cin_plans.push_back({at + 31, at + 200});
        if (rng.chance(15)) {
          r.section47s.push_back({at + 2, at + 17, at + 15, false});
          if (rng.chance(50))
            r.cp_plans.push_back({at + 15, at + 300, "NEG", "NEG", 0, {at + 100, at + 280}});
        }
      }
      r.closure = at + (r.nfa ? 2 : 60 + rng.below(300));
      r.closure_reason = r.nfa ? "RC8" : "RC7";
      c.referrals.push_back(r);
      at = *r.closure + 30 + rng.below(400);
    }
    if (rng.chance(11)) {
      Day start = c.referrals.front().date + 10;
      for (int e = 0; e < 3; ++e) {
        CareEpisode ep;
        ep.start = start;
        ep.end = e < 2 ? MaybeDay(start + 100 + rng.below(200)) : std::nullopt;
        ep.reason_new = e == 0 ? "S" : "P";
        ep.legal_status = "C2";
        ep.need = "N1";
        ep.placement = "U6";
        ep.provider = "PR1";
        ep.reason_ceased = e < 2 ? "X1" : "";
        ep.home_postcode = "AB1";
        ep.placement_postcode = "AB2";
        c.episodes.push_back(ep);
        if (ep.end) start = *ep.end;
      }
    }
    h.children.push_back(std::move(c));
  }
  for (int year : h.csww_years) {
    for (int w = 0; w < 600; ++w) {
      WorkerRecord r;
      r.census_year = year;
      r.swe_no = "SW" + std::to_string(1000000000 + w);
      r.fte = r.fte_at_30_sept = 1.0;
      r.org_role = 5;
      r.qual_inst = "Example University";
      r.cases_at_30_sept = 17;
      h.workers.push_back(r);
    }
    h.vacancies.push_back({year, 20, 30, 32});
  }
  return h;
}

std::uintmax_t folder_bytes(const std::filesystem::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

void BM_WriteReturns(benchmark::State& state) {
  const History history = large_history(static_cast<int>(state.range(0)));
  const auto dir =
      std::filesystem::temp_directory_path() / ("caseflow-writer-bench-" + std::to_string(::getpid()));
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    write_returns(history, dir.string());
    state.PauseTiming();
    bytes = folder_bytes(dir);
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
  state.counters["MB_written"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_WriteReturns)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace caseflow::returns
