#include "io/shard_outputs.h"

#include <nlohmann/json.hpp>

#include "io/output_text.h"
#include "sim/engine/civil_date.h"

namespace caseflow::io {

void write_shard_outputs(const std::string& folder, const ShardHeader& h, const sim::Replications& replications,
                         ForeignFolder foreign) {
  OutputDir out(folder, foreign);
  out.write(kShardFileName, [&](std::ostream& os) { write_shard_file(os, h, replications); });
  out.write("shard.json", [&](std::ostream& os) {
    nlohmann::json j;
    j["shard_format_version"] = kShardFormatVersion;
    j["caseflow_version"] = h.caseflow_version;
    j["git_revision"] = h.git_revision;
    j["scenario"] = {{"name", h.scenario_name}, {"file", h.scenario_file}, {"hash", h.scenario_hash}};
    j["seed"] = h.seed;
    if (h.parameter_draws > 0) j["parameter_draws"] = h.parameter_draws;
    j["replications"] = h.total_replications;
    j["shard"] = {{"index", h.shard_index},
                  {"count", h.shard_count},
                  {"first_replication", h.first_replication},
                  {"replications", h.replications}};
    j["horizon_months"] = h.horizon_months;
    j["start_date"] = engine::to_iso(h.start_date);
    j["stage_groups"] = h.stage_labels;
    j["series_per_replication"] = h.series;
    j["threads"] = h.threads;
    j["wall_seconds"] = h.wall_seconds;
    j["events"] = h.events;
    os << without_exponents(j.dump(2)) << '\n';
  });
  out.commit();
}

}  // namespace caseflow::io
