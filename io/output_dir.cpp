#include "io/output_dir.h"

#include <fstream>
#include <random>

#include "io/user_error.h"

namespace caseflow::io {

namespace fs = std::filesystem;

OutputDir::OutputDir(fs::path target) : target_(std::move(target)) {
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
  for (const auto& name : names_) fs::rename(staging_ / name, target_ / name);
  committed_ = true;
}

}  // namespace caseflow::io
