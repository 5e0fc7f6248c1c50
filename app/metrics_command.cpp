// `caseflow metrics`: every output metric with its unit, grouping and meaning.
#include <iostream>

#include "app/commands.h"
#include "sim/metrics.h"

namespace caseflow::app {

void add_metrics_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("metrics", "List every output metric with its unit and meaning");
  cmd->callback([] {
    std::cout << "metric\tunit\tgroup\tmeaning\n";
    for (const auto& m : sim::metric_catalogue())
      std::cout << m.name << '\t' << m.unit << '\t' << sim::group_kind_name(m.groups) << '\t' << m.description << '\n';
  });
}

}  // namespace caseflow::app
