// Exact decimal reading and writing: the text "0.1" is the rational 1/10, never a double.
#include "imputa/rational.hpp"

namespace imputa {

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
  boost::multiprecision::cpp_int numerator = 0, denominator = 1;
  for (char c : whole) numerator = numerator * 10 + (c - '0');
  for (char c : frac) {
    numerator = numerator * 10 + (c - '0');
    denominator *= 10;
  }
  Rational value(numerator, denominator);
  return negative ? Rational(-value) : value;
}

std::string to_decimal_string(const Rational& value) {
  using boost::multiprecision::cpp_int;
  cpp_int num = boost::multiprecision::numerator(value);
  cpp_int den = boost::multiprecision::denominator(value);
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

} // namespace imputa
