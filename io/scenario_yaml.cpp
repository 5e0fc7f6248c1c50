#include "io/scenario_yaml.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/user_error.h"
#include "sim/stage_table.h"
#include "io/yaml_reader.h"

namespace caseflow::io {

namespace fs = std::filesystem;
using sim::index;

namespace {

// The sections whose values may change over time through `changes:`.
const std::vector<std::string>& parameter_sections() {
  static const std::vector<std::string> kSections = {
      "demand", "front_door", "referral", "assessment", "cin_plan", "cp_plan", "pre_proceedings",
      "proceedings", "care", "care_leavers", "referral_age", "returns", "workforce", "costs"};
  return kSections;
}

YAML::Node load_yaml(const fs::path& path) {
  if (!fs::exists(path)) throw UserError(path.string(), 0, 0, "no such scenario file");
  try {
    YAML::Node root = YAML::LoadFile(path.string());
    if (!root.IsMap()) throw UserError(path.string(), 1, 1, "a scenario must be a map of keys");
    return root;
  } catch (const YAML::ParserException& e) {
    throw UserError(path.string(), e.mark.line + 1, e.mark.column + 1, "not valid YAML: " + e.msg);
  } catch (const YAML::BadFile&) {
    throw UserError(path.string(), 0, 0, "cannot read the scenario file");
  }
}

// Files from the root of the `extends:` chain down to the named file. Vectors of YAML nodes
// are only ever appended to: assigning a YAML::Node overwrites the node it refers to, so
// inserting, sorting or swapping would corrupt the files' trees.
std::vector<YamlLayer> load_chain(const fs::path& path) {
  std::vector<YamlLayer> child_first;
  std::vector<fs::path> seen;
  fs::path current = path;
  for (;;) {
    const fs::path canonical = fs::weakly_canonical(current);
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end())
      throw UserError(current.string(), 0, 0, "`extends:` forms a cycle");
    seen.push_back(canonical);
    YAML::Node node = load_yaml(current);
    child_first.push_back({node, current.string()});
    const YAML::Node parent = static_cast<const YAML::Node&>(node)["extends"];
    if (!parent) break;
    if (!parent.IsScalar())
      throw UserError(current.string(), parent.Mark().line + 1, parent.Mark().column + 1,
                      "extends: expected a file name");
    current = current.parent_path() / parent.Scalar();
  }
  std::vector<YamlLayer> chain;
  for (auto it = child_first.rbegin(); it != child_first.rend(); ++it) chain.push_back(*it);
  return chain;
}

// Deep merge for the resolved file: maps merge, everything else is replaced.
YAML::Node merged(const YAML::Node& base, const YAML::Node& over) {
  if (!base || !base.IsMap() || !over.IsMap()) return YAML::Clone(over);
  YAML::Node out = YAML::Clone(base);
  for (const auto& item : over) {
    const std::string key = item.first.as<std::string>();
    out[key] = merged(out[key], item.second);
  }
  return out;
}

struct Change {
  engine::CivilDate from;
  YAML::Node set;  // nested map built from dotted keys
  std::string file;
};

void set_dotted(YAML::Node& root, const std::string& dotted, const YAML::Node& value) {
  YAML::Node node;
  node.reset(root);
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      node[part] = value;
      return;
    }
    if (!node[part] || !node[part].IsMap()) node[part] = YAML::Node(YAML::NodeType::Map);
    node.reset(node[part]);  // rebind: plain assignment would overwrite the parent's content
    start = dot + 1;
  }
}

std::vector<Change> read_changes(const std::vector<YamlLayer>& chain) {
  std::vector<Change> changes;
  for (const auto& layer : chain) {
    const YAML::Node list = static_cast<const YAML::Node&>(layer.node)["changes"];
    if (!list) continue;
    if (!list.IsSequence())
      throw UserError(layer.file, list.Mark().line + 1, list.Mark().column + 1, "changes: expected a list");
    for (const auto& item : list) {
      YamlReader reader({{item, layer.file}}, "changes[]");
      Change change;
      change.file = layer.file;
      reader.read("from", change.from);
      const YAML::Node set = static_cast<const YAML::Node&>(item)["set"];
      if (!set || !set.IsMap())
        throw UserError(layer.file, item.Mark().line + 1, item.Mark().column + 1,
                        "changes[]: needs `set:` with a map of dotted keys, e.g. {workforce.agency_target_share: 0.25}");
      reader.section("set");
      reader.finish();
      change.set = YAML::Node(YAML::NodeType::Map);
      for (const auto& kv : set) {
        const std::string key = kv.first.as<std::string>();
        const std::string head = key.substr(0, key.find('.'));
        const auto& sections = parameter_sections();
        if (std::find(sections.begin(), sections.end(), head) == sections.end() || key.find('.') == std::string::npos)
          throw UserError(layer.file, kv.first.Mark().line + 1, kv.first.Mark().column + 1,
                          "changes[].set: '" + key + "' is not a parameter that can change over time; "
                          "name one inside demand, front_door, referral, assessment, cin_plan, cp_plan, "
                          "pre_proceedings, proceedings, care, care_leavers, referral_age, returns, workforce or costs");
        set_dotted(change.set, key, kv.second);
      }
      changes.push_back(std::move(change));
    }
  }
  std::vector<std::size_t> order(changes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return changes[a].from < changes[b].from; });
  std::vector<Change> sorted;
  for (std::size_t i : order) sorted.push_back(changes[i]);
  return sorted;
}

void read_age_profile(YamlReader r, sim::AgeProfile& out) {
  r.read("band_edges_years", out.band_edges_years);
  r.read("probs", out.probs);
  if (out.band_edges_years.size() != out.probs.size() + 1)
    r.fail("probs", "needs one probability per band: one fewer than band_edges_years");
  double sum = 0;
  for (std::size_t i = 0; i < out.probs.size(); ++i) {
    if (out.band_edges_years[i + 1] <= out.band_edges_years[i]) r.fail("band_edges_years", "edges must increase");
    r.require_probability("probs", out.probs[i]);
    sum += out.probs[i];
  }
  if (out.band_edges_years.front() < 0 || out.band_edges_years.back() > 18)
    r.fail("band_edges_years", "ages must lie between 0 and 18");
  if (std::fabs(sum - 1) > 1e-6) r.fail("probs", "probabilities sum to " + std::to_string(sum) + ", not 1");
  r.finish();
}

std::vector<sim::DemandShock> read_shocks(YamlReader& r, const std::string& key) {
  std::vector<sim::DemandShock> shocks;
  for (YamlReader item : r.items(key, false)) {
    sim::DemandShock shock;
    item.read("name", shock.name);
    item.read("from", shock.from);
    item.read("to", shock.to);
    if (shock.to < shock.from) item.fail("to", "ends before it starts");
    YamlReader m = item.section("multipliers");
    double all = 1.0;
    m.read("all", all, false);
    m.require_non_negative("all", all);
    for (std::size_t s = 0; s < sim::kSources; ++s) {
      shock.multiplier[s] = all;
      m.read(sim::source_names()[s], shock.multiplier[s], false);
      m.require_non_negative(sim::source_names()[s], shock.multiplier[s]);
    }
    m.finish();
    item.finish();
    shocks.push_back(std::move(shock));
  }
  return shocks;
}

// demand.school_terms: holidays (ascending, not overlapping) and the schools multipliers.
// `holidays: []` turns the calendar off (e.g. over an inherited one, when the schools monthly
// profile already holds the term effects, as a fitted demand.yaml's does).
sim::SchoolTerms read_school_terms(YamlReader r) {
  sim::SchoolTerms t;
  std::vector<YamlReader> items = r.items("holidays");
  const bool off = items.empty();
  r.read("holiday_multiplier", t.holiday_multiplier, !off);
  r.require_non_negative("holiday_multiplier", t.holiday_multiplier);
  r.read("end_of_term_multiplier", t.end_of_term_multiplier, false);
  r.require_non_negative("end_of_term_multiplier", t.end_of_term_multiplier);
  r.read("end_of_term_days", t.end_of_term_days, false);
  r.require_non_negative("end_of_term_days", t.end_of_term_days);
  for (YamlReader& item : items) {
    sim::SchoolHoliday h;
    item.read("from", h.from);
    item.read("to", h.to);
    if (h.to < h.from) item.fail("to", "ends before it starts");
    if (!t.holidays.empty() && !(t.holidays.back().to < h.from))
      item.fail("from", "starts before the previous holiday ends: list holidays in date order, without overlaps");
    item.finish();
    t.holidays.push_back(h);
  }
  r.finish();
  if (off) return {};  // no calendar: the schools monthly profile alone
  return t;
}

void read_demand(YamlReader r, sim::Demand& d) {
  r.read_named("contacts_per_month", sim::source_names(), d.contacts_per_month);
  r.read("monthly_profile", d.monthly_profile);
  r.read("schools_monthly_profile", d.schools_monthly_profile);
  if (r.has("school_terms")) d.school_terms = read_school_terms(r.section("school_terms"));
  r.read("weekday_profile", d.weekday_profile);
  r.read("trend_pct_per_year", d.trend_pct_per_year);
  r.read("child_population_growth_pct_per_year", d.child_population_growth_pct_per_year, false);
  r.read("overdispersion_cv", d.overdispersion_cv, false);
  r.require_non_negative("overdispersion_cv", d.overdispersion_cv);
  r.read_non_negative("uasc_per_year", d.uasc_per_year);
  d.shocks = read_shocks(r, "shocks");
  r.finish();
}

void read_front_door(YamlReader r, sim::FrontDoor& f) {
  r.read_shares("outcomes", {{"referral", &f.referral_prob}, {"nfa", &f.nfa_prob}, {"early_help", &f.early_help_prob}});
  r.read_positive("decisions_per_fte_per_day", f.decisions_per_fte_per_day);
  r.read_non_negative("decision_target_wd", f.decision_target_wd);
  r.finish();
}

void read_referral(YamlReader r, sim::Referral& f) {
  r.read_probability("nfa_prob", f.nfa_prob);
  r.read_probability("strategy_discussion_prob", f.strategy_discussion_prob);
  r.read("strategy_delay", f.strategy_delay);
  r.read_probability("s47_prob", f.s47_prob);
  r.read("s47_duration", f.s47_duration);
  r.read_probability("icpc_prob", f.icpc_prob);
  r.read("icpc_delay", f.icpc_delay);
  r.read_probability("cp_plan_prob", f.cp_plan_prob);
  r.read("icpc_target_wd", f.icpc_target_wd);
  r.read("repeat_harm_multiplier", f.repeat_harm_multiplier, false);
  r.require_non_negative("repeat_harm_multiplier", f.repeat_harm_multiplier);
  r.finish();
}

// A stage's duration and outcome shares, named as in the stage table.
void read_stage_route(YamlReader& r, const sim::StageSpec& spec, sim::StageRoute& route) {
  r.read("duration", route.duration);
  route.outcome_shares.assign(spec.outcomes.size(), 0.0);
  std::vector<std::pair<std::string, double*>> fields;
  for (std::size_t k = 0; k < spec.outcomes.size(); ++k) fields.emplace_back(spec.outcomes[k].name, &route.outcome_shares[k]);
  r.read_shares("outcomes", fields);
}

void read_assessment(YamlReader r, sim::Assessment& a) {
  r.read("target_wd", a.target_wd);
  r.finish();
}

void read_cp(YamlReader r, sim::CpPlan& c) {
  r.read_positive("first_review_months", c.first_review_months);
  r.read_positive("review_interval_months", c.review_interval_months);
  r.read_positive("visit_interval_wd", c.visit_interval_wd);
  r.finish();
}

void read_proceedings(YamlReader r, sim::Proceedings& p) {
  r.read("target_weeks", p.target_weeks);
  r.finish();
}

void require_shares(YamlReader& r, const std::string& key, const sim::PerPlacement& shares) {
  double sum = 0;
  for (double s : shares) sum += s;
  if (std::fabs(sum - 1) > 1e-6) r.fail(key, "shares sum to " + std::to_string(sum) + ", not 1");
}

void read_care(YamlReader r, sim::Care& c) {
  r.read_named("placement_shares", sim::placement_names(), c.placement_shares);
  require_shares(r, "placement_shares", c.placement_shares);
  r.read_named("uasc_placement_shares", sim::placement_names(), c.uasc_placement_shares);
  require_shares(r, "uasc_placement_shares", c.uasc_placement_shares);
  r.read_non_negative("placement_moves_per_year", c.placement_moves_per_year);
  r.read_shares("exits_before_18", {{"home", &c.exit_home}, {"sgo", &c.exit_sgo}, {"adoption", &c.exit_adoption},
                                    {"other", &c.exit_other}});
  YamlReader d = r.section("duration_by_exit");
  d.read("home", c.duration_home);
  d.read("sgo", c.duration_sgo);
  d.read("adoption", c.duration_adoption);
  d.read("other", c.duration_other);
  d.finish();
  r.read_positive("visit_interval_weeks", c.visit_interval_weeks);
  r.read_non_negative("care_leaver_min_weeks", c.care_leaver_min_weeks);
  r.finish();
}

void read_care_leavers(YamlReader r, sim::CareLeavers& c) {
  r.read("support_to_age", c.support_to_age);
  if (c.support_to_age < 18 || c.support_to_age > 25) r.fail("support_to_age", "must be between 18 and 25");
  r.read_probability("extend_to_25_prob", c.extend_to_25_prob);
  r.finish();
}

void read_returns(YamlReader r, sim::Returns& x) {
  r.read_probability("after_front_door_prob", x.after_front_door_prob);
  r.read_probability("after_closure_prob", x.after_closure_prob);
  r.read_probability("referral_prob", x.referral_prob);
  r.read("delay", x.delay);
  r.finish();
}

void read_workforce(YamlReader r, sim::WorkforceParams& w) {
  YamlReader teams = r.section("teams");
  for (std::size_t t = 0; t < sim::kTeams; ++t) {
    YamlReader team = teams.section(sim::team_names()[t]);
    auto& p = w.teams[t];
    team.read_non_negative("establishment_fte", p.establishment_fte);
    team.read_probability("initial_vacancy_share", p.initial_vacancy_share);
    if (team.has("agency_cover_share")) {
      team.read_probability("agency_cover_share", p.agency_cover_share);
    } else {
      team.read("agency_cover_share", p.agency_cover_share, false);  // known key, optional
    }
    if (t != sim::index(sim::Team::kFrontDoor)) {
      team.read_positive("cap_cases", p.cap_cases);
      team.read_positive("pace_cases", p.pace_cases);
      team.read_positive("asye_cap_cases", p.asye_cap_cases);
      if (p.pace_cases > p.cap_cases) team.fail("pace_cases", "must not exceed cap_cases");
      if (p.asye_cap_cases > p.cap_cases) team.fail("asye_cap_cases", "must not exceed cap_cases");
    }
    team.finish();
  }
  teams.finish();
  YamlReader staff = r.section("staff");
  for (std::size_t s = 0; s < sim::kStaffTypes; ++s) {
    YamlReader type = staff.section(sim::staff_type_names()[s]);
    auto& p = w.staff[s];
    type.read_non_negative("leave_rate_per_year", p.leave_rate_per_year);
    type.read_non_negative("cost_gbp_per_year", p.cost_gbp_per_year);
    type.read_non_negative("induction_weeks", p.induction_weeks);
    type.read_probability("induction_capacity_share", p.induction_capacity_share);
    type.finish();
  }
  staff.finish();
  r.read_probability("agency_target_share", w.agency_target_share);
  r.read_probability("initial_agency_share", w.initial_agency_share);
  r.read("permanent_lead_time", w.permanent_lead_time);
  r.read_probability("permanent_campaign_success_prob", w.permanent_campaign_success_prob);
  if (w.permanent_campaign_success_prob <= 0) r.fail("permanent_campaign_success_prob", "must be above 0");
  r.read("agency_lead_time", w.agency_lead_time);
  r.read_non_negative("agency_notice_days", w.agency_notice_days);
  r.read_non_negative("agency_to_permanent_per_year", w.agency_to_permanent_per_year);
  r.read("asye_intake_month", w.asye_intake_month);
  if (w.asye_intake_month < 1 || w.asye_intake_month > 12) r.fail("asye_intake_month", "must be 1 to 12");
  r.read_non_negative("asye_intake_count", w.asye_intake_count);
  r.read_positive("asye_months", w.asye_months);
  r.read("sickness_share_by_month", w.sickness_share_by_month);
  for (double s : w.sickness_share_by_month)
    if (s >= 1) r.fail("sickness_share_by_month", "each share must be below 1");
  w.sickness_shocks = read_shocks(r, "sickness_shocks");
  w.workload_shocks = read_shocks(r, "workload_shocks");
  r.read_positive("manager_span", w.manager_span);
  r.read_non_negative("manager_cost_gbp_per_year", w.manager_cost_gbp_per_year);
  r.read_non_negative("recruitment_cost_gbp_per_hire", w.recruitment_cost_gbp_per_hire);
  YamlReader weights = r.section("case_weights");
  const std::vector<std::pair<std::string, double*>> weight_fields = {
      {"assessment", &w.weight_assessment}, {"s47", &w.weight_s47}, {"cin", &w.weight_cin}, {"cp", &w.weight_cp},
      {"proceedings", &w.weight_proceedings}, {"cla", &w.weight_cla}, {"care_leaver", &w.weight_care_leaver}};
  for (const auto& [name, field] : weight_fields) {
    weights.read(name, *field);
    weights.require_positive(name, *field);
  }
  weights.finish();
  r.finish();
}

void read_costs(YamlReader r, sim::Costs& c) {
  r.read_named("placement_gbp_per_week", sim::placement_names(), c.placement_gbp_per_week);
  r.finish();
}

// Each stage's section: its route (duration and outcome shares) and, for the stages that
// have them, its own keys.
void read_stages(YamlReader& root, const sim::StageTable& stages, sim::Parameters& p) {
  p.routes.resize(stages.size());
  for (const sim::StageSpec& spec : stages.specs()) {
    if (spec.section.empty()) continue;
    YamlReader r = root.section(spec.section);
    read_stage_route(r, spec, p.routes[sim::stage_index(spec.id)]);
    switch (spec.id) {
      case sim::Stage::kAssessment: read_assessment(r, p.assessment); break;
      case sim::Stage::kCp: read_cp(r, p.cp); break;
      case sim::Stage::kProceedings: read_proceedings(r, p.proceedings); break;
      default: r.finish(); break;
    }
  }
}

sim::Parameters read_parameters(YamlReader& root, const sim::StageTable& stages) {
  sim::Parameters p;
  read_demand(root.section("demand"), p.demand);
  read_front_door(root.section("front_door"), p.front_door);
  read_referral(root.section("referral"), p.referral);
  read_stages(root, stages, p);
  read_care(root.section("care"), p.care);
  read_care_leavers(root.section("care_leavers"), p.care_leavers);
  read_age_profile(root.section("referral_age"), p.referral_age);
  read_returns(root.section("returns"), p.returns);
  read_workforce(root.section("workforce"), p.workforce);
  read_costs(root.section("costs"), p.costs);
  return p;
}

std::string hex_hash(const std::string& text) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

}  // namespace

sim::Scenario load_scenario(const std::string& path) {
  std::vector<YamlLayer> chain = load_chain(path);
  std::vector<YamlLayer> layers;  // topmost first
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) layers.push_back(*it);
  YamlReader root(layers, "");
  sim::Scenario s;
  root.read("name", s.name);
  root.read("description", s.description, false);
  std::string parent;
  root.read("extends", parent, false);
  root.read("start_date", s.start_date);
  root.read("horizon_months", s.horizon_months);
  if (s.horizon_months < 1 || s.horizon_months > 600) root.fail("horizon_months", "must be 1 to 600");
  root.read("seed", s.seed, false);
  root.read("replications", s.replications, false);
  if (s.replications < 1) root.fail("replications", "must be at least 1");
  root.items("changes", false);  // read below, with every file's own list

  YamlReader stock = root.section("initial_stock");
  auto& st = s.initial;
  const std::vector<std::pair<std::string, int*>> stock_fields = {
      {"assessments", &st.assessments}, {"cin_plans", &st.cin_plans},     {"cp_plans", &st.cp_plans},
      {"pre_proceedings", &st.pre_proceedings}, {"proceedings", &st.proceedings}, {"cla", &st.cla},
      {"care_leavers", &st.care_leavers},       {"returns_due", &st.returns_due}};
  for (const auto& [name, field] : stock_fields) {
    stock.read(name, *field);
    stock.require_non_negative(name, *field);
  }
  read_age_profile(stock.section("cla_age"), st.cla_age);
  stock.finish();

  s.stages = sim::StageTable::standard();
  s.epochs.push_back({s.start_date, read_parameters(root, *s.stages)});
  root.finish();

  // Each change stacks on everything before it: epoch k sees changes 1..k.
  std::vector<Change> changes = read_changes(chain);
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const Change& change = changes[k];
    std::vector<YamlLayer> stacked;
    for (std::size_t j = k + 1; j-- > 0;) stacked.push_back({changes[j].set, changes[j].file});
    for (const auto& layer : layers) stacked.push_back(layer);
    YamlReader view(stacked, "");
    sim::Parameters p = read_parameters(view, *s.stages);
    if (change.from <= s.start_date)
      s.epochs.front().parameters = p;  // a change at or before the start applies from the start
    else if (s.epochs.back().from == change.from)
      s.epochs.back().parameters = p;
    else
      s.epochs.push_back({change.from, std::move(p)});
  }

  // The resolved scenario: every layer merged, `extends` dropped, all changes listed.
  YAML::Node resolved;
  for (const auto& layer : chain) resolved = merged(resolved, layer.node);
  resolved.remove("extends");
  resolved.remove("changes");
  if (!changes.empty()) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& change : changes) {
      YAML::Node item;
      item["from"] = engine::to_iso(change.from);
      item["set"] = change.set;
      list.push_back(item);
    }
    resolved["changes"] = list;
  }
  YAML::Emitter emitter;
  emitter << resolved;
  s.resolved_yaml = std::string(emitter.c_str()) + "\n";
  s.hash = hex_hash(s.resolved_yaml);
  return s;
}

}  // namespace caseflow::io
