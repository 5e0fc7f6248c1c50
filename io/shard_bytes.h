#pragma once
// The byte-level pieces of caseflow's binary shard files (io/shard_file.h, a scenario's slice;
// io/region_shard_file.h, a region's): little-endian numbers whatever the machine's order,
// length-prefixed strings, and a writer and a reader that keep the FNV-1a (64-bit) checksum of
// every byte they pass, so each file ends with the checksum of everything before it.
#include <bit>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "io/user_error.h"

namespace caseflow::io::shard_bytes {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

inline std::uint64_t fnv1a(std::uint64_t h, const unsigned char* bytes, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) h = (h ^ bytes[i]) * kFnvPrime;
  return h;
}

// Little-endian bytes of an unsigned value, whatever the machine's order.
template <typename U>
void put_le(unsigned char* out, U v) {
  for (std::size_t i = 0; i < sizeof(U); ++i) out[i] = static_cast<unsigned char>(v >> (8 * i));
}
template <typename U>
U get_le(const unsigned char* in) {
  U v = 0;
  for (std::size_t i = 0; i < sizeof(U); ++i) v |= static_cast<U>(in[i]) << (8 * i);
  return v;
}

// Writes bytes and keeps the checksum of everything written.
class HashingWriter {
 public:
  explicit HashingWriter(std::ostream& out) : out_(out) {}
  void bytes(const unsigned char* b, std::size_t n) {
    hash_ = fnv1a(hash_, b, n);
    out_.write(reinterpret_cast<const char*>(b), static_cast<std::streamsize>(n));
  }
  template <typename U>
  void unsigned_le(U v) {
    unsigned char b[sizeof(U)];
    put_le(b, v);
    bytes(b, sizeof b);
  }
  void u32(std::uint32_t v) { unsigned_le(v); }
  void u64(std::uint64_t v) { unsigned_le(v); }
  void i32(int v) { unsigned_le(static_cast<std::uint32_t>(v)); }
  void f64(double v) { unsigned_le(std::bit_cast<std::uint64_t>(v)); }
  void string(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  }
  std::uint64_t hash() const { return hash_; }

 private:
  std::ostream& out_;
  std::uint64_t hash_ = kFnvOffset;
};

// Reads a shard front to back, keeping the checksum of everything read; running out of bytes
// is reported as a truncation naming the field it happened in. `path` names the shard in
// messages: its file, or where the bytes came from.
class HashingReader {
 public:
  HashingReader(std::istream& in, const std::string& path, std::uintmax_t size) : path_(path), size_(size), in_(in) {}
  void bytes(unsigned char* b, std::size_t n, const char* field) {
    if (n > size_ - position_) truncated(field);
    in_.read(reinterpret_cast<char*>(b), static_cast<std::streamsize>(n));
    if (!in_) throw UserError(path_, 0, 0, std::string("cannot read ") + field + " (read error)");
    hash_ = fnv1a(hash_, b, n);
    position_ += n;
  }
  template <typename U>
  U unsigned_le(const char* field) {
    unsigned char b[sizeof(U)];
    bytes(b, sizeof b, field);
    return get_le<U>(b);
  }
  std::uint32_t u32(const char* field) { return unsigned_le<std::uint32_t>(field); }
  std::uint64_t u64(const char* field) { return unsigned_le<std::uint64_t>(field); }
  int i32(const char* field) { return static_cast<int>(unsigned_le<std::uint32_t>(field)); }
  double f64(const char* field) { return std::bit_cast<double>(unsigned_le<std::uint64_t>(field)); }
  std::string string(const char* field) {
    const std::uint32_t n = u32(field);
    if (n > size_ - position_) truncated(field);
    std::string s(n, '\0');
    bytes(reinterpret_cast<unsigned char*>(s.data()), n, field);
    return s;
  }
  std::uint64_t hash() const { return hash_; }
  std::uintmax_t position() const { return position_; }
  std::uintmax_t remaining() const { return size_ - position_; }
  [[noreturn]] void fail(const std::string& what) const { throw UserError(path_, 0, 0, what); }

 private:
  [[noreturn]] void truncated(const char* field) const {
    fail("truncated: the file ends at byte " + std::to_string(size_) + ", inside its " + field +
         " (a shard whose run was cut short or whose copy is incomplete: copy it again or rerun the shard)");
  }
  std::string path_;
  std::uintmax_t size_ = 0, position_ = 0;
  std::istream& in_;
  std::uint64_t hash_ = kFnvOffset;
};

}  // namespace caseflow::io::shard_bytes
