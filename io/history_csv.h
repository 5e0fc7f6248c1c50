#pragma once
// Reads a monthly contact history: CSV with header `month,source,count` (any column order),
// month as YYYY-MM, one row per (month, source), counts as whole numbers >= 0.
//
// Sources are the contact sources of the CIN census, grouped: police, schools, health,
// la_services, individuals, other. A file may instead hold a single series under `all`
// (an authority with no source breakdown); mixing `all` with named sources is an error,
// since the total would be counted twice.
//
// Every problem is a UserError naming file, line and column; nothing is dropped silently.
// Blank lines carry no data and are skipped.
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "models/forecast/forecaster.h"
#include "models/forecast/year_month.h"

namespace caseflow::io {

// Two seasonal cycles: fewer months cannot separate trend from month-of-year effects.
inline constexpr int min_history_months = 24;

const std::vector<std::string>& contact_sources();

struct SourceHistory {
  std::string source;
  models::forecast::MonthlySeries series;
};

struct History {
  std::string file;
  models::forecast::YearMonth first_month;
  models::forecast::YearMonth last_month;
  std::vector<SourceHistory> sources;  // in contact_sources() order, or just `all`
  int months() const { return models::forecast::months_between(first_month, last_month) + 1; }
};

History read_history_csv(const std::filesystem::path& path);
// file_name is only used in error messages.
History parse_history_csv(std::istream& in, const std::string& file_name);

// Parses YYYY-MM; returns false if the text is not a valid month.
bool parse_year_month(const std::string& text, models::forecast::YearMonth& out);

}  // namespace caseflow::io
