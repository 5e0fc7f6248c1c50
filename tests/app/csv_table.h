#pragma once
// A caseflow output CSV read whole, for the app tests: the header's columns by name and the
// rows as text fields (caseflow writes no quoted fields).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace caseflow::app::testing {

struct CsvTable {
  std::map<std::string, std::size_t> column;
  std::vector<std::vector<std::string>> rows;
  const std::string& at(std::size_t row, const std::string& name) const { return rows[row].at(column.at(name)); }
};

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

inline CsvTable read_csv(const std::filesystem::path& file) {
  CsvTable t;
  std::ifstream in(file);
  EXPECT_TRUE(in) << file;
  std::string line;
  if (!std::getline(in, line)) return t;
  const auto header = split_csv_line(line);
  for (std::size_t i = 0; i < header.size(); ++i) t.column[header[i]] = i;
  while (std::getline(in, line)) {
    t.rows.push_back(split_csv_line(line));
    EXPECT_EQ(t.rows.back().size(), header.size()) << file << ": " << line;
  }
  return t;
}

}  // namespace caseflow::app::testing
