#include "io/shard_file.h"

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "io/shard_bytes.h"
#include "io/user_error.h"
#include "sim/recorder.h"

namespace caseflow::io {

namespace {

using shard_bytes::get_le;
using shard_bytes::HashingReader;
using shard_bytes::HashingWriter;
using shard_bytes::put_le;

constexpr const char (&kMagic)[8] = kShardMagic;

}  // namespace

void write_shard_file(std::ostream& out, const ShardHeader& h, const sim::Replications& r) {
  HashingWriter w(out);
  w.bytes(reinterpret_cast<const unsigned char*>(kMagic), sizeof kMagic);
  w.u32(kShardFormatVersion);
  for (const std::string* s : {&h.caseflow_version, &h.git_revision, &h.scenario_name, &h.scenario_file,
                               &h.scenario_hash, &h.resolved_yaml})
    w.string(*s);
  w.u64(h.seed);
  w.u32(h.total_replications);
  w.u32(h.shard_index);
  w.u32(h.shard_count);
  w.u32(h.first_replication);
  w.u32(h.replications);
  w.i32(h.horizon_months);
  w.i32(h.start_date.year);
  w.i32(h.start_date.month);
  w.i32(h.start_date.day);
  w.u32(static_cast<std::uint32_t>(h.stage_labels.size()));
  for (const auto& label : h.stage_labels) w.string(label);
  w.u32(h.series);
  w.u32(h.threads);
  w.f64(h.wall_seconds);
  w.u64(h.events);
  w.u64(h.peak_child_records);
  w.u32(h.parameter_draws);
  std::vector<unsigned char> block;
  for (const auto& monthly : r.monthly) {
    const std::vector<double> values = monthly.values();
    block.resize(values.size() * sizeof(double));
    for (std::size_t i = 0; i < values.size(); ++i)
      put_le(block.data() + i * sizeof(double), std::bit_cast<std::uint64_t>(values[i]));
    w.bytes(block.data(), block.size());
  }
  unsigned char checksum[8];
  put_le(checksum, w.hash());
  out.write(reinterpret_cast<const char*>(checksum), sizeof checksum);
}

ShardFile read_shard_file(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw UserError(path, 0, 0, "cannot read this shard file (" + ec.message() + ")");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UserError(path, 0, 0, "cannot open this shard file for reading");
  return read_shard(file, size, path);
}

ShardFile read_shard(std::istream& bytes, std::uintmax_t size, const std::string& name) {
  HashingReader in(bytes, name, size);
  unsigned char magic[sizeof kMagic];
  in.bytes(magic, sizeof magic, "magic number");
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
    in.fail("is not a caseflow shard file (it does not start with CFSHARD): give the folders or files that "
            "`caseflow run --shard` wrote");
  const std::uint32_t version = in.u32("format version");
  if (version != kShardFormatVersion)
    in.fail("shard format version " + std::to_string(version) + ", but this caseflow reads version " +
            std::to_string(kShardFormatVersion) + ": merge with the caseflow that wrote it");

  ShardFile f;
  ShardHeader& h = f.header;
  h.caseflow_version = in.string("caseflow version");
  h.git_revision = in.string("git revision");
  h.scenario_name = in.string("scenario name");
  h.scenario_file = in.string("scenario file");
  h.scenario_hash = in.string("scenario hash");
  h.resolved_yaml = in.string("resolved scenario");
  h.seed = in.u64("seed");
  h.total_replications = in.u32("total replications");
  h.shard_index = in.u32("shard index");
  h.shard_count = in.u32("shard count");
  h.first_replication = in.u32("first replication");
  h.replications = in.u32("replication count");
  h.horizon_months = in.i32("horizon months");
  h.start_date.year = in.i32("start date");
  h.start_date.month = in.i32("start date");
  h.start_date.day = in.i32("start date");
  const std::uint32_t groups = in.u32("stage group count");
  if (groups > in.remaining() / 4) in.fail("stage group count " + std::to_string(groups) + " is corrupt");
  for (std::uint32_t g = 0; g < groups; ++g) h.stage_labels.push_back(in.string("stage group labels"));
  h.series = in.u32("series count");
  h.threads = in.u32("thread count");
  h.wall_seconds = in.f64("wall seconds");
  h.events = in.u64("event count");
  h.peak_child_records = in.u64("peak child records");
  h.parameter_draws = in.u32("parameter draws");

  if (h.shard_count == 0 || h.shard_index == 0 || h.shard_index > h.shard_count ||
      h.first_replication > h.total_replications || h.replications > h.total_replications - h.first_replication)
    in.fail("shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count) + " with replications " +
            std::to_string(h.first_replication) + " +" + std::to_string(h.replications) + " of " +
            std::to_string(h.total_replications) + " is not a slice of its run: the header is corrupt");
  if (h.horizon_months < 1 || h.horizon_months > 600)
    in.fail("horizon of " + std::to_string(h.horizon_months) + " months is corrupt");
  const std::size_t expected_series = sim::series_layout(h.stage_labels.size()).total();
  if (h.series != expected_series)
    in.fail("has " + std::to_string(h.series) + " series per replication, where this caseflow's layout for " +
            std::to_string(h.stage_labels.size()) + " stages has " + std::to_string(expected_series) +
            ": merge with the caseflow that wrote it");

  const std::uintmax_t per_replication = std::uintmax_t{h.series} * static_cast<std::uintmax_t>(h.horizon_months);
  const std::uintmax_t expected = in.position() + std::uintmax_t{h.replications} * per_replication * 8 + 8;
  if (size < expected)
    in.fail("truncated: the file has " + std::to_string(size) + " bytes where its header promises " +
            std::to_string(expected) + " (" + std::to_string(h.replications) +
            " replications): copy it again or rerun the shard");
  if (size > expected)
    in.fail("has " + std::to_string(size - expected) + " bytes after the end its header gives (" +
            std::to_string(expected) + " bytes): the file is corrupt");

  f.replications = sim::replications_frame(h.horizon_months, h.start_date, h.seed, h.stage_labels);
  f.replications.first_id = h.first_replication;
  f.replications.events = h.events;
  f.replications.peak_child_records = static_cast<std::size_t>(h.peak_child_records);
  f.replications.monthly.reserve(h.replications);
  std::vector<unsigned char> block(static_cast<std::size_t>(per_replication * 8));
  for (std::uint32_t rep = 0; rep < h.replications; ++rep) {
    in.bytes(block.data(), block.size(), "replication values");
    sim::MonthlyResult m;
    m.months = h.horizon_months;
    m.layout = f.replications.layout;
    m.values.resize(static_cast<std::size_t>(per_replication));
    for (std::size_t i = 0; i < m.values.size(); ++i)
      m.values[i] = std::bit_cast<double>(get_le<std::uint64_t>(block.data() + i * 8));
    f.replications.monthly.emplace_back(m);
  }
  const std::uint64_t computed = in.hash();
  const std::uint64_t stored = in.u64("checksum");
  if (stored != computed)
    in.fail("checksum mismatch: the file is corrupt (its bytes changed after caseflow wrote it): copy it again "
            "or rerun the shard");
  return f;
}

}  // namespace caseflow::io
