#pragma once
// Reads one section of a scenario from a stack of YAML layers (a what-if file over the file
// it extends, and dated `changes:` over both). The topmost layer that names a key wins;
// maps merge key by key. Every error names the file, line and column of the offending
// node and the dotted key, and unknown keys get a "did you mean" suggestion.
#include <yaml-cpp/yaml.h>

#include <array>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "sim/distribution.h"
#include "sim/engine/civil_date.h"

namespace caseflow::io {

struct YamlLayer {
  YAML::Node node;
  std::string file;
};

class YamlReader {
 public:
  YamlReader(std::vector<YamlLayer> layers, std::string path);

  // A sub-section; `required` sections must exist in some layer.
  YamlReader section(const std::string& key, bool required = true);
  bool has(const std::string& key) const;
  // The items of a list of maps, read whole from the topmost layer that names it.
  std::vector<YamlReader> items(const std::string& key, bool required = true);

  void read(const std::string& key, double& out, bool required = true);
  void read(const std::string& key, int& out, bool required = true);
  void read(const std::string& key, std::uint64_t& out, bool required = true);
  void read(const std::string& key, std::uint32_t& out, bool required = true);
  void read(const std::string& key, std::string& out, bool required = true);
  void read(const std::string& key, engine::CivilDate& out, bool required = true);
  void read(const std::string& key, sim::Distribution& out, bool required = true);
  void read(const std::string& key, std::vector<double>& out, bool required = true);
  // A list of exactly out.size() numbers (a std::array's), each >= 0.
  void read(const std::string& key, std::span<double> out, bool required = true);

  // A map over a fixed set of names (sources, placement types...): every name must appear
  // exactly once and no other, none negative; read whole from the topmost layer that has the key.
  void read_named(const std::string& key, const std::vector<std::string>& names, std::span<double> out,
                  bool required = true, double default_value = 0.0);

  // Shares of one whole: each key of `fields` must be present, each in [0, 1], summing to 1.
  void read_shares(const std::string& key, const std::vector<std::pair<std::string, double*>>& fields);

  // Values must be >= 0 (durations, counts, FTE) or in [0, 1] (probabilities, shares).
  void require_non_negative(const std::string& key, double value) const;
  void require_probability(const std::string& key, double value) const;
  void require_positive(const std::string& key, double value) const;

  // Reports keys no read asked for; call after reading everything in this section.
  void finish() const;
  // Counts `key` as known without reading it (an optional key left to its default).
  void allow(const std::string& key) const { known_.insert(key); }
  // Fails with "missing required key" unless some layer names `key`.
  void require(const std::string& key) const { (void)require_found(key); }

  [[noreturn]] void fail(const std::string& key, const std::string& message) const;
  std::string dotted(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

 private:
  struct Found {
    YAML::Node node;
    const YamlLayer* layer = nullptr;
  };
  Found find(const std::string& key) const;
  Found require_found(const std::string& key) const;
  void read_list(const std::string& key, double* out, std::size_t n, bool required);
  [[noreturn]] void fail_at(const Found& found, const std::string& key, const std::string& message) const;
  double to_double(const Found& found, const std::string& key) const;

  std::vector<YamlLayer> layers_;
  std::string path_;
  mutable std::set<std::string> known_;
};

}  // namespace caseflow::io
