#include "io/output_dir.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>  // renameat2, RENAME_EXCHANGE (glibc, _GNU_SOURCE)
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>
#include <set>

#include "caseflow/version.h"
#include "io/user_error.h"

namespace caseflow::io {

namespace fs = std::filesystem;

namespace {

std::function<void(std::string_view)>& commit_hook() {
  static std::function<void(std::string_view)> hook;
  return hook;
}

void reached(std::string_view step) {
  if (commit_hook()) commit_hook()(step);
}

// Staging folders that earlier versions of caseflow made inside the target.
bool is_legacy_staging(const fs::path& entry) { return entry.filename().string().rfind(".staging-", 0) == 0; }

// The prefix of every staging folder of a target: hidden, beside it, named after it.
std::string staging_prefix(const fs::path& target) {
  return "." + target.filename().string() + ".caseflow-staging-";
}

// The entry of the folder a written name is in: the name itself, or its first folder for a
// file in a subfolder ("councils/north/monthly.csv" is in "councils").
std::string top_entry(const std::string& name) { return name.substr(0, name.find('/')); }

// The entries of the folder that the marker's files are in (none when there is no marker). A
// subfolder caseflow wrote belongs to its set whole.
std::set<std::string> marked_files(const fs::path& folder) {
  std::set<std::string> names;
  std::ifstream in(folder / OutputDir::kMarker);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') names.insert(top_entry(line));
  return names;
}

// Whether the process that named a staging folder is gone. The name holds its process id:
// ".NAME.caseflow-staging-PID-RANDOM". A name that does not parse is not ours to remove.
bool owner_is_gone(const std::string& name, const std::string& prefix) {
  const std::string rest = name.substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == 0 || dash == std::string::npos) return false;
  long pid = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(rest[i])) || pid > 1'000'000'000) return false;
    pid = pid * 10 + (rest[i] - '0');
  }
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Removes the staging folders that killed runs into this target left behind (beside it, and
// inside it from earlier versions). A folder whose run is still going is left alone.
void remove_stale_staging(const fs::path& target) {
  std::error_code ec;
  const std::string prefix = staging_prefix(target);
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && owner_is_gone(name, prefix)) fs::remove_all(entry.path(), ec);
  }
  if (!fs::is_directory(target, ec)) return;
  for (const auto& entry : fs::directory_iterator(target, ec))
    if (is_legacy_staging(entry.path())) fs::remove_all(entry.path(), ec);
}

// The folder a target names, with "out/", "." and symbolic links resolved, so that its
// staging folder can sit beside it.
fs::path resolve_target(fs::path target) {
  std::error_code ec;
  if (target.empty()) target = ".";
  if (fs::is_symlink(target, ec)) target = fs::canonical(target, ec);
  const auto name = target.filename();
  if (name.empty() || name == "." || name == "..") {
    target = fs::absolute(target).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
  }
  if (target.parent_path().empty()) target = fs::path(".") / target;
  return target;
}

// A mount point cannot be swapped with a folder beside it (another file system).
bool is_mount_point(const fs::path& folder) {
  struct stat self {}, parent {};
  return ::stat(folder.c_str(), &self) == 0 && ::stat(folder.parent_path().c_str(), &parent) == 0 &&
         self.st_dev != parent.st_dev;
}

// Copies an entry of the old set into the new one by hard links (no data is copied), or by a
// plain copy on file systems without them.
void carry(const fs::path& from, const fs::path& to) {
  constexpr auto kLinks = fs::copy_options::recursive | fs::copy_options::copy_symlinks;
  std::error_code ec;
  fs::copy(from, to, kLinks | fs::copy_options::create_hard_links, ec);
  if (!ec) return;
  fs::remove_all(to, ec);
  fs::copy(from, to, kLinks, ec);
  if (ec) throw UserError(from.string(), 0, 0, "cannot carry this file into the new outputs (" + ec.message() + ")");
}

}  // namespace

// A file system without RENAME_EXCHANGE: the old set moves aside, then the new set moves in.
// Between the two renames the target is missing, which a reader sees as no outputs, never
// as a mix; a kill between them leaves the old set in the staging folder's place.
void OutputDir::swap_in_two_renames() {
  const fs::path aside = staging_.string() + "-old";
  if (std::rename(target_.c_str(), aside.c_str()) != 0)
    throw UserError(target_.string(), 0, 0,
                    std::string("cannot move the previous outputs aside (") + std::strerror(errno) +
                        "); they are untouched");
  if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::rename(aside.c_str(), target_.c_str());
    throw UserError(target_.string(), 0, 0, "cannot put the new outputs in place (" + why + "); the previous outputs are back");
  }
  std::error_code ec;
  fs::rename(aside, staging_, ec);  // so the next step removes the old set
}

void OutputDir::set_commit_hook(std::function<void(std::string_view)> hook) { commit_hook() = std::move(hook); }

bool is_caseflow_output(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) return true;
  if (fs::exists(folder / OutputDir::kMarker, ec)) return true;
  if (!fs::is_directory(folder, ec)) return false;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (!is_legacy_staging(entry.path())) return false;
  return !ec;
}

std::string default_output_folder(const std::string& name) {
  std::string safe = name.empty() ? std::string("scenario") : name;
  for (char& c : safe)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '-';
  if (safe == "." || safe == "..") safe = "scenario";
  return "out/" + safe;
}

void check_output_folder(const fs::path& target, ForeignFolder foreign) {
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    throw UserError(target.string(), 0, 0, "exists and is not a folder: give --out a folder");
  if (foreign == ForeignFolder::kRefuse && !is_caseflow_output(target)) {
    throw UserError(target.string(), 0, 0,
                    std::string("this folder is not empty and caseflow did not write it (it has no ") +
                        OutputDir::kMarker + "): choose another --out, or add --force to write caseflow's files into it");
  }
}

OutputDir::OutputDir(fs::path target, ForeignFolder foreign) : target_(resolve_target(std::move(target))) {
  check_output_folder(target_, foreign);
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  if (ec || !fs::is_directory(target_.parent_path()))
    throw UserError(target_.string(), 0, 0, "cannot create the folder it goes in (" + ec.message() + ")");
  remove_stale_staging(target_);
  std::random_device device;
  staging_ = target_.parent_path() /
             (staging_prefix(target_) + std::to_string(::getpid()) + "-" + std::to_string(device()));
  fs::create_directory(staging_, ec);
  if (ec) throw UserError(staging_.string(), 0, 0, "cannot create a staging folder (" + ec.message() + ")");
}

OutputDir::~OutputDir() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void OutputDir::write(const std::string& name, const std::function<void(std::ostream&)>& writer) {
  const fs::path path = staging_ / name;
  if (name.find('/') != std::string::npos) {  // a file in a subfolder of the set
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw UserError(path.parent_path().string(), 0, 0, "cannot create this folder (" + ec.message() + ")");
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) throw UserError(path.string(), 0, 0, "cannot open for writing");
  writer(out);
  out.flush();
  if (!out) throw UserError(path.string(), 0, 0, "write failed (disk full?)");
  names_.push_back(name);
}

void OutputDir::commit() {
  {
    std::ofstream marker(staging_ / kMarker, std::ios::binary);
    marker << "# Written by caseflow " << kVersion
           << ". The files caseflow wrote here; the next run into this folder replaces them.\n";
    for (const auto& name : names_) marker << name << '\n';
    marker.flush();
    if (!marker) throw UserError((staging_ / kMarker).string(), 0, 0, "write failed (disk full?)");
  }
  reached("marked");

  std::error_code ec;
  const bool target_exists = fs::exists(target_, ec);
  if (target_exists && is_mount_point(target_))
    throw UserError(target_.string(), 0, 0,
                    "is a mount point, which caseflow cannot replace in one step: give --out a folder inside it");
  if (target_exists) {
    fs::permissions(staging_, fs::status(target_).permissions(), ec);  // a shared folder stays shared
    const std::set<std::string> previous = marked_files(target_);
    std::set<std::string> now;
    for (const auto& name : names_) now.insert(top_entry(name));
    for (const auto& entry : fs::directory_iterator(target_)) {
      const std::string name = entry.path().filename().string();
      if (name == kMarker || previous.count(name) || now.count(name) || is_legacy_staging(entry.path())) continue;
      carry(entry.path(), staging_ / name);
    }
  }
  reached("carried");

  if (!target_exists) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0)
      throw UserError(target_.string(), 0, 0, std::string("cannot put the outputs in place (") + std::strerror(errno) + ")");
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      throw UserError(target_.string(), 0, 0,
                      std::string("cannot swap the new outputs in (") + std::strerror(errno) +
                          "); the previous outputs are untouched");
    swap_in_two_renames();
  }
  reached("swapped");
  fs::remove_all(staging_, ec);  // the old set, after an exchange; nothing, after a first commit
  reached("done");
}

}  // namespace caseflow::io
