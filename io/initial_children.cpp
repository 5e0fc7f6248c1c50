#include "io/initial_children.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <ostream>
#include <sstream>

#include "io/user_error.h"

namespace caseflow::io {
namespace {

struct StageName {
  sim::Stage stage;
  const char* name;
};
constexpr StageName kStages[] = {{sim::Stage::kAssessment, "assessment"},          {sim::Stage::kCin, "cin_plan"},
                                 {sim::Stage::kCp, "cp_plan"},                      {sim::Stage::kPreProceedings, "pre_proceedings"},
                                 {sim::Stage::kProceedings, "proceedings"},         {sim::Stage::kCla, "cla"},
                                 {sim::Stage::kCareLeaver, "care_leaver"}};
// A CIN plan's step-up under way is in the model's assessment stage (an s47 enquiry on a
// child already in need) and is counted with the assessments, but is not a referral's
// assessment: the file names it apart.
constexpr const char* kStepUp = "cin_step_up";
constexpr const char* kHeader = "child,stage,days_in_stage,age_years,placement,cp_plans_before,s47_days";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::stringstream in(line);
  while (std::getline(in, field, ',')) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

double number(const std::string& text, const std::string& file, int line, const std::string& field, double max) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < 0 || v > max)
    throw UserError(file, line, 0, field + ": expected a number from 0 to " + std::to_string(static_cast<int>(max)) + ", got '" + text + "'");
  return v;
}

}  // namespace

std::string initial_stage_name(sim::Stage stage) {
  for (const auto& s : kStages)
    if (s.stage == stage) return s.name;
  return "none";
}

std::vector<sim::InitialChild> read_initial_children(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UserError(path, 0, 0, "cannot read the initial children file (initial_stock.children)");
  std::string line;
  if (!std::getline(in, line) || (line.erase(line.find_last_not_of("\r") + 1), line != kHeader))
    throw UserError(path, 1, 0, std::string("expected the header ") + kHeader);
  std::vector<sim::InitialChild> children;
  for (int n = 2; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto f = split(line);
    if (f.size() != 7) throw UserError(path, n, 0, "expected 7 fields, found " + std::to_string(f.size()));
    sim::InitialChild c;
    c.id = f[0];
    if (c.id.empty()) throw UserError(path, n, 0, "child: empty");
    for (const auto& s : kStages)
      if (f[1] == s.name) c.stage = s.stage;
    if (f[1] == kStepUp) c.stage = sim::Stage::kAssessment, c.step_up = true;
    if (c.stage == sim::Stage::kNone)
      throw UserError(path, n, 0,
                      "stage: '" + f[1] + "' is not one of assessment, cin_step_up, cin_plan, cp_plan, pre_proceedings, proceedings, cla, care_leaver");
    c.days_in_stage = number(f[2], path, n, "days_in_stage", 36525);
    c.age_years = number(f[3], path, n, "age_years", 25);
    if (c.stage == sim::Stage::kCla) {
      for (std::size_t i = 0; i < sim::kPlacements; ++i)
        if (f[4] == sim::placement_names()[i]) c.placement = static_cast<int>(i);
      if (c.placement < 0) throw UserError(path, n, 0, "placement: '" + f[4] + "' is not a placement type (care.placement_shares)");
      if (c.age_years >= 18) throw UserError(path, n, 0, "age_years: a child looked after must be under 18");
    } else if (!f[4].empty()) {
      throw UserError(path, n, 0, "placement: only a child looked after (stage cla) has one");
    }
    const double cp = number(f[5], path, n, "cp_plans_before", 100);
    if (cp != std::floor(cp)) throw UserError(path, n, 0, "cp_plans_before: expected a whole number, got '" + f[5] + "'");
    c.cp_plans_before = static_cast<int>(cp);
    if (!f[6].empty()) {
      if (c.stage != sim::Stage::kAssessment) throw UserError(path, n, 0, "s47_days: only an assessment has an s47 enquiry open");
      c.s47_days = number(f[6], path, n, "s47_days", 36525);
    } else if (c.step_up) {
      throw UserError(path, n, 0, "s47_days: a cin_step_up is an s47 enquiry under way and needs its days");
    }
    children.push_back(std::move(c));
  }
  return children;
}

void write_initial_children(std::ostream& out, const std::vector<sim::InitialChild>& children) {
  out << kHeader << "\n";
  for (const auto& c : children) {
    std::ostringstream days, age;
    days.precision(10);
    age.precision(6);
    days << c.days_in_stage;
    age << c.age_years;
    out << c.id << ',' << (c.step_up ? kStepUp : initial_stage_name(c.stage)) << ',' << days.str() << ',' << age.str() << ','
        << (c.placement >= 0 ? sim::placement_names()[static_cast<std::size_t>(c.placement)] : "") << ',' << c.cp_plans_before << ',';
    if (c.s47_days >= 0) out << c.s47_days;
    out << "\n";
  }
}

void check_initial_counts(const sim::InitialStock& stock, const std::string& scenario_file) {
  const std::pair<const char*, int> counted[] = {{"assessments", stock.assessments}, {"cin_plans", stock.cin_plans},
                                                 {"cp_plans", stock.cp_plans},       {"pre_proceedings", stock.pre_proceedings},
                                                 {"proceedings", stock.proceedings}, {"cla", stock.cla},
                                                 {"care_leavers", stock.care_leavers}};
  for (std::size_t i = 0; i < std::size(kStages); ++i) {
    int n = 0;
    for (const auto& c : stock.children) n += c.stage == kStages[i].stage;
    if (n != counted[i].second)
      throw UserError(scenario_file, 0, 0, std::string("initial_stock.") + counted[i].first + " is " + std::to_string(counted[i].second) + " but " +
                                               stock.children_file + " holds " + std::to_string(n) + " children in " + kStages[i].name);
  }
}

}  // namespace caseflow::io
