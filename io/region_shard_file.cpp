#include "io/region_shard_file.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/shard_bytes.h"
#include "io/user_error.h"

namespace caseflow::io {

using shard_bytes::HashingReader;
using shard_bytes::HashingWriter;

void write_region_shard_file(std::ostream& out, const RegionShardFile& shard) {
  const RegionShardHeader& h = shard.header;
  HashingWriter w(out);
  w.bytes(reinterpret_cast<const unsigned char*>(kRegionShardMagic), sizeof kRegionShardMagic);
  w.u32(kRegionShardFormatVersion);
  for (const std::string* s :
       {&h.caseflow_version, &h.git_revision, &h.region_name, &h.region_file, &h.region_hash, &h.resolved_yaml})
    w.string(*s);
  w.u32(h.shard_index);
  w.u32(h.shard_count);
  w.u32(static_cast<std::uint32_t>(h.council_names.size()));
  for (std::size_t c = 0; c < h.council_names.size(); ++c) {
    w.string(h.council_names[c]);
    std::ostringstream council;
    write_shard_file(council, shard.councils.at(c).header, shard.councils.at(c).replications);
    const std::string bytes = std::move(council).str();
    w.u64(bytes.size());
    w.bytes(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  }
  unsigned char checksum[8];
  shard_bytes::put_le(checksum, w.hash());
  out.write(reinterpret_cast<const char*>(checksum), sizeof checksum);
}

RegionShardFile read_region_shard_file(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw UserError(path, 0, 0, "cannot read this region shard file (" + ec.message() + ")");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UserError(path, 0, 0, "cannot open this region shard file for reading");
  return read_region_shard(file, size, path);
}

RegionShardFile read_region_shard(std::istream& bytes, std::uintmax_t size, const std::string& name) {
  HashingReader in(bytes, name, size);
  unsigned char magic[sizeof kRegionShardMagic];
  in.bytes(magic, sizeof magic, "magic number");
  if (std::memcmp(magic, kRegionShardMagic, sizeof kRegionShardMagic) != 0)
    in.fail("is not a caseflow region shard file (it does not start with CFREGION): give the folders or files "
            "that `caseflow run REGION.yaml --shard` wrote");
  const std::uint32_t version = in.u32("format version");
  if (version != kRegionShardFormatVersion)
    in.fail("region shard format version " + std::to_string(version) + ", but this caseflow reads version " +
            std::to_string(kRegionShardFormatVersion) + ": merge with the caseflow that wrote it");

  RegionShardFile f;
  RegionShardHeader& h = f.header;
  h.caseflow_version = in.string("caseflow version");
  h.git_revision = in.string("git revision");
  h.region_name = in.string("region name");
  h.region_file = in.string("region file");
  h.region_hash = in.string("region hash");
  h.resolved_yaml = in.string("resolved region");
  h.shard_index = in.u32("shard index");
  h.shard_count = in.u32("shard count");
  if (h.shard_count == 0 || h.shard_index == 0 || h.shard_index > h.shard_count)
    in.fail("shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count) +
            " is not a slice of a run: the header is corrupt");
  const std::uint32_t councils = in.u32("council count");
  if (councils == 0 || councils > in.remaining() / 12)
    in.fail("council count " + std::to_string(councils) + " is corrupt");
  for (std::uint32_t c = 0; c < councils; ++c) {
    h.council_names.push_back(in.string("council name"));
    const std::string council = name + " (council '" + h.council_names.back() + "')";
    const std::uint64_t length = in.u64("council shard length");
    if (length > in.remaining())
      in.fail("truncated: council '" + h.council_names.back() + "' promises " + std::to_string(length) +
              " bytes where " + std::to_string(in.remaining()) +
              " are left (copy it again or rerun the shard)");
    std::string block(static_cast<std::size_t>(length), '\0');
    in.bytes(reinterpret_cast<unsigned char*>(block.data()), block.size(), "council shard");
    std::istringstream council_bytes(std::move(block));
    f.councils.push_back(read_shard(council_bytes, length, council));
    const ShardHeader& ch = f.councils.back().header;
    if (ch.shard_index != h.shard_index || ch.shard_count != h.shard_count)
      throw UserError(council, 0, 0,
                      "is slice " + std::to_string(ch.shard_index) + "/" + std::to_string(ch.shard_count) +
                          " in region shard " + std::to_string(h.shard_index) + "/" + std::to_string(h.shard_count) +
                          ": the file is corrupt");
  }
  const std::uint64_t computed = in.hash();
  const std::uint64_t stored = in.u64("checksum");
  if (stored != computed)
    in.fail("checksum mismatch: the file is corrupt (its bytes changed after caseflow wrote it): copy it again "
            "or rerun the shard");
  if (in.remaining() != 0)
    in.fail("has " + std::to_string(in.remaining()) + " bytes after its checksum: the file is corrupt");
  return f;
}

}  // namespace caseflow::io
