// Exact numbers: confidences, thresholds and numeric facts are rationals end
// to end. The arbitrary-precision arithmetic (Boost.Multiprecision) stays in
// dsl/rational.cpp: this header costs a translation unit nothing to include.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace imputa {

class Rational {
public:
  Rational();
  Rational(long long value); // NOLINT: a whole number is a rational
  Rational(long long numerator, long long denominator);
  Rational(const Rational& other);
  Rational(Rational&& other) noexcept;
  Rational& operator=(const Rational& other);
  Rational& operator=(Rational&& other) noexcept;
  ~Rational();

  Rational& operator+=(const Rational& other);
  Rational& operator-=(const Rational& other);
  Rational& operator*=(const Rational& other);
  Rational& operator/=(const Rational& other); // not by zero
  Rational operator-() const;

  friend Rational operator+(Rational a, const Rational& b) { return a += b; }
  friend Rational operator-(Rational a, const Rational& b) { return a -= b; }
  friend Rational operator*(Rational a, const Rational& b) { return a *= b; }
  friend Rational operator/(Rational a, const Rational& b) { return a /= b; }
  friend bool operator==(const Rational& a, const Rational& b);
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

  // Lowest terms, the sign on the numerator: "-3" and "2" for -1.5.
  std::string numerator_text() const;
  std::string denominator_text() const;

private:
  friend std::optional<Rational> parse_decimal(std::string_view text);
  friend std::string to_decimal_string(const Rational& value);
  struct Impl;
  Impl& impl();
  const Impl& impl() const;
  alignas(16) std::byte storage_[64]; // a boost::multiprecision::cpp_rational (checked in rational.cpp)
};

// Reads `-?[0-9]+(\.[0-9]+)?` exactly; nullopt on anything else.
std::optional<Rational> parse_decimal(std::string_view text);

// Shortest exact decimal when the denominator divides a power of ten
// ("0.84", "3", "-1.5"); otherwise "n/d".
std::string to_decimal_string(const Rational& value);

// A closed interval of exact numbers: a confidence, a weight, a numeric fact's
// value. A point is an interval with lo == hi.
struct Interval {
  Rational lo, hi;
  friend bool operator==(const Interval& a, const Interval& b) { return a.lo == b.lo && a.hi == b.hi; }
};

// The one spelling of an interval, in reports and messages alike: "0.8..0.9",
// and a point as its number ("0.4").
std::string to_string(const Interval& interval);

} // namespace imputa
