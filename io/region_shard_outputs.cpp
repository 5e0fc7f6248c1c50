#include "io/region_shard_outputs.h"

#include <nlohmann/json.hpp>

#include "io/output_text.h"
#include "sim/engine/civil_date.h"

namespace caseflow::io {

void write_region_shard_outputs(const std::string& folder, const RegionShardFile& shard, ForeignFolder foreign) {
  const RegionShardHeader& h = shard.header;
  OutputDir out(folder, foreign);
  out.write(kRegionShardFileName, [&](std::ostream& os) { write_region_shard_file(os, shard); });
  out.write("shard.json", [&](std::ostream& os) {
    nlohmann::json j;
    j["region_shard_format_version"] = kRegionShardFormatVersion;
    j["caseflow_version"] = h.caseflow_version;
    j["git_revision"] = h.git_revision;
    j["region"] = {{"name", h.region_name}, {"file", h.region_file}, {"hash", h.region_hash}};
    const ShardHeader& first = shard.councils.front().header;
    j["replications"] = first.total_replications;
    j["shard"] = {{"index", h.shard_index},
                  {"count", h.shard_count},
                  {"first_replication", first.first_replication},
                  {"replications", first.replications}};
    j["horizon_months"] = first.horizon_months;
    j["start_date"] = engine::to_iso(first.start_date);
    nlohmann::json councils = nlohmann::json::array();
    double wall_seconds = 0;
    for (std::size_t c = 0; c < shard.councils.size(); ++c) {
      const ShardHeader& ch = shard.councils[c].header;
      wall_seconds += ch.wall_seconds;
      councils.push_back({{"name", h.council_names[c]},
                          {"scenario", {{"name", ch.scenario_name}, {"file", ch.scenario_file}, {"hash", ch.scenario_hash}}},
                          {"seed", ch.seed},
                          {"wall_seconds", ch.wall_seconds},
                          {"events", ch.events}});
    }
    j["councils"] = councils;
    j["threads"] = first.threads;
    j["wall_seconds"] = wall_seconds;
    os << without_exponents(j.dump(2)) << '\n';
  });
  out.commit();
}

}  // namespace caseflow::io
