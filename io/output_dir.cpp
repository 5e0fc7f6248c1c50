#include "io/output_dir.h"

#include <cctype>
#include <fstream>
#include <random>
#include <set>

#include "caseflow/version.h"
#include "io/user_error.h"

namespace caseflow::io {

namespace fs = std::filesystem;

namespace {

bool is_staging(const fs::path& entry) { return entry.filename().string().rfind(".staging-", 0) == 0; }

// The files the marker lists (none when there is no marker).
std::vector<std::string> marked_files(const fs::path& folder) {
  std::vector<std::string> names;
  std::ifstream in(folder / OutputDir::kMarker);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') names.push_back(line);
  return names;
}

}  // namespace

bool is_caseflow_output(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) return true;
  if (fs::exists(folder / OutputDir::kMarker, ec)) return true;
  if (!fs::is_directory(folder, ec)) return false;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (!is_staging(entry.path())) return false;
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

OutputDir::OutputDir(fs::path target, ForeignFolder foreign) : target_(std::move(target)) {
  check_output_folder(target_, foreign);
  std::error_code ec;
  fs::create_directories(target_, ec);
  if (ec || !fs::is_directory(target_)) {
    throw UserError(target_.string(), 0, 0, "cannot create the output folder (" + ec.message() + ")");
  }
  std::random_device device;
  staging_ = target_ / (".staging-" + std::to_string(device()));
  fs::create_directories(staging_, ec);
  if (ec) throw UserError(staging_.string(), 0, 0, "cannot create a staging folder (" + ec.message() + ")");
}

OutputDir::~OutputDir() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void OutputDir::write(const std::string& name, const std::function<void(std::ostream&)>& writer) {
  const fs::path path = staging_ / name;
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
  const std::set<std::string> now(names_.begin(), names_.end());
  for (const auto& name : marked_files(target_)) {
    // Only plain names: a marker is not a way to delete files elsewhere.
    if (now.count(name) || name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
        name == "." || name == "..")
      continue;
    std::error_code ec;
    if (fs::is_regular_file(target_ / name, ec)) fs::remove(target_ / name, ec);
  }
  for (const auto& name : names_) fs::rename(staging_ / name, target_ / name);
  fs::rename(staging_ / kMarker, target_ / kMarker);
  committed_ = true;
}

}  // namespace caseflow::io
