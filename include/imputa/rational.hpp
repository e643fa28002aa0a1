// Exact numbers: confidences, thresholds and numeric facts are rationals end to end.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace imputa {

using Rational = boost::multiprecision::cpp_rational;

// Reads `-?[0-9]+(\.[0-9]+)?` exactly; nullopt on anything else.
std::optional<Rational> parse_decimal(std::string_view text);

// Shortest exact decimal when the denominator divides a power of ten
// ("0.84", "3", "-1.5"); otherwise "n/d".
std::string to_decimal_string(const Rational& value);

} // namespace imputa
