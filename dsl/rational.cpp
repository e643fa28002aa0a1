// Exact rationals: the text "0.1" is the rational 1/10, never a double. The
// only file that sees Boost.Multiprecision (it costs seconds per translation
// unit that includes it), and only for numbers that do not fit in 64 bits.
#include "imputa/rational.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace imputa {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

namespace {

__extension__ typedef __int128 Wide;           // NOLINT: GCC and Clang's 128-bit integers, for exact
__extension__ typedef unsigned __int128 UWide; // products of two 64-bit numbers

// The largest magnitude of a small numerator or denominator (INT64_MIN is
// left out, so that a small value's negation is small too).
constexpr std::int64_t small_max = std::numeric_limits<std::int64_t>::max();

UWide magnitude(Wide v) { return v < 0 ? UWide(0) - static_cast<UWide>(v) : static_cast<UWide>(v); }

UWide gcd(UWide a, UWide b) {
  while (b != 0) {
    if ((a >> 64) == 0 && (b >> 64) == 0) return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    a = std::exchange(b, a % b);
  }
  return a;
}

cpp_int to_cpp_int(Wide v) {
  const UWide m = magnitude(v);
  cpp_int out = static_cast<std::uint64_t>(m >> 64);
  out <<= 64;
  out += static_cast<std::uint64_t>(m);
  return v < 0 ? cpp_int(-out) : out;
}

} // namespace

// Nearly every number a case holds is a confidence or a threshold, and
// weighing multiplies a few of them: lowest terms that fit in 64 bits. Those
// are kept as two machine integers and computed in 128 bits, exactly (a
// product or a sum of cross products of two 64-bit numbers fits); anything
// larger goes to Boost's arbitrary precision, and a result that fits comes
// back. So every value has one form, and two values are equal exactly when
// their forms are.
struct Rational::Impl {
  std::int64_t num = 0, den = 1;     // lowest terms, den > 0, both above INT64_MIN (when `big` is empty)
  std::unique_ptr<cpp_rational> big; // the value, when it does not fit

  Impl() = default;
  Impl(const Impl& other)
      : num(other.num), den(other.den), big(other.big ? std::make_unique<cpp_rational>(*other.big) : nullptr) {}
  Impl(Impl&& other) noexcept = default;
  Impl& operator=(const Impl& other) {
    if (this != &other) {
      num = other.num;
      den = other.den;
      big = other.big ? std::make_unique<cpp_rational>(*other.big) : nullptr;
    }
    return *this;
  }
  Impl& operator=(Impl&& other) noexcept = default;

  cpp_rational value() const { return big ? *big : cpp_rational(cpp_int(num), cpp_int(den)); }

  void set(const cpp_rational& v) {
    const cpp_int& n = boost::multiprecision::numerator(v);
    const cpp_int& d = boost::multiprecision::denominator(v);
    if (boost::multiprecision::abs(n) <= small_max && d <= small_max) {
      num = static_cast<std::int64_t>(n);
      den = static_cast<std::int64_t>(d);
      big.reset();
    } else {
      big = std::make_unique<cpp_rational>(v);
    }
  }

  // n/d with d != 0, in any terms.
  void set(Wide n, Wide d) {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const UWide g = gcd(magnitude(n), static_cast<UWide>(d));
    if (g > 1) {
      n /= static_cast<Wide>(g);
      d /= static_cast<Wide>(g);
    }
    if (n >= -Wide(small_max) && n <= small_max && d <= small_max) {
      num = static_cast<std::int64_t>(n);
      den = static_cast<std::int64_t>(d);
      big.reset();
    } else {
      big = std::make_unique<cpp_rational>(to_cpp_int(n), to_cpp_int(d));
    }
  }
};

Rational::Impl& Rational::impl() {
  static_assert(sizeof(Impl) <= sizeof(storage_) && alignof(Impl) <= alignof(Rational),
                "Rational's storage no longer fits its Impl: enlarge storage_ in rational.hpp");
  return *std::launder(reinterpret_cast<Impl*>(storage_));
}
const Rational::Impl& Rational::impl() const { return *std::launder(reinterpret_cast<const Impl*>(storage_)); }

Rational::Rational() { new (storage_) Impl{}; }
Rational::Rational(long long value) {
  new (storage_) Impl{};
  impl().set(Wide(value), Wide(1));
}
Rational::Rational(long long numerator, long long denominator) {
  new (storage_) Impl{};
  impl().set(Wide(numerator), Wide(denominator));
}
Rational::Rational(const Rational& other) { new (storage_) Impl{other.impl()}; }
Rational::Rational(Rational&& other) noexcept { new (storage_) Impl{std::move(other.impl())}; }
Rational& Rational::operator=(const Rational& other) {
  impl() = other.impl();
  return *this;
}
Rational& Rational::operator=(Rational&& other) noexcept {
  impl() = std::move(other.impl());
  return *this;
}
Rational::~Rational() { impl().~Impl(); }

Rational& Rational::operator+=(const Rational& other) {
  Impl& a = impl();
  const Impl& b = other.impl();
  if (a.big || b.big) {
    a.set(a.value() + b.value());
  } else if (a.den == b.den) {
    a.set(Wide(a.num) + b.num, Wide(a.den));
  } else {
    a.set(Wide(a.num) * b.den + Wide(b.num) * a.den, Wide(a.den) * b.den);
  }
  return *this;
}
Rational& Rational::operator-=(const Rational& other) { return *this += -other; }
Rational& Rational::operator*=(const Rational& other) {
  Impl& a = impl();
  const Impl& b = other.impl();
  if (a.big || b.big) {
    a.set(a.value() * b.value());
  } else {
    a.set(Wide(a.num) * b.num, Wide(a.den) * b.den);
  }
  return *this;
}
Rational& Rational::operator/=(const Rational& other) {
  Impl& a = impl();
  const Impl& b = other.impl();
  // A value that is zero is small. Nothing divides today (the language has no
  // division); a caller that divides by zero gets an exception, as from Boost,
  // not a value with a zero denominator.
  if (!b.big && b.num == 0) throw std::domain_error("Rational: division by zero");
  if (a.big || b.big) {
    a.set(a.value() / b.value());
  } else {
    a.set(Wide(a.num) * b.den, Wide(a.den) * b.num);
  }
  return *this;
}
Rational Rational::operator-() const {
  Rational out(*this);
  Impl& o = out.impl();
  if (o.big) {
    *o.big = -*o.big;
  } else {
    o.num = -o.num; // above INT64_MIN, so is its negation
  }
  return out;
}

bool operator==(const Rational& a, const Rational& b) {
  const auto& x = a.impl();
  const auto& y = b.impl();
  if (x.big || y.big) return x.big && y.big && *x.big == *y.big; // one form per value
  return x.num == y.num && x.den == y.den;
}
std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const auto& x = a.impl();
  const auto& y = b.impl();
  if (x.big || y.big) {
    const cpp_rational u = x.value(), v = y.value();
    return u < v ? std::strong_ordering::less : u > v ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  return Wide(x.num) * y.den <=> Wide(y.num) * x.den;
}

std::string Rational::numerator_text() const {
  return impl().big ? boost::multiprecision::numerator(*impl().big).str() : std::to_string(impl().num);
}
std::string Rational::denominator_text() const {
  return impl().big ? boost::multiprecision::denominator(*impl().big).str() : std::to_string(impl().den);
}

std::optional<Rational> parse_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  auto digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (!digits(whole) || (dot != std::string_view::npos && !digits(frac))) return std::nullopt;
  cpp_int numerator = 0, denominator = 1;
  for (char c : whole) numerator = numerator * 10 + (c - '0');
  for (char c : frac) {
    numerator = numerator * 10 + (c - '0');
    denominator *= 10;
  }
  Rational value;
  value.impl().set(cpp_rational(numerator, denominator));
  return negative ? -value : value;
}

std::string to_decimal_string(const Rational& value) {
  const cpp_rational exact = value.impl().value();
  cpp_int num = boost::multiprecision::numerator(exact);
  cpp_int den = boost::multiprecision::denominator(exact);
  // A terminating decimal exists iff den has no prime factors but 2 and 5.
  cpp_int rest = den;
  int twos = 0, fives = 0;
  while (rest % 2 == 0) { rest /= 2; ++twos; }
  while (rest % 5 == 0) { rest /= 5; ++fives; }
  if (rest != 1) return num.str() + "/" + den.str();
  int places = std::max(twos, fives);
  cpp_int scaled = num * boost::multiprecision::pow(cpp_int(10), places) / den;
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string digits = scaled.str();
  if (places > 0) {
    if (digits.size() <= static_cast<std::size_t>(places))
      digits.insert(0, static_cast<std::size_t>(places) - digits.size() + 1, '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  }
  return negative ? "-" + digits : digits;
}

std::string to_string(const Interval& interval) {
  if (interval.lo == interval.hi) return to_decimal_string(interval.lo);
  return to_decimal_string(interval.lo) + ".." + to_decimal_string(interval.hi);
}

} // namespace imputa
