// Exact rationals: the text "0.1" is the rational 1/10, never a double. The
// only file that sees Boost.Multiprecision (it costs seconds per translation
// unit that includes it).
#include "imputa/rational.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <new>
#include <utility>

namespace imputa {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

struct Rational::Impl {
  cpp_rational value;
};

Rational::Impl& Rational::impl() {
  static_assert(sizeof(Impl) <= sizeof(storage_) && alignof(Impl) <= alignof(Rational),
                "Rational's storage no longer fits a cpp_rational: enlarge storage_ in rational.hpp");
  return *std::launder(reinterpret_cast<Impl*>(storage_));
}
const Rational::Impl& Rational::impl() const { return *std::launder(reinterpret_cast<const Impl*>(storage_)); }

Rational::Rational() { new (storage_) Impl{}; }
Rational::Rational(long long value) { new (storage_) Impl{cpp_rational(value)}; }
Rational::Rational(long long numerator, long long denominator) {
  new (storage_) Impl{cpp_rational(cpp_int(numerator), cpp_int(denominator))};
}
Rational::Rational(const Rational& other) { new (storage_) Impl{other.impl()}; }
Rational::Rational(Rational&& other) noexcept { new (storage_) Impl{std::move(other.impl())}; }
Rational& Rational::operator=(const Rational& other) {
  impl().value = other.impl().value;
  return *this;
}
Rational& Rational::operator=(Rational&& other) noexcept {
  impl().value = std::move(other.impl().value);
  return *this;
}
Rational::~Rational() { impl().~Impl(); }

Rational& Rational::operator+=(const Rational& other) {
  impl().value += other.impl().value;
  return *this;
}
Rational& Rational::operator-=(const Rational& other) {
  impl().value -= other.impl().value;
  return *this;
}
Rational& Rational::operator*=(const Rational& other) {
  impl().value *= other.impl().value;
  return *this;
}
Rational& Rational::operator/=(const Rational& other) {
  impl().value /= other.impl().value;
  return *this;
}
Rational Rational::operator-() const {
  Rational out(*this);
  out.impl().value = -out.impl().value;
  return out;
}

bool operator==(const Rational& a, const Rational& b) { return a.impl().value == b.impl().value; }
std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  const auto& x = a.impl().value;
  const auto& y = b.impl().value;
  return x < y ? std::strong_ordering::less : x > y ? std::strong_ordering::greater : std::strong_ordering::equal;
}

std::string Rational::numerator_text() const { return boost::multiprecision::numerator(impl().value).str(); }
std::string Rational::denominator_text() const { return boost::multiprecision::denominator(impl().value).str(); }

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
  value.impl().value = cpp_rational(numerator, denominator);
  return negative ? -value : value;
}

std::string to_decimal_string(const Rational& value) {
  cpp_int num = boost::multiprecision::numerator(value.impl().value);
  cpp_int den = boost::multiprecision::denominator(value.impl().value);
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
