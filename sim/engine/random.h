#pragma once
// Keyed counter-based random streams (Philox4x64-10, Salmon et al. 2011). A draw is a pure
// function of key (seed, replication, purpose) and counter (entity, draw), so the same key
// and counter give the same number in any event order and on any thread. The scenario
// never enters the key: a baseline and a what-if share their random numbers (common random
// numbers), which makes their difference low-variance.
#include <Random123/philox.h>
#include <Random123/threefry.h>

#include <array>
#include <cstdint>
#include <limits>

namespace caseflow::engine {

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint32_t replication = 0;
  std::uint32_t purpose = 0;
};

// A UniformRandomBitGenerator over one (key, entity, draw) counter block, so Boost.Random
// and <random> distributions can consume as many 64-bit words as they need. Inversion
// samplers take exactly one word; rejection samplers may take more, which stays inside
// this block and cannot disturb any other draw.
class CounterRng {
 public:
  using result_type = std::uint64_t;
  using Philox = r123::Philox4x64;

  CounterRng(const StreamKey& key, std::uint64_t entity, std::uint64_t draw)
      : key_{{key.seed, (std::uint64_t{key.replication} << 32) | key.purpose}},
        counter_{{entity, draw, 0, 0}} {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // A uniform in (0, 1): never exactly 0 or 1, so logs and inverse CDFs stay finite.
  double uniform01() { return (static_cast<double>((*this)() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  void refill() {
    Philox philox;
    auto out = philox(counter_, key_);
    for (int i = 0; i < 4; ++i) block_[i] = out[i];
    counter_[2] += 1;
    used_ = 0;
  }

  Philox::key_type key_;
  Philox::ctr_type counter_;
  std::uint64_t block_[4] = {0, 0, 0, 0};
  int used_ = 4;
};

// The stream of one purpose within one replication; hands out counter blocks.
class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(StreamKey key) : key_(key) {}

  CounterRng at(std::uint64_t entity, std::uint64_t draw) const { return CounterRng(key_, entity, draw); }
  // One uniform in (0, 1) for (entity, draw): Threefry-2x64 (20 rounds) over the same key,
  // half the work of a Philox-4x64 block when only one number is needed.
  double uniform(std::uint64_t entity, std::uint64_t draw) const { return uniform_pair(entity, draw)[0]; }
  // Two independent uniforms in (0, 1) from the one Threefry block of (entity, draw): for a
  // pair of decisions usually made together, at the cost of one. The first is uniform().
  std::array<double, 2> uniform_pair(std::uint64_t entity, std::uint64_t draw) const {
    r123::Threefry2x64 threefry;
    const r123::Threefry2x64::ctr_type counter = {{entity, draw}};
    const r123::Threefry2x64::key_type key = {{key_.seed, (std::uint64_t{key_.replication} << 32) | key_.purpose}};
    const auto out = threefry(counter, key);
    return {to_open_unit(out[0]), to_open_unit(out[1])};
  }
  const StreamKey& key() const { return key_; }

 private:
  static double to_open_unit(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53; }
  StreamKey key_;
};

}  // namespace caseflow::engine
