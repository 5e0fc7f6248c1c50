#pragma once
// Writes a run's files atomically as a set: everything goes into a hidden staging folder
// beside the target, and the commit swaps the staging folder with the target in one rename
// (Linux renameat2 with RENAME_EXCHANGE). A reader of the target sees the old set or the new
// set, never a mix; a killed or failed run leaves the previous outputs as they were, and the
// staging folder it left behind is removed by the next run into the same target.
//
// Each commit also writes a marker, .caseflow-outputs, listing the files it wrote. The marker
// is how caseflow knows a folder is its own: a folder that has other contents and no marker
// (a user's folder, given as --out by mistake) is refused unless the command was forced.
// Anything in the target that the previous commit did not write (a user's notes, or the
// contents of a forced folder) is carried into the new set by hard links, so the swap never
// loses a user's file; a file the previous commit wrote that this one does not (a
// per-replication file, say) is not carried, so a folder never mixes two runs' results.
// docs/reliability.md, "Atomic outputs".
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
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

  // Writes one file into staging through the given writer. A name may be in a subfolder
  // ("councils/north/monthly.csv"); a subfolder belongs to the set whole, so the next commit
  // replaces it whole (a user's file inside it is not carried over).
  void write(const std::string& name, const std::function<void(std::ostream&)>& writer);
  // Writes the marker, carries the target's other contents over, and swaps staging with the
  // target; the old set is then removed.
  void commit();

  const std::filesystem::path& target() const { return target_; }

  static constexpr const char* kMarker = ".caseflow-outputs";

  // For tests: called with the name of each step of commit() as it is reached ("marked",
  // "carried", "swapped", "done"), so a test can kill the process there.
  static void set_commit_hook(std::function<void(std::string_view step)> hook);

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::vector<std::string> names_;

  void swap_in_two_renames();
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
