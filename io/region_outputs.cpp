#include "io/region_outputs.h"

#include "sim/region_total.h"

namespace caseflow::io {

std::uint64_t write_region_outputs(const std::string& folder, const RegionRun& run) {
  std::vector<const sim::Replications*> councils;
  for (const auto& c : run.councils) councils.push_back(c.replications);
  const sim::Replications total = sim::region_total(councils);

  OutputDir out(folder, run.foreign);
  std::uint64_t events = 0;
  for (std::size_t i = 0; i < run.councils.size(); ++i) {
    const RegionCouncilRun& c = run.councils[i];
    // Exactly the files `caseflow run COUNCIL.yaml --seed SEED` writes, in their own folder.
    const sim::RunSummary summary = sim::summarise(*c.replications, c.options.threads);
    events += summary.events;
    io::write_run_files(out, "councils/" + run.region->councils[i].name + "/", *c.scenario, c.options, summary,
                        c.provenance, {run.per_replication ? c.replications : nullptr, run.foreign, run.xlsx});
  }

  const sim::RunSummary summary = sim::summarise(total, run.summary_threads);
  const sim::Scenario& first = *run.councils.front().scenario;
  sim::Scenario whole;  // what the outputs need of a scenario: the region's name and calendar
  whole.name = run.region->name;
  whole.hash = run.region->hash;
  whole.start_date = first.start_date;
  whole.horizon_months = total.months;
  RunOutputOptions written{run.per_replication ? &total : nullptr, run.foreign, false};
  written.region = run.region;
  write_run_files(out, "", whole, run.councils.front().options, summary, run.total, written);
  out.commit();
  return events;
}

}  // namespace caseflow::io
