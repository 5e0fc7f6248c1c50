#include "io/per_replication_outputs.h"

#include "io/output_text.h"

namespace caseflow::io {

void write_per_replication(OutputDir& out, const sim::Replications& r, const std::string& prefix,
                           const std::function<bool(const sim::MetricInfo&)>& written) {
  auto skipped = [&](const sim::MetricInfo& info) { return written && !written(info); };
  const auto& layout = *r.layout;
  out.write(prefix + "per_replication_annual.csv", [&](std::ostream& os) {
    os << "financial_year,metric,group,months,replication,value\n";
    for (const auto& info : sim::metric_catalogue()) {
      if (info.year == sim::YearRule::kNone || skipped(info)) continue;
      const auto labels = sim::group_labels(info.groups, r.stage_labels);
      for (std::size_t y = 0; y < r.financial_years.size(); ++y) {
        const std::string year = financial_year_label(r.financial_years[y]) + ',' + info.name + ',';
        const std::string months = std::to_string(r.months_in_year(y));
        for (std::size_t g = 0; g < labels.size(); ++g) {
          const std::size_t s = layout.series(info.metric, g);
          for (std::size_t rep = 0; rep < r.count(); ++rep)
            os << year << labels[g] << ',' << months << ',' << rep << ','
               << metric_exact(info, sim::year_figure(r, info, s, y, rep)) << '\n';
        }
      }
    }
  });
  out.write(prefix + "per_replication_headline.csv", [&](std::ostream& os) {
    os << "metric,replication,monthly_mean_over_horizon,final_month\n";
    for (const auto& info : sim::metric_catalogue()) {
      if (skipped(info)) continue;
      const std::size_t all = layout.series(info.metric, layout.all_group(info.metric));
      for (std::size_t rep = 0; rep < r.count(); ++rep)
        os << info.name << ',' << rep << ',' << metric_exact(info, sim::horizon_mean(r, all, rep)) << ','
           << metric_exact(info, sim::final_month(r, all, rep)) << '\n';
    }
  });
}

}  // namespace caseflow::io
