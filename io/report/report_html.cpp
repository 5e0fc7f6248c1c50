#include "io/report/report_html.h"

#include <sstream>

#include <yaml-cpp/yaml.h>

#include "caseflow/version.h"
#include "io/report/report_sections.h"
#include "io/report/svg_chart.h"
#include "io/scenario_assumptions.h"
#include "io/user_error.h"

namespace caseflow::io::report {

namespace {

// Okabe-Ito colours come with the charts; the page itself is plain and prints well.
constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;max-width:980px;
padding:0 16px 48px;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6em;margin:24px 0 4px}h2{font-size:1.3em;margin-top:40px;border-bottom:2px solid #0072B2}
h3{font-size:1.02em;margin:24px 0 4px;font-weight:600}
nav ol{columns:2;padding-left:20px}.reading,.note{color:#444;font-size:.93em}
figure{margin:8px 0 20px}svg.chart{width:100%;height:auto;font-size:11px}
svg .grid{stroke:#e3e3e3}svg .axis{stroke:#555}svg .zero{stroke:#555;stroke-width:1}
svg .tick{fill:#444}svg .axis-label{fill:#222;font-size:12px}
svg .band{opacity:.25;stroke:none}svg .line{fill:none;stroke-width:2}svg .mean{stroke-dasharray:5 3;stroke-width:1.5}
svg .ref{fill:none;stroke:#000;stroke-width:1.3}svg .whisker{stroke:#000;stroke-width:1;fill:none}
details{margin:4px 0 12px}summary{cursor:pointer;color:#0b4f8a}
table{border-collapse:collapse;font-size:.85em;margin:6px 0}th,td{border:1px solid #ccc;padding:2px 6px;text-align:right}
th[scope=col]{background:#f2f2f2}caption{text-align:left;font-weight:600;padding:4px 0}
td.text,th.text{text-align:left}.headline{font-size:1.02em;margin:2px 0 6px}
@media print{details{display:none}}
)";

std::string assumptions_table(const ReportRun& run) {
  std::vector<Assumption> rows;
  try {
    rows = scenario_assumptions(run.resolved_yaml, run.scenario_file);
  } catch (const YAML::Exception& e) {
    throw UserError(run.folder + "/scenario.resolved.yaml", e.mark.line + 1, 0, "not readable YAML: " + e.msg);
  }
  std::ostringstream o;
  o << "<details><summary>" << rows.size() << " settings of " << escape_html(run.label)
    << "</summary><table><caption>Assumptions of " << escape_html(run.label)
    << "</caption><thead><tr><th scope=\"col\" class=\"text\">key</th><th scope=\"col\" class=\"text\">value</th>"
    << "<th scope=\"col\" class=\"text\">source cited</th><th scope=\"col\" class=\"text\">where</th></tr></thead><tbody>";
  for (const Assumption& a : rows)
    o << "<tr><td class=\"text\">" << escape_html(a.key) << "</td><td class=\"text\">" << escape_html(a.value)
      << "</td><td class=\"text\">" << escape_html(a.source.empty() ? "no source cited in the scenario files" : a.source)
      << "</td><td class=\"text\">" << escape_html(a.where) << "</td></tr>";
  o << "</tbody></table></details>";
  return o.str();
}

std::string provenance_table(const ReportInput& input) {
  std::ostringstream o;
  o << "<table><caption>Where the figures come from</caption><thead><tr>";
  for (const char* h : {"folder", "command", "scenarios", "caseflow", "seed", "replications", "months", "first month",
                        "written"})
    o << "<th scope=\"col\" class=\"text\">" << h << "</th>";
  o << "</tr></thead><tbody>";
  for (const Provenance& p : input.provenance)
    o << "<tr><td class=\"text\">" << escape_html(p.folder) << "</td><td class=\"text\">" << p.kind
      << "</td><td class=\"text\">" << escape_html(p.scenarios) << "</td><td class=\"text\">" << escape_html(p.version)
      << " (git " << escape_html(p.git_revision) << ")</td><td>" << escape_html(p.seed) << "</td><td>"
      << escape_html(p.replications) << "</td><td>" << escape_html(p.horizon) << "</td><td>"
      << escape_html(p.start_month) << "</td><td class=\"text\">" << escape_html(p.written) << "</td></tr>";
  o << "</tbody></table>";
  return o.str();
}

}  // namespace

std::string report_html(const ReportInput& input) {
  const std::vector<ReportSection> sections = report_sections(input);
  std::string names;
  for (std::size_t i = 0; i < input.runs.size(); ++i)
    names += (i == 0 ? "" : i + 1 == input.runs.size() ? " and " : ", ") + input.runs[i].label;
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    << "<title>caseflow report: " << escape_html(names) << "</title><style>" << kStyle << "</style></head><body>\n"
    << "<header><h1>caseflow report: " << escape_html(names) << "</h1><p class=\"reading\">"
    << (input.months.empty() ? std::string()
                             : month_name(input.months.front()) + " to " + month_name(input.months.back()) + ", ")
    << escape_html(input.provenance.empty() ? "" : input.provenance.front().replications)
    << " replications. Bands are P10-P90 across replications (8 in 10 replications fall inside), solid lines P50 "
       "(the typical replication), dashed lines the mean. Colours: the Okabe-Ito colour-blind-safe palette. Each "
       "chart's figures are in the table under it.</p></header>\n<nav aria-label=\"Sections\"><ol>";
  for (const ReportSection& s : sections) o << "<li><a href=\"#" << s.id << "\">" << escape_html(s.title) << "</a></li>";
  o << "<li><a href=\"#assumptions\">Assumptions</a></li><li><a href=\"#provenance\">Provenance</a></li></ol></nav>\n";
  for (const ReportSection& s : sections) {
    o << "<section id=\"" << s.id << "\"><h2>" << escape_html(s.title) << "</h2><p class=\"reading\">"
      << escape_html(s.reading) << "</p>\n";
    for (const ReportChart& c : s.charts) {
      o << "<figure><p class=\"headline\">" << escape_html(c.headline) << "</p>" << c.svg
        << "<details><summary>Figures behind this chart</summary>" << c.table << "</details></figure>\n";
    }
    o << "</section>\n";
  }
  o << "<section id=\"assumptions\"><h2>Assumptions</h2><p class=\"reading\">Every setting of the scenario as run "
       "(scenario.resolved.yaml), with the source its scenario file cites: the comment on the line that sets it, "
       "else on its section's line. Source codes such as PF L204 refer to the project's reference figures.</p>";
  for (const ReportRun& run : input.runs) o << assumptions_table(run);
  o << "</section>\n<section id=\"provenance\"><h2>Provenance</h2>" << provenance_table(input)
    << "<p class=\"note\">Report written by caseflow " << kVersion << " (git " << kGitRevision
    << "). It loads nothing from the network: styles and charts are inside this file.</p></section>\n</body></html>\n";
  return o.str();
}

}  // namespace caseflow::io::report
