#pragma once
// `--per-replication`: each replication's own financial-year figures and headline figures,
// the very values the summaries' mean and P10/P50/P90 are computed from (sim/replications.h).
#include <functional>
#include <string>

#include "io/output_dir.h"
#include "sim/replications.h"

namespace caseflow::io {

// per_replication_annual.csv: financial_year,metric,group,months,replication,value
// per_replication_headline.csv: metric,replication,monthly_mean_over_horizon,final_month
// Names are prefixed by `prefix` (a subfolder, or ""); `written` picks the metrics (a region's
// total has only those it sums).
void write_per_replication(OutputDir& out, const sim::Replications& replications, const std::string& prefix = "",
                           const std::function<bool(const sim::MetricInfo&)>& written = {});

}  // namespace caseflow::io
