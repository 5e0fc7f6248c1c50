#include "sim/compact_series.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace caseflow::sim {

namespace {

enum Form : unsigned char { kConstant, kByte, kShort, kPence, kFloat, kDouble };

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Whole number in [0, limit), or NaN.
bool whole_below(double v, double limit) { return std::isnan(v) || (v >= 0 && v < limit && v == std::floor(v) && !std::signbit(v)); }

bool pence_exact(double v) {
  if (std::isnan(v)) return true;
  const double scaled = v * 100.0;
  if (!(std::fabs(scaled) < 2147483647.0)) return false;
  const auto p = static_cast<std::int32_t>(std::llround(scaled));
  return std::bit_cast<std::uint64_t>(static_cast<double>(p) / 100.0) == std::bit_cast<std::uint64_t>(v);
}

bool float_exact(double v) {
  return std::isnan(v) || std::bit_cast<std::uint64_t>(static_cast<double>(static_cast<float>(v))) ==
                              std::bit_cast<std::uint64_t>(v);
}

std::size_t month_bytes(Form f) {
  switch (f) {
    case kByte: return 1;
    case kShort: return 2;
    case kPence:
    case kFloat: return 4;
    default: return 8;
  }
}

Form form_of(const double* v, std::size_t months) {
  bool constant = true, byte = true, shrt = true, pence = true, flt = true;
  for (std::size_t m = 0; m < months; ++m) {
    constant = constant && same(v[m], v[0]);
    byte = byte && whole_below(v[m], 255);
    shrt = shrt && whole_below(v[m], 65535);
    pence = pence && pence_exact(v[m]);
    flt = flt && float_exact(v[m]);
  }
  if (constant) return kConstant;
  if (byte) return kByte;
  if (shrt) return kShort;
  if (pence) return kPence;
  if (flt) return kFloat;
  return kDouble;
}

template <typename T>
void put(unsigned char* at, T v) { std::memcpy(at, &v, sizeof v); }
template <typename T>
T get(const unsigned char* at) {
  T v;
  std::memcpy(&v, at, sizeof v);
  return v;
}

double decode(Form f, const unsigned char* months, std::size_t m) {
  switch (f) {
    case kConstant: return get<double>(months);
    case kByte: {
      const unsigned char b = months[m];
      return b == 255 ? kNaN : static_cast<double>(b);
    }
    case kShort: {
      const auto s = get<std::uint16_t>(months + 2 * m);
      return s == 65535 ? kNaN : static_cast<double>(s);
    }
    case kPence: {
      const auto p = get<std::int32_t>(months + 4 * m);
      return p == std::numeric_limits<std::int32_t>::min() ? kNaN : static_cast<double>(p) / 100.0;
    }
    case kFloat: return static_cast<double>(get<float>(months + 4 * m));
    default: return get<double>(months + 8 * m);
  }
}

}  // namespace

CompactSeries::CompactSeries(const MonthlyResult& monthly)
    : series_(monthly.layout ? monthly.layout->total() : 0), months_(monthly.months) {
  const auto months = static_cast<std::size_t>(months_);
  std::vector<Form> forms(series_);
  std::size_t size = series_ * 4;
  for (std::size_t s = 0; s < series_; ++s) {
    forms[s] = form_of(monthly.values.data() + s * months, months);
    size += 1 + (forms[s] == kConstant ? 8 : months * month_bytes(forms[s]));
  }
  bytes_.resize(size);
  std::size_t at = series_ * 4;
  for (std::size_t s = 0; s < series_; ++s) {
    put<std::uint32_t>(bytes_.data() + 4 * s, static_cast<std::uint32_t>(at));
    const double* v = monthly.values.data() + s * months;
    unsigned char* out = bytes_.data() + at;
    *out++ = forms[s];
    switch (forms[s]) {
      case kConstant: put<double>(out, v[0]); break;
      case kByte:
        for (std::size_t m = 0; m < months; ++m) out[m] = std::isnan(v[m]) ? 255 : static_cast<unsigned char>(v[m]);
        break;
      case kShort:
        for (std::size_t m = 0; m < months; ++m)
          put<std::uint16_t>(out + 2 * m, std::isnan(v[m]) ? std::uint16_t{65535} : static_cast<std::uint16_t>(v[m]));
        break;
      case kPence:
        for (std::size_t m = 0; m < months; ++m)
          put<std::int32_t>(out + 4 * m, std::isnan(v[m]) ? std::numeric_limits<std::int32_t>::min()
                                                          : static_cast<std::int32_t>(std::llround(v[m] * 100.0)));
        break;
      case kFloat:
        for (std::size_t m = 0; m < months; ++m) put<float>(out + 4 * m, static_cast<float>(v[m]));
        break;
      default:
        for (std::size_t m = 0; m < months; ++m) put<double>(out + 8 * m, v[m]);
    }
    at += 1 + (forms[s] == kConstant ? 8 : months * month_bytes(forms[s]));
  }
}

std::uint32_t CompactSeries::offset(std::size_t s) const { return get<std::uint32_t>(bytes_.data() + 4 * s); }

double CompactSeries::value(std::size_t s, std::size_t month) const {
  const unsigned char* row = bytes_.data() + offset(s);
  return decode(static_cast<Form>(row[0]), row + 1, month);
}

void CompactSeries::copy_series(std::size_t s, double* out) const {
  const unsigned char* row = bytes_.data() + offset(s);
  const auto form = static_cast<Form>(row[0]);
  for (std::size_t m = 0; m < static_cast<std::size_t>(months_); ++m) out[m] = decode(form, row + 1, m);
}

std::vector<double> CompactSeries::values() const {
  std::vector<double> v(series_ * static_cast<std::size_t>(months_));
  for (std::size_t s = 0; s < series_; ++s) copy_series(s, v.data() + s * static_cast<std::size_t>(months_));
  return v;
}

}  // namespace caseflow::sim
