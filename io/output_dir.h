#pragma once
// Writes a run's files atomically: everything goes to a hidden staging folder beside the
// target, and each file is renamed into place only when all were written. A failed run
// leaves no partial outputs.
//
// Each commit also writes a marker, .caseflow-outputs, listing the files it wrote. The marker
// is how caseflow knows a folder is its own: a folder that has other contents and no marker
// (a user's folder, given as --out by mistake) is refused unless the command was forced, and
// a file the previous commit wrote that this one does not (a per-replication file, say) is
// removed, so a folder never mixes two runs' results.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace caseflow::io {

// What to do with a target folder that is not empty and has no marker.
enum class ForeignFolder { kWriteInto, kRefuse };

class OutputDir {
 public:
  explicit OutputDir(std::filesystem::path target, ForeignFolder foreign = ForeignFolder::kWriteInto);
  ~OutputDir();  // removes the staging folder if commit() was never reached
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Writes one file into staging through the given writer.
  void write(const std::string& name, const std::function<void(std::ostream&)>& writer);
  // Moves every staged file into the target folder (rename, so each file appears whole),
  // removes the files only the previous commit wrote, and writes the marker.
  void commit();

  static constexpr const char* kMarker = ".caseflow-outputs";

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::vector<std::string> names_;
  bool committed_ = false;
};

// Whether caseflow wrote the folder: it has the marker. A folder that does not exist, or is
// empty but for staging folders a crash left, counts as caseflow's too.
bool is_caseflow_output(const std::filesystem::path& folder);

// Throws the user error OutputDir would throw for a target it must refuse: called before a
// long simulation, so a bad --out is reported at once.
void check_output_folder(const std::filesystem::path& target, ForeignFolder foreign);

// The default output folder of a run or comparison: out/NAME, with any character that is not
// a letter, digit, '.', '_' or '-' in NAME replaced by '-'.
std::string default_output_folder(const std::string& name);

}  // namespace caseflow::io
