#pragma once
// A scratch folder for one fuzzing process: each input is written as a file in it and read
// back as a folder of returns, as a council's export would be.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace caseflow::fuzz {

// In memory (/dev/shm) where the machine has it: on ext4, truncating and rewriting a file flushes
// it to disk at close, which made the kernel more than 40% of a file-based target's time (perf).
inline std::filesystem::path scratch_parent() {
  if (access("/dev/shm", W_OK | X_OK) == 0) return "/dev/shm";
  return std::filesystem::temp_directory_path();
}

inline const std::filesystem::path& scratch() {
  // Made once and never destroyed: the exit handler that removes the folder runs after the
  // destructors of statics finished after its registration, and a static path here was one of
  // them (ASan: a heap-use-after-free at exit, found by CI's short run in session 12).
  static const std::filesystem::path* const dir = [] {
    std::string pattern = (scratch_parent() / "caseflow-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    return new std::filesystem::path(pattern);
  }();
  static const bool removed_at_exit = std::atexit([] {
    std::error_code ignored;  // nothing to do about a folder that cannot be removed at exit
    std::filesystem::remove_all(*dir, ignored);
  }) == 0;
  (void)removed_at_exit;
  return *dir;
}

// Writes the bytes to scratch()/relative, removing the file the last input left if it was
// elsewhere (the folder then holds this input only, and most inputs cost one write).
inline std::string write_only(const std::string& relative, const std::uint8_t* data, std::size_t size) {
  static std::filesystem::path last;
  const auto path = scratch() / relative;
  if (!last.empty() && last != path) std::filesystem::remove(last);
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  last = path;
  return path.string();
}

}  // namespace caseflow::fuzz
