#include "io/yaml_reader.h"

#include <algorithm>
#include <cmath>

#include "io/edit_distance.h"
#include "io/user_error.h"
#include "io/yaml_file.h"

namespace caseflow::io {

namespace {

std::string describe(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  return "nothing";
}

}  // namespace

YamlReader::YamlReader(std::vector<YamlLayer> layers, std::string path)
    : layers_(std::move(layers)), path_(std::move(path)) {
  for (const auto& layer : layers_)
    if (layer.node && !layer.node.IsNull() && !layer.node.IsMap())
      throw UserError(layer.file, layer.node.Mark().line + 1, layer.node.Mark().column + 1,
                      (path_.empty() ? std::string("the scenario") : path_) + ": expected a map of keys, got " +
                          describe(layer.node));
}

YamlReader::Found YamlReader::find(const std::string& key) const {
  for (const auto& layer : layers_) {
    if (!layer.node || !layer.node.IsMap()) continue;
    const YAML::Node& map = layer.node;  // const access: a missing key must not be inserted
    if (YAML::Node value = map[key]; value && !value.IsNull()) return {value, &layer};
  }
  return {};
}

YamlReader::Found YamlReader::require_found(const std::string& key) const {
  Found found = find(key);
  if (!found.layer) {
    const YamlLayer& top = layers_.empty() ? YamlLayer{} : layers_.back();
    const YamlLayer* first = nullptr;
    for (const auto& layer : layers_)
      if (layer.node && layer.node.IsMap()) {
        first = &layer;
        break;
      }
    const YamlLayer& where = first ? *first : top;
    const int line = where.node ? where.node.Mark().line + 1 : 0;
    throw UserError(where.file, line, 0, "missing required key '" + dotted(key) + "'");
  }
  return found;
}

bool YamlReader::has(const std::string& key) const { return find(key).layer != nullptr; }

YamlReader YamlReader::section(const std::string& key, bool required) {
  known_.insert(key);
  std::vector<YamlLayer> inner;
  for (const auto& layer : layers_) {
    if (!layer.node || !layer.node.IsMap()) continue;
    const YAML::Node& map = layer.node;
    if (YAML::Node value = map[key]; value) {
      if (!value.IsMap() && !value.IsNull())
        fail_at({value, &layer}, key, "expected a map of keys, got " + describe(value));
      inner.push_back({value, layer.file});
    }
  }
  if (inner.empty() && required) require_found(key);
  return YamlReader(std::move(inner), dotted(key));
}

std::vector<YamlReader> YamlReader::items(const std::string& key, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  std::vector<YamlReader> out;
  if (!found.layer || found.node.IsNull()) return out;
  if (!found.node.IsSequence()) fail_at(found, key, "expected a list, got " + describe(found.node));
  for (std::size_t i = 0; i < found.node.size(); ++i)
    out.emplace_back(std::vector<YamlLayer>{{found.node[i], found.layer->file}}, dotted(key) + "[" + std::to_string(i) + "]");
  return out;
}

void YamlReader::fail_at(const Found& found, const std::string& key, const std::string& message) const {
  const auto mark = found.node.Mark();
  throw UserError(found.layer ? found.layer->file : std::string(), mark.line + 1, mark.column + 1,
                  dotted(key) + ": " + message);
}

void YamlReader::fail(const std::string& key, const std::string& message) const {
  const Found found = find(key);
  if (found.layer) fail_at(found, key, message);
  const std::string file = layers_.empty() ? std::string() : layers_.front().file;
  throw UserError(file, 0, 0, dotted(key) + ": " + message);
}

double YamlReader::to_double(const Found& found, const std::string& key) const {
  if (!found.node.IsScalar()) fail_at(found, key, "expected a number, got " + describe(found.node));
  try {
    std::size_t used = 0;
    const std::string& text = found.node.Scalar();
    if (!is_decimal_number(text)) throw std::invalid_argument(text);  // not 0x10, .inf or 1_000
    const double v = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(v)) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    fail_at(found, key, "expected a number, got " + describe(found.node));
  }
}

void YamlReader::read(const std::string& key, double& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (found.layer) out = to_double(found, key);
}

void YamlReader::read(const std::string& key, int& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  const double v = to_double(found, key);
  if (v != std::floor(v) || std::fabs(v) > 2e9) fail_at(found, key, "expected a whole number, got " + describe(found.node));
  out = static_cast<int>(v);
}

void YamlReader::read(const std::string& key, std::uint64_t& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  const double v = to_double(found, key);
  if (v != std::floor(v) || v < 0 || v > 9e15) fail_at(found, key, "expected a whole number >= 0, got " + describe(found.node));
  out = static_cast<std::uint64_t>(v);
}

void YamlReader::read(const std::string& key, std::uint32_t& out, bool required) {
  std::uint64_t wide = out;
  read(key, wide, required);
  if (wide > 4'000'000'000ULL) fail(key, "value too large");
  out = static_cast<std::uint32_t>(wide);
}

void YamlReader::read(const std::string& key, std::string& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  if (!found.node.IsScalar()) fail_at(found, key, "expected text, got " + describe(found.node));
  out = found.node.Scalar();
}

void YamlReader::read(const std::string& key, engine::CivilDate& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  const auto date = found.node.IsScalar() ? engine::parse_iso_date(found.node.Scalar()) : std::nullopt;
  if (!date) fail_at(found, key, "expected a date as YYYY-MM-DD, got " + describe(found.node));
  out = *date;
}

void YamlReader::read_list(const std::string& key, double* out, std::size_t n, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  if (!found.node.IsSequence() || found.node.size() != n)
    fail_at(found, key, "expected a list of " + std::to_string(n) + " numbers, got " + describe(found.node) +
                            (found.node.IsSequence() ? " of " + std::to_string(found.node.size()) : ""));
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = to_double({found.node[i], found.layer}, key + "[" + std::to_string(i) + "]");
    if (out[i] < 0) fail_at({found.node[i], found.layer}, key, "must not be negative");
  }
}

void YamlReader::read(const std::string& key, std::span<double> out, bool required) {
  read_list(key, out.data(), out.size(), required);
}

void YamlReader::read_named(const std::string& key, const std::vector<std::string>& names, std::span<double> out,
                            bool required, double default_value) {
  known_.insert(key);
  const Found found = find(key);
  if (!found.layer) {
    if (required) require_found(key);
    std::fill(out.begin(), out.end(), default_value);
    return;
  }
  YamlReader inner({{found.node, found.layer->file}}, dotted(key));
  for (std::size_t i = 0; i < names.size() && i < out.size(); ++i) {
    out[i] = default_value;
    inner.read(names[i], out[i], required);
    inner.require_non_negative(names[i], out[i]);
  }
  inner.finish();
}

void YamlReader::read(const std::string& key, std::vector<double>& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  // An optional list may be empty (prices.pay_award_pct: [] holds prices); a required one may not.
  if (!found.node.IsSequence() || (found.node.size() == 0 && required))
    fail_at(found, key, "expected a list of numbers, got " + describe(found.node));
  out.clear();
  for (std::size_t i = 0; i < found.node.size(); ++i)
    out.push_back(to_double({found.node[i], found.layer}, key + "[" + std::to_string(i) + "]"));
}

void YamlReader::read(const std::string& key, sim::Distribution& out, bool required) {
  known_.insert(key);
  const Found found = required ? require_found(key) : find(key);
  if (!found.layer) return;
  if (!found.node.IsMap()) fail_at(found, key, "expected a distribution such as {dist: lognormal, median_days: 30, p90_days: 90}");
  YamlReader d({{found.node, found.layer->file}}, dotted(key));
  std::string kind;
  d.read("dist", kind);
  // The unit comes from the keys' suffix: median_wd, mean_days, p90_weeks...
  auto unit_of = [&](const std::string& stem) -> std::optional<sim::TimeUnit> {
    for (auto u : {sim::TimeUnit::kDays, sim::TimeUnit::kWorkingDays, sim::TimeUnit::kWeeks, sim::TimeUnit::kMonths})
      if (d.has(stem + "_" + sim::unit_suffix(u))) return u;
    return std::nullopt;
  };
  auto take = [&](const std::string& stem, double& value) {
    const auto unit = unit_of(stem);
    if (!unit) d.fail("dist", "needs " + stem + "_days, " + stem + "_wd, " + stem + "_weeks or " + stem + "_months");
    out.unit = *unit;
    d.read(stem + "_" + sim::unit_suffix(*unit), value);
    if (value < 0) d.fail(stem + "_" + sim::unit_suffix(*unit), "a duration must not be negative");
  };
  out = sim::Distribution{};
  if (kind == "fixed") {
    out.kind = sim::Distribution::Kind::kFixed;
    take("value", out.value);
  } else if (kind == "exponential") {
    out.kind = sim::Distribution::Kind::kExponential;
    take("mean", out.value);
  } else if (kind == "lognormal") {
    out.kind = sim::Distribution::Kind::kLognormal;
    take("median", out.value);
    const sim::TimeUnit unit = out.unit;
    take("p90", out.p90);
    if (out.unit != unit) d.fail("dist", "median and p90 must use the same unit");
    if (!(out.value > 0) || !(out.p90 > out.value)) d.fail("dist", "lognormal needs 0 < median < p90");
    out.sigma = std::log(out.p90 / out.value) / 1.2815515655446004;  // z90: computed once, not per draw
  } else if (kind == "empirical") {
    out.kind = sim::Distribution::Kind::kEmpirical;
    const auto unit = unit_of("upper");
    if (!unit) d.fail("dist", "empirical needs upper_days (or _wd, _weeks, _months) and probs");
    out.unit = *unit;
    const std::string suffix = sim::unit_suffix(*unit);
    d.read("upper_" + suffix, out.upper);
    d.read("probs", out.probs);
    // An exponential tail beyond the last edge (tail_mean_*), in the edges' unit, holds one
    // more probability than there are bins.
    const auto tail_unit = unit_of("tail_mean");
    if (d.has("tail_mean")) d.fail("tail_mean", "needs its unit, as upper_" + suffix + " has: tail_mean_" + suffix);
    if (tail_unit) {
      if (*tail_unit != *unit) d.fail("tail_mean_" + sim::unit_suffix(*tail_unit), "must use the unit of upper_" + suffix);
      d.read("tail_mean_" + suffix, out.tail_mean);
      if (!(out.tail_mean > 0)) d.fail("tail_mean_" + suffix, "the tail's mean must be greater than zero");
    }
    const std::size_t bins = out.upper.size() + (tail_unit ? 1 : 0);
    if (out.probs.size() != bins)
      d.fail("probs", tail_unit ? "needs one probability per bin in upper_" + suffix + " and one for the tail"
                                : "needs one probability per bin in upper_" + suffix);
    double sum = 0.0, previous = 0.0;
    for (std::size_t i = 0; i < out.upper.size(); ++i) {
      if (out.upper[i] <= previous) d.fail("upper_" + suffix, "bin edges must be positive and increasing");
      previous = out.upper[i];
    }
    for (const double p : out.probs) {
      if (p < 0) d.fail("probs", "probabilities must not be negative");
      sum += p;
    }
    if (std::fabs(sum - 1.0) > 1e-6) d.fail("probs", "probabilities sum to " + std::to_string(sum) + ", not 1");
  } else {
    d.fail("dist", "unknown distribution '" + kind + "'; use fixed, exponential, lognormal or empirical");
  }
  d.finish();
}

void YamlReader::read_shares(const std::string& key, const std::vector<std::pair<std::string, double*>>& fields) {
  known_.insert(key);
  const Found found = require_found(key);
  if (!found.node.IsMap()) fail_at(found, key, "expected a map of shares, got " + describe(found.node));
  YamlReader inner({{found.node, found.layer->file}}, dotted(key));
  double sum = 0.0;
  for (const auto& [name, target] : fields) {
    inner.read(name, *target);
    inner.require_probability(name, *target);
    sum += *target;
  }
  inner.finish();
  if (std::fabs(sum - 1.0) > 1e-6)
    fail_at(found, key, "shares sum to " + std::to_string(sum) + ", not 1; adjust them so they add up to 1");
}

void YamlReader::require_non_negative(const std::string& key, double value) const {
  if (value < 0) fail(key, "must not be negative (got " + std::to_string(value) + ")");
}
void YamlReader::require_positive(const std::string& key, double value) const {
  if (!(value > 0)) fail(key, "must be greater than zero (got " + std::to_string(value) + ")");
}
void YamlReader::require_probability(const std::string& key, double value) const {
  if (value < 0 || value > 1) fail(key, "must be between 0 and 1 (got " + std::to_string(value) + ")");
}

void YamlReader::finish() const {
  for (const auto& layer : layers_) {
    if (!layer.node || !layer.node.IsMap()) continue;
    for (const auto& item : layer.node) {
      const std::string key = item.first.as<std::string>();
      if (known_.count(key)) continue;
      std::string suggestion;
      std::size_t best = 4;
      for (const auto& k : known_)
        if (std::size_t dist = edit_distance(key, k); dist < best) {
          best = dist;
          suggestion = k;
        }
      const auto mark = item.first.Mark().line >= 0 ? item.first.Mark() : item.second.Mark();
      throw UserError(layer.file, mark.line + 1, mark.column + 1,
                      "unknown key '" + dotted(key) + "'" +
                          (suggestion.empty() ? std::string() : "; did you mean '" + suggestion + "'?"));
    }
  }
}

}  // namespace caseflow::io
