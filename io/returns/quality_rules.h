#pragma once
// The data-quality rules: each problem real returns have is counted under one rule, with what
// the reader does about it, so nothing is dropped or changed silently (docs/returns.md explains
// them to an analyst). `ReadOptions::strict` turns the first counted problem into a
// ReturnsError naming the file and line.
#include <string>
#include <string_view>
#include <vector>

#include "io/returns/history.h"

namespace caseflow::returns {

struct QualityRule {
  std::string_view id;       // "episode.overlap"; code rules are "code.<list>.unknown"
  std::string_view meaning;  // one line
  std::string_view action;   // what the reader does with the record
};

const std::vector<QualityRule>& quality_rules();
// The rule for an id ("code.ssda903_placement.unknown" finds "code.LIST.unknown"); nullptr if none.
const QualityRule* find_quality_rule(std::string_view id);

// Where readers count problems: into History::quality, or under --strict as an error.
class QualityReporter {
 public:
  QualityReporter(History& history, bool strict) : history_(history), strict_(strict) {}
  // `rule` must be one of quality_rules() (a std::logic_error otherwise: a programming error).
  void add(std::string_view rule, const std::string& example, const std::string& file, int line);
  void add(std::string_view rule, const std::string& example, const Origin& origin);

 private:
  History& history_;
  bool strict_;
};

// The checks that need a child's or worker's whole merged history (episode before its start,
// CP plan with no s47, child older than 25 at an event, ...). Run once, after merging.
void check_history(History& history, QualityReporter& quality);

// "CHILD 123 episode from 2019-05-04" and similar example ids.
std::string child_record(const std::string& child, std::string_view what, Day day);

}  // namespace caseflow::returns
