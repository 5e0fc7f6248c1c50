#pragma once
// The data-quality problems real returns always have (an episode ending before it starts,
// overlapping episodes, a CP plan with no s47, ...), counted by rule with up to three example
// record ids each, so that nothing is dropped or changed silently. The rules themselves are
// data: io/returns/quality_rules.h lists each rule's id, what it means, and what the reader
// does about it; docs/returns.md explains them to an analyst. `--strict` makes any count an
// error.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace caseflow::returns {

struct QualityCount {
  std::size_t count = 0;
  std::vector<std::string> examples;  // at most three record ids ("CHILD 123, episode 2019-05-04")
};

class DataQuality {
 public:
  void add(const std::string& rule, const std::string& example) {
    QualityCount& c = counts_[rule];
    c.count += 1;
    if (c.examples.size() < 3) c.examples.push_back(example);
  }
  const std::map<std::string, QualityCount>& counts() const { return counts_; }
  std::size_t total() const {
    std::size_t n = 0;
    for (const auto& [rule, c] : counts_) n += c.count;
    return n;
  }

 private:
  std::map<std::string, QualityCount> counts_;  // by rule id, so reports list rules in order
};

}  // namespace caseflow::returns
