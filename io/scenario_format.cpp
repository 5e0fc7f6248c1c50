#include "io/scenario_format.h"

#include <string>
#include <vector>

#include "io/scenario_keys.h"

namespace caseflow::io {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? separator : "") + items[i];
  return text;
}

std::string code(const std::string& text) { return "`" + text + "`"; }

// "cases open on start_date" -> "Cases open on start_date."
std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text + ".";
}

// "share group of referral, nfa, early_help", "list of 12 numbers"...
std::string type_text(const KeyDeclaration& d) {
  switch (d.type) {
    case KeyType::kNumberList:
      return d.length ? "list of " + std::to_string(d.length) + " numbers" : "list of numbers";
    case KeyType::kNamedMap:
    case KeyType::kShares: {
      std::vector<std::string> names;
      for (const auto& n : d.names) names.push_back(code(n));
      return type_name(d.type) + ": " + join(names, ", ");
    }
    case KeyType::kShockList: {  // names: the stages its `entries` may hold back
      if (d.names.empty()) return type_name(d.type);
      std::vector<std::string> names;
      for (const auto& n : d.names) names.push_back(code(n));
      return type_name(d.type) + "; `entries`: " + join(names, ", ");
    }
    default: return type_name(d.type);
  }
}

std::string range_text(const KeyDeclaration& d) {
  switch (d.type) {
    case KeyType::kNumber:
    case KeyType::kInteger:
    case KeyType::kProbability: return d.range.text();
    case KeyType::kNumberList:
    case KeyType::kNamedMap: return d.range.unbounded() ? "any" : "each " + d.range.text();
    case KeyType::kShares: return "each 0 to 1, sum 1";
    default: return "";
  }
}

std::string default_text(const KeyDeclaration& d) {
  if (d.required) return "required";
  if (d.default_yaml.empty()) return "optional";
  return "default " + code(d.default_yaml);
}

std::string meaning_text(const KeyDeclaration& d) {
  std::string text = d.meaning;
  if (!d.note.empty()) text += " (" + d.note + ")";
  if (!d.members.empty()) {
    for (const auto& f : key_families()) {
      if (d.key.find(f.placeholder) == std::string::npos) continue;
      std::vector<std::string> names;
      for (std::size_t m : d.members) names.push_back(code(f.names[m]));
      text += "; only for " + join(names, ", ");
    }
  }
  for (const auto& v : d.validators) text += "; check: " + v.rule;
  return text;
}

std::string section_of(const std::string& key) { return key.substr(0, key.find('.')); }

void write_tables(std::ostream& out) {
  const auto& keys = scenario_keys();
  std::string open_section = "-";
  for (const auto& d : keys) {
    const bool top = d.key.find('.') == std::string::npos;
    const std::string section = top && d.type != KeyType::kSection ? "" : section_of(d.key);
    if (section != open_section) {
      open_section = section;
      out << "\n### " << (section.empty() ? std::string("Top level") : code(section)) << "\n\n";
      if (!section.empty()) out << sentence(meaning_text(d)) << "\n\n";
      out << "| Key | Type | Unit | Range | Required / default | `changes:` | Meaning |\n"
          << "| --- | --- | --- | --- | --- | --- | --- |\n";
      if (!section.empty()) continue;  // the section's own row would repeat its heading
    }
    const bool section_row = d.type == KeyType::kSection;
    out << "| " << code(d.key) << " | " << type_text(d) << " | " << d.unit << " | " << range_text(d) << " | "
        << default_text(d) << " | " << (section_row ? "" : d.changeable ? "yes" : "no") << " | " << meaning_text(d)
        << " |\n";
  }
}

std::size_t count_keys(bool concrete) {
  std::size_t n = 0;
  if (concrete) {
    for (const auto& k : concrete_keys()) n += k.declaration->type != KeyType::kSection;
  } else {
    for (const auto& d : scenario_keys()) n += d.type != KeyType::kSection;
  }
  return n;
}

}  // namespace

void write_scenario_format(std::ostream& out) {
  out << "# Scenario file format\n\n"
      << "<!-- Generated from the key declarations in io/scenario_keys.cpp by\n"
      << "     " << kScenarioFormatCommand << "\n"
      << "     Edit the declarations, not this page: a test fails when the page is stale. -->\n\n"
      << "A scenario is a YAML file: a map of the keys below, most of them grouped in sections. "
         "`caseflow validate FILE` checks one without running it; a mistake is reported as "
         "`caseflow: error: FILE:LINE:COL: key: what is wrong` with exit status 2, and an unknown key "
         "gets the nearest known one as a suggestion. docs/model.md explains how the model uses each "
         "parameter and docs/parameter-sources.md the evidence behind the baseline's values.\n\n"
      << "There are " << count_keys(false) << " keys (" << count_keys(true)
      << " once the `<team>` and `<type>` families are spelled out) in " << scenario_keys().size() - count_keys(false)
      << " sections.\n";

  out << "\n## Files and `extends:`\n\n"
      << "- `extends: FILE` makes this file build on FILE: every key FILE gives applies unless this file "
         "gives it too.\n"
      << "- A relative FILE is resolved against the folder of the file that holds the `extends:` line, "
         "not the working directory (`extends: baseline.yaml` next to scenarios/baseline.yaml; "
         "`extends: ../../scenarios/baseline.yaml` from tests/data/). An absolute path is used as it is.\n"
      << "- FILE may itself extend another file, and so on: the whole chain is read, from the named file "
         "down to the root that extends nothing.\n"
      << "- A chain that comes back to a file already in it is an error (`extends:` forms a cycle), and so "
         "is a FILE that does not exist.\n";

  out << "\n## How files merge\n\n"
      << "The chain is a stack of layers, the named file on top. For each key:\n\n"
      << "- The topmost layer that gives the key wins. A key written with no value (`key:` or `key: ~`) "
         "counts as not given, so the layer below supplies it; to empty a list, write `[]`.\n"
      << "- Sections merge key by key: a file may give one key of a section and take the rest from below "
         "(`workforce: {agency_target_share: 0.25}` changes that one value).\n"
      << "- Every other value is replaced whole by the topmost layer that gives it, never merged with the "
         "one below: lists of numbers, named maps, share groups, distributions, lists of shocks and lists "
         "of holidays. A file that gives `front_door.outcomes` gives all three shares; a file that gives "
         "`demand.shocks` replaces the whole list.\n"
      << "- `changes:` is the exception: the changes of every file in the chain apply (below).\n"
      << "- A required key must be given by some layer. An optional key that no layer gives takes the "
         "default listed below.\n"
      << "- Keys that are not declared here are errors in any layer.\n\n"
      << "`scenario.resolved.yaml` in a run's outputs holds the files merged (sections key by key), "
         "`extends` dropped, and every change listed in date order.\n";

  out << "\n## Dated `changes:`\n\n"
      << "`changes:` sets parameters from a date on:\n\n"
      << "```yaml\n"
      << "changes:\n"
      << "  - from: 2020-04-01\n"
      << "    set:\n"
      << "      workforce.agency_target_share: 0.25\n"
      << "  - from: 2020-07-01\n"
      << "    set:\n"
      << "      cin_plan.outcomes: {close: 0.50, step_down: 0.25, step_up_cp: 0.20, care: 0.05}\n"
      << "      workforce.teams.assessment.cap_cases: 22\n"
      << "```\n\n"
      << "- Each change has `from` (a date) and `set`, a map from dotted keys to values, and nothing else.\n"
      << "- `set` may name only the keys marked `changes: yes` below, spelled out in full (a family key "
         "names its member: `workforce.teams.assessment.cap_cases`). A section cannot be set whole; "
         "name its keys. Any other key is an error that lists the keys that can change.\n"
      << "- A value is the key's whole value, read and checked as in a file (a share group gives all its "
         "shares).\n"
      << "- The changes of every file in the chain are collected and sorted by date; changes on the same "
         "date keep their file order (the root file's first) and their order in the list.\n"
      << "- Changes stack: from its date on, a change applies on top of the files and of every earlier "
         "change, and stays in force until a later change sets the same key. The latest change wins over "
         "every file of the chain, including a file that extends the one holding the change.\n"
      << "- A change dated on or before `start_date` applies from the start.\n"
      << "- Changes on the same date merge into one dated period; where two set the same key, the later in "
         "order wins.\n"
      << "- Each dated period is checked in full (types, ranges, shares, checks) with its changes applied.\n"
      << "- Keys marked `changes: no` in the parameter sections apply only at the start of the run.\n";

  out << "\n## Value types\n\n"
      << "| Type | Written as | Rules |\n"
      << "| --- | --- | --- |\n"
      << "| text | `name: baseline` | |\n"
      << "| date | `2019-04-01` | YYYY-MM-DD, a real calendar date |\n"
      << "| number | `0.3`, `74100` | a finite decimal number |\n"
      << "| integer | `45` | a whole number |\n"
      << "| probability | `0.32` | a number from 0 to 1 unless the range says otherwise |\n"
      << "| list of numbers | `[1.02, 1.03, 1.08]` | a list of N numbers has exactly N, none negative; "
         "a list without a count has at least one |\n"
      << "| named map | `{police: 295, schools: 143, ...}` | every name once and no other, none negative |\n"
      << "| share group | `{referral: 0.33, nfa: 0.39, early_help: 0.28}` | every name once and no other, "
         "each 0 to 1, summing to 1 (within 1e-6) |\n"
      << "| distribution | `{dist: lognormal, median_wd: 25, p90_wd: 55}` | `dist` is `fixed` (`value_*`), "
         "`exponential` (`mean_*`), `lognormal` (`median_*` and `p90_*`, 0 < median < p90, one unit) or "
         "`empirical` (`upper_*`: bin upper edges, positive and increasing, the first bin from 0; `probs`: "
         "one per bin, summing to 1; with `tail_mean_*`, in the same unit, the distribution goes on beyond "
         "the last edge in an exponential tail of that mean, and `probs` holds one more, the tail's). The suffix `_days`, `_wd` (working days), `_weeks` or `_months` gives "
         "the unit; no value may be negative |\n"
      << "| list of shocks | `[{name: first lockdown, from: 2020-03-23, to: 2020-06-14, multipliers: "
         "{all: 0.84, schools: 0.23}, uasc: 0.5, entries: {cla: 0.67}}]` | `from` to `to` inclusive, `to` not before "
         "`from`; `multipliers` has `all` (default 1) and any of the sources, a source not named taking "
         "`all`; none negative. Demand shocks only, both optional: `uasc`, a multiplier on UASC arrivals "
         "(default 1, not negative), and `entries`, a map from any of the stages listed with `demand.shocks` "
         "below to the share of entries into that stage let through, 0 to 1 (the rest wait for the shock's "
         "length). Sickness and workload shocks are meant to give `all` (the model reads the first "
         "source's multiplier, which is `all` unless `police` is named) |\n"
      << "| list of holidays | `[{from: 2019-04-06, to: 2019-04-22}]` | inclusive, `to` not before `from`, in "
         "date order without overlaps |\n"
      << "| list of changes | see Dated `changes:` | |\n";

  out << "\n## Keys\n\n";
  const auto& families = key_families();
  for (std::size_t f = 0; f < families.size(); ++f) {
    std::vector<std::string> names;
    for (const auto& n : families[f].names) names.push_back(code(n));
    out << (f ? ", and " : "") << code(families[f].placeholder) << " stands for each of " << join(names, ", ");
  }
  out << ": a file writes one section per member (`workforce.teams.assessment.cap_cases`).\n"
      << "The top level and `initial_stock` are fixed for the whole run; every other section belongs to "
         "the dated parameters, which `changes:` may set key by key.\n";
  write_tables(out);
}

}  // namespace caseflow::io
