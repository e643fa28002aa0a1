// Rational keeps numbers that fit in 64 bits as machine integers and larger
// ones in arbitrary precision (dsl/rational.cpp). Weights are exact either
// way: every result here is checked against Boost's cpp_rational, across the
// boundary both ways (a product that overflows, a quotient that comes back).
#include "imputa/rational.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace imputa {
namespace {

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;

void expect_same(const Rational& got, const cpp_rational& want, const std::string& how) {
  EXPECT_EQ(got.numerator_text(), boost::multiprecision::numerator(want).str()) << how;
  EXPECT_EQ(got.denominator_text(), boost::multiprecision::denominator(want).str()) << how;
}

// A value and the same value in Boost's arithmetic.
struct Pair {
  Rational mine;
  cpp_rational exact;
};

Pair made(long long n, long long d) { return {Rational(n, d), cpp_rational(cpp_int(n), cpp_int(d))}; }

std::vector<Pair> operands() {
  constexpr long long max = std::numeric_limits<long long>::max();
  constexpr long long min = std::numeric_limits<long long>::min();
  std::vector<Pair> out;
  for (long long k : {0, 1, 3, 17, 50, 84, 99, 100}) out.push_back(made(k, 100)); // confidences
  for (long long k : {-3, 2, 7, 1000000007}) out.push_back(made(k, 1));
  out.push_back(made(1, 3));
  out.push_back(made(-22, 7));
  out.push_back(made(max, 1));
  out.push_back(made(min, 1)); // does not fit as a numerator: its negation would not
  out.push_back(made(1, max));
  out.push_back(made(max - 1, max));
  out.push_back(made(min, max));
  out.push_back(made(3037000499LL, 3037000493LL)); // squares just below 2^63
  out.push_back(made(4294967296LL, 1));            // 2^32: its square is 2^64
  return out;
}

TEST(Rational, ConstructionIsInLowestTerms) {
  expect_same(Rational(6, -4), cpp_rational(-3, 2), "6/-4");
  expect_same(Rational(0, -5), cpp_rational(0), "0/-5");
  constexpr long long min = std::numeric_limits<long long>::min();
  expect_same(Rational(min, min), cpp_rational(1), "min/min");
  expect_same(Rational(min, 2), cpp_rational(cpp_int(min), cpp_int(2)), "min/2");
  expect_same(Rational(min), cpp_rational(cpp_int(min)), "min");
  expect_same(-Rational(min), -cpp_rational(cpp_int(min)), "-min");
}

TEST(Rational, EveryOperationAgreesWithArbitraryPrecision) {
  const std::vector<Pair> pool = operands();
  std::mt19937 rng(20261201);
  for (int run = 0; run < 2000; ++run) {
    Pair acc = pool[rng() % pool.size()];
    for (int step = 0; step < 6; ++step) {
      const Pair& b = pool[rng() % pool.size()];
      const std::string how = "run " + std::to_string(run) + " step " + std::to_string(step);
      EXPECT_EQ(acc.mine == b.mine, acc.exact == b.exact) << how;
      EXPECT_EQ(acc.mine < b.mine, acc.exact < b.exact) << how;
      EXPECT_EQ(acc.mine > b.mine, acc.exact > b.exact) << how;
      switch (rng() % 5) {
      case 0: acc = {acc.mine + b.mine, acc.exact + b.exact}; break;
      case 1: acc = {acc.mine - b.mine, acc.exact - b.exact}; break;
      case 2: acc = {acc.mine * b.mine, acc.exact * b.exact}; break;
      case 3:
        if (b.exact != 0) acc = {acc.mine / b.mine, acc.exact / b.exact};
        break;
      default: acc = {-acc.mine, -acc.exact}; break;
      }
      expect_same(acc.mine, acc.exact, how);
      if (::testing::Test::HasFailure()) return; // one failing sequence says enough
    }
  }
}

// A value that leaves 64 bits and comes back is the same value as one that
// never left: equal, and ordered the same.
TEST(Rational, AValueBackFromLargeNumbersEqualsTheSmallOne) {
  Rational big = Rational(std::numeric_limits<long long>::max()) * Rational(1000);
  Rational back = big / Rational(std::numeric_limits<long long>::max());
  EXPECT_EQ(back, Rational(1000));
  EXPECT_EQ(back.numerator_text(), "1000");
  EXPECT_LT(Rational(999), back);
  EXPECT_GT(big, back);
  // Noisy-or over many bodies: 1 - (1 - 0.9)^k has a denominator of 10^k.
  Rational miss(1), scale(1);
  for (int k = 0; k < 25; ++k) {
    miss *= Rational(1) - Rational(9, 10);
    scale *= Rational(10);
  }
  EXPECT_EQ(miss * scale, Rational(1));
  EXPECT_LT(Rational(0), miss);
  EXPECT_EQ(to_decimal_string(miss), "0.0000000000000000000000001");
}

TEST(Rational, DividingByZeroThrows) {
  Rational one(1);
  EXPECT_THROW(one /= Rational(0), std::domain_error);
  EXPECT_EQ(one, Rational(1)); // left as it was
}

} // namespace
} // namespace imputa
