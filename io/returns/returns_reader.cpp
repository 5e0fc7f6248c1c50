#include "io/returns/returns_reader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "io/returns/dates.h"
#include "io/returns/returns_error.h"
#include "io/returns/returns_file_readers.h"
#include "sim/engine/civil_date.h"

namespace caseflow::returns {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

bool is_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) && s >= "1990" &&
         s <= "2100";
}

bool separator(char ch) { return ch == '-' || ch == '_' || ch == ' ' || ch == '.'; }

// A file's name as (table, year): "2019-episodes" -> ("episodes", 2019); "Episodes" -> ("episodes", none).
std::pair<std::string, std::optional<int>> split_name(const fs::path& file) {
  std::string stem = lower(file.stem().string());
  std::optional<int> year;
  if (stem.size() >= 4 && is_year(std::string_view(stem).substr(0, 4)) && (stem.size() == 4 || separator(stem[4]))) {
    year = std::stoi(stem.substr(0, 4));
    stem.erase(0, 4);
  } else if (stem.size() >= 4 && is_year(std::string_view(stem).substr(stem.size() - 4)) &&
             (stem.size() == 4 || !(stem[stem.size() - 5] >= '0' && stem[stem.size() - 5] <= '9'))) {
    year = std::stoi(stem.substr(stem.size() - 4));
    stem.erase(stem.size() - 4);
  }
  std::string table;
  for (char ch : stem)
    if (!separator(ch)) table += ch;
  return {table, year};
}

// The collection year of an SSDA903 file, from its name or the nearest folder named by a year.
int ssda903_year(const fs::path& file, const fs::path& root, const std::optional<int>& from_name) {
  std::optional<int> from_folder;
  for (fs::path p = file.parent_path(); !p.empty() && p != root && p != p.parent_path(); p = p.parent_path())
    if (is_year(p.filename().string())) {
      from_folder = std::stoi(p.filename().string());
      break;
    }
  if (from_name && from_folder && *from_name != *from_folder)
    throw ReturnsError(file.string() + ": the file name says collection year " + std::to_string(*from_name) +
                       " but its folder says " + std::to_string(*from_folder) + "; rename one of them");
  if (from_name) return *from_name;
  if (from_folder) return *from_folder;
  throw ReturnsError(file.string() +
                     ": cannot tell the collection year of this SSDA903 file: put it in a folder named by the year "
                     "(ssda903/2020/Episodes.csv) or name it by the year (2020-episodes.csv)");
}

struct Reader {
  fs::path root;
  HistoryBuilder& b;
  std::map<std::pair<std::string, int>, std::string> seen;  // (what, year) -> first file, to refuse doubles

  void once(const std::string& what, int year, const fs::path& file) {
    const auto [it, fresh] = seen.emplace(std::make_pair(what, year), file.string());
    if (!fresh)
      throw ReturnsError(file.string() + ": a second " + what + " for collection year " + std::to_string(year) + " (the first is " +
                         it->second + "); keep one");
  }

  void csv(const fs::path& file) {
    const auto [table, name_year] = split_name(file);
    if (!is_ssda903_table(table))
      throw ReturnsError(file.string() + ": '" + file.filename().string() +
                         "' is not an SSDA903 table this reader knows (Header, Episodes, UASC, Reviews, Missing, OC2, OC3, "
                         "AD1, PlacedAdoption, PrevPerm, SWEpisodes, optionally with the year: 2020-episodes.csv); "
                         "every .csv under the folder is read, so move other files out");
    const int year = ssda903_year(file, root, name_year);
    once("SSDA903 " + table + " table", year, file);
    if (seen.count({"SSDA903 XML", year}))
      throw ReturnsError(file.string() + ": collection year " + std::to_string(year) +
                         " has both SSDA903 CSV tables and an SSDA903 XML file; keep one form");
    read_ssda903_csv(file.string(), table, year, b);
  }

  void xml(const fs::path& file) {
    XmlReader r(file.string());
    if (!r.root()) throw ReturnsError(file.string() + ": the XML file has no root element");
    const std::uint32_t index = b.add_file(file.string());
    if (r.name() == "EXPSSDA903") {
      const int year = ssda903_year(file, root, split_name(file).second);
      once("SSDA903 XML", year, file);
      for (const auto& [key, first] : seen)
        if (key.second == year && key.first.rfind("SSDA903 ", 0) == 0 && key.first != "SSDA903 XML")
          throw ReturnsError(file.string() + ": collection year " + std::to_string(year) +
                             " has both SSDA903 CSV tables and an SSDA903 XML file; keep one form");
      read_ssda903_xml(r, index, year, b);
      return;
    }
    if (r.name() != "Message")
      r.fail("not a return this reader knows (the root must be Message for the CIN and workforce censuses, or EXPSSDA903)");
    message(r, index, file);
  }

  void message(XmlReader& r, std::uint32_t index, const fs::path& file) {
    std::string collection;
    std::optional<int> year;
    MaybeDay reference;  // Header/CollectionDetails/ReferenceDate
    const int root_depth = r.depth();
    enum class Kind { unknown, cin, csww } kind = Kind::unknown;
    auto need_year = [&] {
      if (!year) r.fail("the collection year is missing (Header/CollectionDetails/Year or ReferenceDate)");
      return *year;
    };
    auto become = [&](Kind k, const char* name) {
      if (kind == k) return;
      if (kind != Kind::unknown || (!collection.empty() && collection != name))
        r.fail(std::string("a ") + name + " element in a file whose Collection is '" + collection + "'");
      kind = k;
      // The Year is the census's own; without it the reference date names the year, by the
      // census's kind (31 March ends a CIN collection year; the workforce census is at 30
      // September of its year), which the body tells when the header has no Collection.
      if (!year && reference) year = k == Kind::csww ? engine::civil_from_days(*reference).year : collection_year_of(*reference);
      const int y = need_year();
      if (k == Kind::cin) {
        once("CIN census", y, file);
        b.add_year(&History::cin_years, y);
      } else {
        once("workforce census", y, file);
        b.add_year(&History::csww_years, y);
      }
    };
    while (r.next_child(root_depth)) {
      const auto n = r.name();
      if (n == "Header") {
        const int h = r.depth();
        while (r.next_child(h)) {
          if (r.name() == "Source") {
            const int src = r.depth();
            while (r.next_child(src))
              if (r.name() == "LEA") b.set_la_code(r.text(), file.string());
              else r.skip();
            continue;
          }
          if (r.name() != "CollectionDetails") {
            r.skip();
            continue;
          }
          const int c = r.depth();
          while (r.next_child(c)) {
            if (r.name() == "Collection") collection = r.text();
            else if (r.name() == "Year") {
              const std::string_view t = r.text();
              if (!is_year(t)) r.fail("'" + std::string(t) + "' is not a year");
              year = std::stoi(std::string(t));
            } else if (r.name() == "ReferenceDate") reference = r.date();
            else r.skip();
          }
        }
      } else if (n == "Children") {
        become(Kind::cin, "CIN");
        const int c = r.depth();
        while (r.next_child(c)) {
          if (r.name() == "Child") read_cin_child(r, index, *year, b);
          else r.skip();
        }
      } else if (n == "CSWWWorker") {
        become(Kind::csww, "CSWW");
        read_csww_worker(r, index, *year, b);
      } else if (n == "LALevelVacancies") {
        become(Kind::csww, "CSWW");
        read_csww_vacancies(r, *year, b);
      } else r.skip();
    }
    if (kind == Kind::unknown)
      throw ReturnsError(file.string() + ": a Message with neither Children (CIN census) nor CSWWWorker (workforce census)");
  }

};

}  // namespace

History read_returns(const std::string& dir, const ReadOptions& options) {
  const fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw ReturnsError(dir + ": not a folder (inspect-returns reads a folder of returns)");
  std::vector<fs::path> files;
  std::vector<std::string> skipped;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::follow_directory_symlink, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw ReturnsError(dir + ": cannot list the folder: " + ec.message());
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    // A caseflow run's outputs (synth puts the replication's own beside its returns) are not
    // a return: the folder is left out and named, never read as SSDA903 tables.
    if (it->is_directory() && fs::exists(it->path() / "summary.json", ec)) {
      skipped.push_back(it->path().string());
      it.disable_recursion_pending();
      continue;
    }
    const std::string ext = lower(it->path().extension().string());
    if (it->is_regular_file() && (ext == ".csv" || ext == ".xml")) files.push_back(it->path());
  }
  if (ec) throw ReturnsError(dir + ": cannot list the folder: " + ec.message());
  if (files.empty()) throw ReturnsError(dir + ": no .csv or .xml returns in the folder");
  std::sort(files.begin(), files.end());

  History history;
  std::sort(skipped.begin(), skipped.end());
  history.skipped = skipped;
  QualityReporter quality(history, options.strict);
  HistoryBuilder builder(history, quality);
  Reader reader{root, builder, {}};
  for (const fs::path& file : files) {
    if (lower(file.extension().string()) == ".csv") reader.csv(file);
    else reader.xml(file);
  }
  builder.finish();
  return history;
}

}  // namespace caseflow::returns
